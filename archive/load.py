"""Read an archive into an empty database: same rows, same ids, same bytes.

Rows go in as they were written (``raw`` inserts: no ``save()``, no signals, no automatic
times), one batch at a time, in one transaction; the id sequences are set past the
highest id afterwards. Files are put back in their field's storage under their name.
"""

import hashlib
import time
from pathlib import Path
from types import SimpleNamespace

import orjson
from django.apps import apps
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management.color import no_style
from django.db import connections, transaction

from archive.export import MANIFEST
from archive.kinds import (
    DERIVED,
    FORMAT,
    VERSION,
    ArchiveError,
    Kind,
    decode,
    file_addresses,
    file_folder,
    kind_of,
    ordered,
)

BAD_LINE = (orjson.JSONDecodeError, KeyError, TypeError, ValueError, ValidationError)
ROWS_PER_INSERT = 30_000  # values per INSERT, well below PostgreSQL's 65,535 parameters


def read_manifest(directory: Path) -> dict:
    """The archive's manifest, checked: its format, its version, its kinds and files."""
    path = Path(directory) / MANIFEST
    if not path.is_file():
        raise ArchiveError(
            f"{directory}: no {MANIFEST}. This is not an archive, or its export did not finish."
        )
    try:
        manifest = orjson.loads(path.read_bytes())
    except orjson.JSONDecodeError as error:
        raise ArchiveError(f"{path} is not valid JSON: {error}.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError(f"{path} is not the manifest of a newsroom archive (format {FORMAT}).")
    version = manifest.get("version")
    if version != VERSION:
        raise ArchiveError(
            f"{path}: archive format version {version!r} is unknown; this installation reads "
            f"version {VERSION} (docs/archive-format.md)."
        )
    entries = manifest.get("kinds")
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ArchiveError(f"{path}: «kinds» must be a list of kinds.")
    return manifest


def plan(directory: Path, manifest: dict) -> list[tuple[Kind, dict]]:
    """Each kind of the archive with its model here; an unknown kind or field is refused."""
    found = []
    for entry in manifest["kinds"]:
        label, name = entry.get("kind"), entry.get("file")
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError, TypeError):
            raise ArchiveError(f"Kind {label!r} is unknown in this installation.") from None
        kind = kind_of(model)
        known = {*kind.keys, *(("groups",) if kind.is_user else ())}
        if unknown := [key for key in entry.get("fields", []) if key not in known]:
            raise ArchiveError(
                f"Kind {label}: fields unknown in this installation: {', '.join(unknown)}. "
                "The archive comes from a newer schema: migrate this installation first."
            )
        if not isinstance(name, str) or "/" in name or not (Path(directory) / name).is_file():
            raise ArchiveError(f"Kind {label}: its file {name!r} is missing from the archive.")
        found.append((kind, entry))
    return found


def check_empty(using: str) -> None:
    """Refuse a database that already holds rows of any archived kind."""
    held = []
    for kind in ordered():
        count = kind.model._base_manager.using(using).count()
        if count:
            held.append(f"{count:,} {kind.label}")
    if held:
        raise ArchiveError(
            "The database is not empty, it already holds "
            + ", ".join(held)
            + ". Import into a new, migrated database, before creating any account."
        )


def load(directory: Path, *, using: str = "default", log=None) -> dict:
    """Import the archive in ``directory``; return what went in."""
    directory = Path(directory)
    started = time.monotonic()
    manifest = read_manifest(directory)
    kinds = plan(directory, manifest)
    check_empty(using)
    same_addresses = manifest.get("site_url") == settings.SITE_URL and manifest.get(
        "file_urls"
    ) == file_addresses([kind for kind, _ in kinds])
    saved: list = []
    counts: dict[str, int] = {}
    try:
        with transaction.atomic(using=using):
            for kind, entry in kinds:
                if kind.label in DERIVED and not same_addresses:
                    if log:
                        log(f"{kind.label}: left out, rendered again on first read here")
                    continue
                counts[kind.label] = _load_kind(kind, entry, directory, using, saved)
                if counts[kind.label] != entry.get("rows"):
                    raise ArchiveError(
                        f"{entry['file']} holds {counts[kind.label]:,} rows, the manifest "
                        f"says {entry.get('rows')}: the archive is incomplete."
                    )
                if log:
                    log(f"{kind.label}: {counts[kind.label]:,} rows")
            _reset_sequences([kind.model for kind, _ in kinds], using)
    except BaseException:
        for storage, name in saved:
            storage.delete(name)
        raise
    with connections[using].cursor() as cursor:
        for kind, _ in kinds:
            cursor.execute(f'ANALYZE "{kind.model._meta.db_table}"')
    return {
        "rows": counts,
        "files": len(saved),
        "public_copies_kept": same_addresses,
        "seconds": time.monotonic() - started,
    }


