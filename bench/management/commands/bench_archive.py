"""``manage.py bench_archive``: the whole archive exported and imported, timed."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import psycopg2
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from articles.models import Article
from demo import volume

# Runs manage.py in a child process and reports its peak memory (kB) when it exits.
MEASURED = (
    "import atexit, resource, runpy, sys\n"
    "atexit.register(lambda: sys.stderr.write("
    "f'MAXRSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n'))\n"
    "sys.argv = ['manage.py', *sys.argv[1:]]\n"
    "runpy.run_path('manage.py', run_name='__main__')\n"
)


class Command(BaseCommand):
    help = (
        "Time export_archive over this database's whole archive and import_archive into a "
        "new database on the same server (created, migrated, then dropped), each in its own "
        "process, and print their speed, the archive's size and each process's peak memory. "
        "--size first generates articles up to that number (demo/volume.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--size", type=int, default=0, help="Generate articles up to N.")
        parser.add_argument("--keep", action="store_true", help="Keep the archive folder.")

    def handle(self, *args, size, keep, **options):
        missing = size - Article.objects.count()
        if missing > 0:
            self.stdout.write(f"Generating {missing:,} articles…")
            volume.generate(missing)
        params = connection.settings_dict
        target = f"{params['NAME']}_archive_bench"
        folder = Path(tempfile.mkdtemp(prefix="archive-bench-")) / "archive"
        try:
            baseline = _run(["check"], os.environ)[1]
            export = _run(["export_archive", str(folder)], os.environ)
            size_mb = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6
            _create(params, target)
            env = {**os.environ, "DATABASE_URL": _url(params, target)}
            _run(["migrate", "--no-input", "-v0"], env)
            imported = _run(["import_archive", str(folder)], env)
        finally:
            _drop(params, target)
            if not keep:
                shutil.rmtree(folder.parent, ignore_errors=True)
        rows = int(re.search(r"([\d,]+) rows in", export[0]).group(1).replace(",", ""))
        articles = Article.objects.count()
        lines = [
            f"Whole archive of {articles:,} articles ({rows:,} rows, every kind): "
            f"{size_mb:,.0f} MB of JSON Lines and files. Each command in its own process; "
            f"peak memory of a bare `manage.py check`: {baseline / 1024:.0f} MB.",
            "",
            "| step | time | rows/s | peak memory |",
            "| --- | ---: | ---: | ---: |",
        ]
        for label, (_, rss, seconds) in (("export_archive", export), ("import_archive", imported)):
            lines.append(
                f"| {label} | {seconds:.1f} s | {rows / seconds:,.0f} | {rss / 1024:.0f} MB |"
            )
        self.stdout.write("\n".join(lines))


def _run(arguments, env) -> tuple[str, int, float]:
    """Run manage.py ``arguments``; return its output, peak memory (kB) and duration."""
    started = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "-c", MEASURED, *arguments],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode:
        raise CommandError(f"manage.py {arguments[0]} failed:\n{done.stderr[-2000:]}")
    rss = int(re.search(r"MAXRSS (\d+)", done.stderr).group(1))
    return done.stdout, rss, seconds


def _server(params):
    server = psycopg2.connect(
        dbname="postgres",
        user=params.get("USER") or None,
        password=params.get("PASSWORD") or None,
        host=params.get("HOST") or None,
        port=params.get("PORT") or None,
    )
    server.autocommit = True
    return server


def _create(params, name: str) -> None:
    server = _server(params)
    try:
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        server.close()


def _drop(params, name: str) -> None:
    server = _server(params)
    try:
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        server.close()


def _url(params, name: str) -> str:
    user = quote(params.get("USER") or "", safe="")
    password = quote(params.get("PASSWORD") or "", safe="")
    host = quote(params.get("HOST") or "", safe="")
    credentials = f"{user}:{password}@" if password else f"{user}@"
    return f"postgres://{credentials}{host}:{params.get('PORT') or 5432}/{name}"
