"""``manage.py backup DIR``: the database (pg_dump) and the uploaded files (tar) into DIR."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from backups import postgres, uploads
from backups.manifest import DUMP, FORMAT, MANIFEST, UPLOADS


class Command(BaseCommand):
    help = "Back up the database (pg_dump) and the uploaded files (a tar) into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="a new (or empty) folder for the backup")

    def handle(self, directory, **options):
        target = Path(directory)
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise CommandError(f"{target} is not an empty folder: a backup goes into a new one.")
        target.mkdir(parents=True, exist_ok=True)
        started = timezone.now()
        try:
            rows, version = self.dump(target / DUMP)
        except postgres.BackupError as error:
            raise CommandError(str(error)) from None
        manifest = {
            "format": FORMAT,
            "created_at": started.isoformat(),
            "database": {
                "file": DUMP,
                "sha256": postgres.sha256(target / DUMP),
                "server_version": version,
                "compressed_columns": postgres.compressed_columns(connection),
            },
            "rows": rows,
        }
        # The files after the database: a photo uploaded meanwhile is kept without its row
        # (harmless); one deleted meanwhile would be missing, so deletions wait on commit.
        root = uploads.local_root()
        if root is None:
            manifest["uploads"] = {"object_storage": True}
            self.stdout.write(
                "The photos are in object storage (PHOTOS_BUCKET): back the bucket up with "
                "its own tools (versioning, replication, aws s3 sync)."
            )
        else:
            files, size = uploads.pack(root, target / UPLOADS)
            manifest["uploads"] = {
                "file": UPLOADS,
                "sha256": postgres.sha256(target / UPLOADS),
                "files": files,
                "bytes": size,
            }
        (target / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        articles = rows.get("articles_article", 0)
        self.stdout.write(
            f"Backed up {sum(rows.values())} rows ({articles} articles) and "
            f"{manifest['uploads'].get('files', 0)} files into {target}."
        )

    @staticmethod
    def dump(path: Path) -> tuple[dict[str, int], str]:
        """pg_dump of one snapshot, the rows counted in that same snapshot."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version')")
            snapshot, version = cursor.fetchone()
            rows = postgres.row_counts(connection)
            postgres.dump(
                connection.settings_dict,
                path,
                snapshot=snapshot,
                server_major=connection.pg_version // 10000,
            )
        return rows, version
