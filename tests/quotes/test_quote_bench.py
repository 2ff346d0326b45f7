"""quote_bench in make test: the finder holds a floor on a subset of the labelled
articles (the full figures, and the held-out set's, are in docs/benchmarks.md)."""

import io

import pytest
from django.core.management import call_command

from bench import quotes

# The reference article and four others of different kinds: justice, economy, a live
# blog, education (57 labelled quotes; all right today). Raise the floor as the finder improves.
SUBSET = ["00", "02", "05", "08", "12"]
FLOOR = {"precision": 0.97, "recall": 0.97, "speaker": 0.95, "role": 0.95, "kind": 0.95}


@pytest.fixture(scope="module")
def score():
    return quotes.score(quotes.load(SUBSET))


def test_the_subset_is_the_one_the_floor_was_set_on(score):
    assert score.labels == 57


@pytest.mark.parametrize("measure", ["precision", "recall"])
def test_quotes_are_found_above_the_floor(score, measure):
    assert getattr(score, measure) >= FLOOR[measure], score.misses


@pytest.mark.parametrize("measure", ["speaker", "role", "kind"])
def test_speakers_roles_and_kinds_are_right_above_the_floor(score, measure):
    assert score.accuracy(measure) >= FLOOR[measure], score.misses


def test_quote_bench_prints_both_sets_and_rewrites_its_own_section(db, tmp_path):
    report = tmp_path / "benchmarks.md"
    report.write_text("# Benchmarks\n\n## Quote suggestions\n\nold figures\n\n## Other\n\nkept\n")
    out = io.StringIO()

    call_command("quote_bench", "--only", "00", "--output", str(report), stdout=out)
    call_command("quote_bench", "--only", "00", "--output", str(report), stdout=io.StringIO())

    assert "detection precision" in out.getvalue()
    text = report.read_text()
    assert text.count("## Quote suggestions") == 1
    assert "old figures" not in text
    assert "## Other\n\nkept" in text
    assert "The labelled set" in text
