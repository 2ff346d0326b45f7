"""Write an archive: a manifest, one JSON Lines file per kind, and the files.

Rows are read through server-side cursors in one read-only, repeatable-read transaction
(one consistent picture of a database in use), chunk by chunk, so memory stays flat
whatever the size; files are copied from their storage one by one.
"""

import shutil
import time
from pathlib import Path

import orjson
from django.conf import settings
from django.contrib.postgres.aggregates import ArrayAgg
from django.db import connections, transaction
from django.db.models import Q
from django.utils import timezone

from archive.kinds import (
    FORMAT,
    VERSION,
    ArchiveError,
    Kind,
    encode,
    file_addresses,
    file_folder,
    ordered,
)

CHUNK = 2000
MANIFEST = "manifest.json"
MISSING_LISTED = 100


def export(directory: Path, scope, *, using: str = "default", log=None) -> dict:
    """Write the rows ``scope`` chooses into ``directory`` (absent or empty); return the
    manifest, written last: an archive without one is unfinished."""
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        raise ArchiveError(f"{directory} is not empty: export into a new or empty folder.")
    directory.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    kinds = ordered()
    files = {"copied": 0, "bytes": 0, "missing": 0, "missing_names": []}
    entries = []
    connection = connections[using]
    snapshot = not connection.in_atomic_block
    with transaction.atomic(using=using):
        if snapshot:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        exported_at = timezone.now()
        scope.prepare(kinds, using)
        for kind in kinds:
            name = f"{kind.label}.jsonl"
            count, keys = _write_kind(kind, scope.rows(kind), directory, name, files)
            entries.append({"kind": kind.label, "file": name, "rows": count, "fields": keys})
            if log:
                log(f"{kind.label}: {count:,} rows")
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": exported_at.isoformat(),
        "scope": scope.description,
        "site_url": settings.SITE_URL,
        "file_urls": file_addresses(kinds),
        "kinds": entries,
        "files": files,
        "seconds": round(time.monotonic() - started, 3),
    }
    partial = directory / f"{MANIFEST}.part"
    partial.write_bytes(orjson.dumps(manifest, option=orjson.OPT_INDENT_2) + b"\n")
    partial.replace(directory / MANIFEST)
    return manifest


def _write_kind(kind: Kind, rows, directory: Path, name: str, files: dict):
    keys = list(kind.keys)
    rows = rows.order_by("pk")
    if kind.is_user:
        rows = rows.annotate(
            group_names=ArrayAgg(
                "groups__name", filter=Q(groups__isnull=False), order_by="groups__name"
            )
        )
        values = rows.values_list(*keys, "group_names")
        keys.append("groups")
    else:
        values = rows.values_list(*keys)
    file_columns = [(keys.index(f.attname), f) for f in kind.file_fields]
    count = 0
    with open(directory / name, "wb") as out:
        for row in values.iterator(chunk_size=CHUNK):
            line = dict(zip(keys, row, strict=True))
            if kind.is_user and line["groups"] is None:
                line["groups"] = []
            for position, field in file_columns:
                if row[position]:
                    _copy_file(kind, field, row[position], directory, files)
            out.write(orjson.dumps(line, default=encode))
            out.write(b"\n")
            count += 1
    return count, keys


def _copy_file(kind: Kind, field, name: str, directory: Path, files: dict) -> None:
    target = directory / file_folder(kind, field) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with field.storage.open(name, "rb") as source, open(target, "wb") as out:
            shutil.copyfileobj(source, out, 1024 * 1024)
    except OSError:
        target.unlink(missing_ok=True)
        files["missing"] += 1
        if len(files["missing_names"]) < MISSING_LISTED:
            files["missing_names"].append(f"{kind.label}.{field.name}: {name}")
        return
    files["copied"] += 1
    files["bytes"] += target.stat().st_size
