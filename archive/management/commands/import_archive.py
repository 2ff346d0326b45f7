"""``manage.py import_archive DIR``: into an empty database only."""

from django.core.management.base import BaseCommand, CommandError

from archive.kinds import ArchiveError
from archive.load import load


class Command(BaseCommand):
    help = (
        "Import an archive written by export_archive into an empty, migrated database: "
        "same rows, same ids, same texts and times, files back in their storage. A "
        "database holding any article, photo, person, user… is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, directory, database, **options):
        log = self.stdout.write if options["verbosity"] > 1 else None
        try:
            result = load(directory, using=database, log=log)
        except ArchiveError as error:
            raise CommandError(str(error)) from None
        rows = sum(result["rows"].values())
        articles = result["rows"].get("articles.article", 0)
        copies = (
            "stored public copies kept"
            if result["public_copies_kept"]
            else "public copies will be rendered on first read (another site or file address)"
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {articles:,} articles, {rows:,} rows and {result['files']:,} files "
                f"in {result['seconds']:.1f} s; {copies}."
            )
        )
