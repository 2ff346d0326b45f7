"""``manage.py restore DIR``: a backup made by ``manage.py backup`` into this database."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from backups import postgres, uploads
from backups.manifest import FORMAT, MANIFEST


class Command(BaseCommand):
    help = (
        "Restore a backup (manage.py backup) into this database, empty unless --replace, "
        "and its files into MEDIA_ROOT. Stop the app and the worker first."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="the backup's folder")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="drop what this database holds of the backup's tables and rows first",
        )

    def handle(self, directory, replace, **options):
        source = Path(directory)
        manifest = self.checked_manifest(source)
        if not replace and (tables := postgres.row_counts(connection)):
            raise CommandError(
                f"This database ({connection.settings_dict['NAME']}) already holds "
                f"{len(tables)} tables: restore into an empty database, or pass --replace."
            )
        try:
            postgres.restore(
                connection.settings_dict,
                source / manifest["database"]["file"],
                replace=replace,
                server_major=connection.pg_version // 10000,
            )
        except postgres.BackupError as error:
            raise CommandError(f"Nothing was restored: {error}") from None
        rows = postgres.row_counts(connection)
        if differ := sorted(t for t, n in manifest["rows"].items() if rows.get(t) != n):
            raise CommandError(f"Restored, but these tables' rows differ: {', '.join(differ)}")
        columns = manifest["database"].get("compressed_columns", [])
        for table, column, method in postgres.compress_columns(connection, columns):
            self.stdout.write(f"{table}.{column}: no {method} on this server, its default kept.")
        files = self.restore_files(source, manifest["uploads"])
        self.stdout.write(
            f"Restored {sum(rows.values())} rows ({rows.get('articles_article', 0)} articles) "
            f"and {files} files from {source}. Run `manage.py migrate` if this code is newer."
        )

    @staticmethod
    def checked_manifest(source: Path) -> dict:
        """The backup's manifest, once every file it names is there, whole."""
        try:
            manifest = json.loads((source / MANIFEST).read_text())
        except (OSError, ValueError) as error:
            raise CommandError(f"{source} holds no readable {MANIFEST}: {error}") from None
        if manifest.get("format") != FORMAT:
            raise CommandError(f"{source / MANIFEST} is not a {FORMAT} manifest.")
        for part in (manifest["database"], manifest["uploads"]):
            if "file" not in part:
                continue
            path = source / part["file"]
            if not path.is_file() or postgres.sha256(path) != part["sha256"]:
                raise CommandError(f"{path} is missing or not the file backed up (sha256).")
        return manifest

    def restore_files(self, source: Path, part: dict) -> int:
        if "file" not in part:
            self.stdout.write("The backup holds no files: the photos were in object storage.")
            return 0
        root = uploads.local_root()
        if root is None:
            self.stdout.write(
                f"The photos are in object storage (PHOTOS_BUCKET): {source / part['file']} "
                "was not unpacked; copy its files to the bucket (aws s3 sync)."
            )
            return 0
        return uploads.unpack(source / part["file"], root)
