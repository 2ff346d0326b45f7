"""``bench_syndication`` times every syndication address on whatever archive it finds."""

import io

import pytest
from django.core.management import CommandError, call_command

from tests.factories import DossierEntryFactory


def test_bench_times_each_address_with_its_queries(make_published, settings):
    settings.ALLOWED_HOSTS = ["localhost"]
    for n in range(3):
        DossierEntryFactory(article=make_published(slug=f"banc-{n}"), dossier__slug=f"d-{n}")
    out = io.StringIO()

    call_command("bench_syndication", runs=2, stdout=out)

    rows = [line for line in out.getvalue().splitlines() if line.startswith("| ")][2:]
    assert len(rows) == 7
    assert rows[0].startswith("| `/sitemap.xml` (index) |")
    assert all(row.split("|")[4].strip().isdigit() for row in rows)  # queries


def test_bench_needs_an_archive(db, settings):
    settings.ALLOWED_HOSTS = ["localhost"]
    with pytest.raises(CommandError, match="No public article"):
        call_command("bench_syndication", runs=1, stdout=io.StringIO())