def _load_kind(kind: Kind, entry: dict, directory: Path, using: str, saved: list) -> int:
    present = set(entry.get("fields", []))
    fields = list(kind.fields)
    defaults = {f.attname: f.get_default() for f in fields if f.attname not in present}
    if kind.is_user:
        fields += [kind.model._meta.get_field(n) for n in ("password", "is_superuser")]
    files = {f.attname: f for f in kind.file_fields}
    batch_size = max(1, ROWS_PER_INSERT // len(fields))
    manager = kind.model._base_manager.db_manager(using)
    batch, groups, count = [], [], 0
    path = directory / entry["file"]
    with open(path, "rb") as lines:
        for number, line in enumerate(lines, start=1):
            try:
                row = orjson.loads(line)
                values = {
                    key: decode(f, row[key]) if key in row else defaults[key]
                    for f in kind.fields
                    for key in (f.attname,)
                }
            except BAD_LINE as error:
                raise ArchiveError(f"{path}, line {number}: {error}") from None
            for attname, field in files.items():
                if values[attname]:
                    values[attname] = _put_file(kind, field, values[attname], directory, saved)
            if kind.is_user:
                values.update(password=make_password(None), is_superuser=False)
                groups.append((values["id"], row.get("groups") or []))
            batch.append(SimpleNamespace(**values))
            if len(batch) >= batch_size:
                manager._insert(batch, fields=fields, using=using, raw=True)
                batch = []
            count += 1
    if batch:
        manager._insert(batch, fields=fields, using=using, raw=True)
    if groups:
        _add_to_groups(kind.model, groups, using)
    return count


def _put_file(kind: Kind, field, name: str, directory: Path, saved: list) -> str:
    """Put an archived file back in its storage; return the name the storage gave it."""
    folder = (directory / file_folder(kind, field)).resolve()
    source = (folder / name).resolve()
    if not source.is_relative_to(folder):
        raise ArchiveError(f"{kind.label}.{field.name}: the file name {name!r} leaves the archive.")
    if not source.is_file():
        return name  # missing when exported (listed in the manifest): the row keeps its name
    if field.storage.exists(name) and _same_bytes(field.storage, name, source):
        return name  # a storage the source shares, or a second import of the same files
    with open(source, "rb") as handle:
        stored = field.storage.save(name, File(handle, name=name))
    saved.append((field.storage, stored))
    return stored


def _same_bytes(storage, name: str, source: Path) -> bool:
    digests = []
    for opened in (lambda: storage.open(name, "rb"), lambda: open(source, "rb")):
        digest = hashlib.sha256()
        with opened() as handle:
            while chunk := handle.read(1024 * 1024):
                digest.update(chunk)
        digests.append(digest.digest())
    return digests[0] == digests[1]


def _add_to_groups(user_model, groups: list, using: str) -> None:
    """Roles travel as group names; a name unknown here is left out."""
    known = dict(Group.objects.using(using).values_list("name", "pk"))
    through = user_model.groups.through
    through.objects.using(using).bulk_create(
        through(user_id=user_id, group_id=known[name])
        for user_id, names in groups
        for name in names
        if name in known
    )


def _reset_sequences(models, using: str) -> None:
    """Set every id sequence past the highest id imported, so new rows get fresh ids."""
    connection = connections[using]
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
