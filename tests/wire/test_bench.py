"""``manage.py bench_wire`` measures the import and leaves nothing behind."""

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from wire.models import WireItem


def test_the_benchmark_writes_its_section_and_removes_what_it_made(tmp_path, db, capsys):
    output = tmp_path / "benchmarks.md"
    output.write_text("# Benchmarks\n\n## Wire import\n\nancien\n\n## Autre\n\ngardé\n")

    call_command("bench_wire", "--items", "10", "--output", str(output), "--min-rate", "0")

    text = output.read_text()
    assert text.count("## Wire import") == 1
    assert "ancien" not in text
    assert text.endswith("## Autre\n\ngardé\n")
    assert "| create (created) |" in text
    assert "| update (updated) |" in text
    assert "| unchanged (unchanged) |" in text
    assert (Article.objects.count(), WireItem.objects.count()) == (0, 0)


def test_the_benchmark_fails_under_its_minimum_rate(db, capsys):
    with pytest.raises(CommandError, match="under 1000000 items/s"):
        call_command("bench_wire", "--items", "4", "--min-rate", "1000000")
