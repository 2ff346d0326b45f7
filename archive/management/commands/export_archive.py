"""``manage.py export_archive DIR [--dossier SLUG] [--from DATE] [--to DATE]``."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from archive import scope
from archive.export import export
from archive.kinds import ArchiveError


def day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{text!r} is not a date (YYYY-MM-DD).") from None


class Command(BaseCommand):
    help = (
        "Write the archive (every article in every status, revisions, photos and their "
        "files, dossiers, people, quotes, tags, sections, the users they name) into DIR "
        "as versioned JSON Lines (docs/archive-format.md); or only one dossier, or the "
        "articles of a period (publication time, else creation time, in Paris), with what "
        "they need."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="A new or empty folder.")
        parser.add_argument("--dossier", help="Only this dossier (slug) and its articles.")
        parser.add_argument("--from", dest="start", type=day, help="First day (YYYY-MM-DD).")
        parser.add_argument("--to", dest="end", type=day, help="Last day, included.")
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, directory, dossier, start, end, database, **options):
        if start and end and start > end:
            raise CommandError("--from is after --to.")
        if dossier or start or end:
            chosen = scope.Partial(dossier=dossier, start=start, end=end)
        else:
            chosen = scope.Whole()
        log = self.stdout.write if options["verbosity"] > 1 else None
        try:
            manifest = export(directory, chosen, using=database, log=log)
        except ArchiveError as error:
            raise CommandError(str(error)) from None
        rows = sum(entry["rows"] for entry in manifest["kinds"])
        articles = next(e["rows"] for e in manifest["kinds"] if e["kind"] == "articles.article")
        files = manifest["files"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Archive written to {directory}: {articles:,} articles, {rows:,} rows in "
                f"{len(manifest['kinds'])} kinds, {files['copied']:,} files "
                f"({files['bytes'] / 1e6:.1f} MB) in {manifest['seconds']:.1f} s."
            )
        )
        if files["missing"]:
            self.stderr.write(
                f"{files['missing']:,} files were missing from their storage (listed in "
                "manifest.json): their rows keep their names."
            )
