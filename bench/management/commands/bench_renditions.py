"""Time and peak memory of one photo's path from upload to all of its renditions.

A 24-megapixel JPEG (6000 × 4000 by default) is drawn in a separate process, so that
drawing it does not count; then this process uploads it through ``create_photo`` and runs
the renditions task's body, in a transaction rolled back at the end and with files in a
temporary folder. Peak memory is the process's maximum resident set size (``ru_maxrss``),
Django included. ``--output`` rewrites the "Photos" section of docs/benchmarks.md.
"""

import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import PIL
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from bench import report
from media import tasks, uploads

HEADING = "## Photos: upload to renditions"
# Drawn in a child process: a sky gradient, a textured ground and sensor noise, so that
# the JPEG weighs what a real 24-megapixel news photo weighs.
DRAW = """
import sys
from PIL import Image, ImageDraw
width, height, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
red = Image.linear_gradient("L").resize((width, height))
green = Image.radial_gradient("L").resize((width, height))
blue = Image.effect_noise((width, height), 48)
image = Image.merge("RGB", (red, green, blue))
draw = ImageDraw.Draw(image)
step, ground = max(1, width // 60), height // 2
for left in range(0, width, step):
    draw.ellipse((left, ground, left + width // 40, ground + height // 10), fill=(30, 60, 20))
image.save(path, "JPEG", quality=92, exif=Image.Exif())
"""


def peak_memory_mb() -> float:
    """This process's peak resident memory so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    return (
        f"{os.cpu_count()} CPUs, {memory:.1f} GiB, {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}, Pillow {PIL.__version__}"
    )


class Command(BaseCommand):
    help = "Measure upload-to-renditions time and peak memory for a 24-megapixel JPEG."

    def add_arguments(self, parser):
        parser.add_argument("--width", type=int, default=6000)
        parser.add_argument("--height", type=int, default=4000)
        parser.add_argument("--output", type=Path, help="Markdown file to update")
        parser.add_argument(
            "--max-mb", type=float, default=500, help="fail if peak memory exceeds this"
        )

    def handle(self, *args, width, height, output, max_mb, **options):
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder, "bench.jpg")
            draw = [sys.executable, "-c", DRAW, str(width), str(height), str(source)]
            subprocess.run(draw, check=True)  # noqa: S603 - our own interpreter and script
            results = self.measure(source, Path(folder, "uploads"))
        results["source"] = f"{width} × {height} JPEG, {results['bytes'] / 1024**2:.1f} MB"
        section = self.section(results)
        self.stdout.write(section)
        if output:
            text = output.read_text() if output.exists() else "# Benchmarks\n"
            output.write_text(report.replace_section(text, HEADING, section))
        if results["peak"] > max_mb:
            raise CommandError(f"Peak memory {results['peak']:.0f} MB is over {max_mb:.0f} MB.")

    def measure(self, source: Path, media_root: Path) -> dict:
        filesystem = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
        storages = {"default": filesystem, "staticfiles": filesystem}
        baseline = peak_memory_mb()
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        with override_settings(MEDIA_ROOT=media_root, STORAGES=storages), transaction.atomic():
            started = time.perf_counter()
            with source.open("rb") as handle:
                photo = uploads.create_photo(File(handle, name=source.name))
            uploaded = time.perf_counter()
            count = tasks.generate_renditions.call(photo.pk)
            finished = time.perf_counter()
            transaction.set_rollback(True)  # leave nothing behind
        return {
            "bytes": source.stat().st_size,
            "upload": uploaded - started,
            "renditions": finished - uploaded,
            "count": count,
            "total": finished - started,
            "baseline": baseline,
            "peak": peak_memory_mb(),
            "load": load,
        }

    def section(self, results: dict) -> str:
        rows = [
            ("source", results["source"]),
            ("upload (checks, metadata, hash, store)", f"{results['upload']:.2f} s"),
            (f"renditions ({results['count']} files)", f"{results['renditions']:.2f} s"),
            ("upload to all renditions", f"{results['total']:.2f} s"),
            ("peak memory (whole process)", f"{results['peak']:.0f} MB"),
            ("of which before the upload (Django)", f"{results['baseline']:.0f} MB"),
            ("machine", machine()),
            ("load average when measured (other work on the machine)", results["load"]),
            ("measured", timezone.localdate().isoformat()),
        ]
        table = "\n".join(f"| {name} | {value} |" for name, value in rows)
        return (
            f"{HEADING}\n\n"
            "`make bench` (or `python manage.py bench_renditions --output docs/benchmarks.md`):"
            " one 24-megapixel JPEG through the upload path (`media.uploads.create_photo`) and"
            " the renditions task (`media.tasks.generate_renditions`): every width in JPEG and"
            " WebP, whole and cropped. Peak memory is the process's maximum resident set size;"
            " it must stay under 500 MB (the command fails otherwise).\n\n"
            "| measure | value |\n| --- | --- |\n"
            f"{table}\n"
        )
