"""The benchmark command runs the real upload and renditions path and writes its own
section of docs/benchmarks.md, leaving the other sections and the database alone."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from media.models import Photo

pytestmark = pytest.mark.slow

OTHER = "# Benchmarks\n\n## Articles: list\n\nKept as it was.\n"


def test_bench_writes_its_section_and_keeps_the_others(db, tmp_path):
    output = tmp_path / "benchmarks.md"
    output.write_text(OTHER + "\n## Photos: upload to renditions\n\nOld figures.\n")

    call_command("bench_renditions", width=900, height=600, output=output, max_mb=100_000)

    text = output.read_text()
    assert text.startswith(OTHER)
    assert "Old figures." not in text
    assert text.count("## Photos: upload to renditions") == 1
    assert "| source | 900 × 600 JPEG," in text
    assert "| renditions (22 files) |" in text
    assert Photo.objects.count() == 0


def test_bench_fails_when_peak_memory_is_over_the_limit(db, tmp_path):
    with pytest.raises(CommandError, match="Peak memory"):
        call_command("bench_renditions", width=300, height=200, max_mb=1)
