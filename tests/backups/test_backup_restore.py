"""A backup (``manage.py backup``) restored into a fresh database by ``manage.py restore``
gives back the same newspaper: the public API answers alike, every table has its rows, every
uploaded file is there. Damaged or misplaced restores are refused, the database unchanged."""

import hashlib
import io
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import psycopg2
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from psycopg2 import sql

from articles.models import Article
from backups import postgres
from backups.manifest import DUMP
from demo import REFERENCE_SLUG
from media.models import Photo

ROOT = Path(__file__).parents[2]
# The subprocess reads the API of the restored database through Django's test client.
READ_API = """
import json, os, sys
import django
os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
django.setup()
from django.test import Client
client = Client()
print(json.dumps({path: client.get(path).content.decode() for path in json.loads(sys.argv[1])}))
"""

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo(settings, tmp_path):
    """The demo newspaper (the reference article, its dossier, photo and quotes)."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
    call_command("load_demo", stdout=io.StringIO())
    return settings.MEDIA_ROOT


@pytest.fixture
def fresh_database():
    """An empty database on the same server, as a DATABASE_URL; dropped afterwards."""
    params = connection.get_connection_params()
    name = f"{params['dbname']}_restored"
    server = psycopg2.connect(**{**params, "dbname": "postgres"})
    server.autocommit = True
    with server.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    user, password = quote(params.get("user") or ""), quote(params.get("password") or "")
    host = quote(params.get("host") or "", safe="")
    yield name, f"postgres://{user}:{password}@{host}:{params.get('port') or 5432}/{name}"
    with server.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    server.close()


def manage(*arguments, env) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - this interpreter, the test's own arguments
        [sys.executable, *arguments],
        cwd=ROOT,
        env={**os.environ, "SECRET_KEY": secrets.token_urlsafe(50), "DEBUG": "0", **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def files_in(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_a_restored_backup_answers_the_public_api_as_the_original(demo, fresh_database, tmp_path):
    photo = Photo.objects.get()
    paths = [
        f"/api/v1/articles/{REFERENCE_SLUG}/",
        f"/api/v1/articles/{REFERENCE_SLUG}/ninjs/",
        "/api/v1/articles/",
        "/api/v1/dossiers/",
        "/api/v1/quotes/",
        "/api/v1/people/",
        f"/api/v1/photos/{photo.pk}/",
    ]
    client = Client()
    original = {path: client.get(path).content.decode() for path in paths}
    assert json.loads(original[paths[0]])["slug"] == REFERENCE_SLUG
    call_command("backup", str(tmp_path / "backup"), stdout=io.StringIO())
    rows = postgres.row_counts(connection)

    name, url = fresh_database
    restored_var = tmp_path / "restored"
    env = {"DATABASE_URL": url, "NEWSROOM_VAR_DIR": str(restored_var), "ALLOWED_HOSTS": "x"}
    done = manage("manage.py", "restore", str(tmp_path / "backup"), env=env)
    assert done.returncode == 0, done.stderr
    assert f"({rows['articles_article']} articles)" in done.stdout

    env["ALLOWED_HOSTS"] = "testserver"
    answered = manage("-c", READ_API, json.dumps(paths), env=env)
    assert answered.returncode == 0, answered.stderr
    assert json.loads(answered.stdout.splitlines()[-1]) == original
    assert rows_at(url) == rows
    assert files_in(restored_var / "uploads") == files_in(demo)
    assert photo.image.name in files_in(demo)


def rows_at(url: str) -> dict[str, int]:
    """Every table of the database at ``url`` and its number of rows."""
    with psycopg2.connect(url) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        tables = sorted(name for (name,) in cursor.fetchall())
        counts = {}
        for table in tables:
            cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
            counts[table] = cursor.fetchone()[0]
    return counts


def test_the_manifest_names_the_rows_of_the_dump_and_the_files(demo, tmp_path):
    call_command("backup", str(tmp_path / "backup"), stdout=io.StringIO())
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert manifest["rows"]["articles_article"] == Article.objects.count() > 1
    assert manifest["rows"]["media_photo"] == Photo.objects.count()
    assert manifest["uploads"]["files"] == len(files_in(demo)) > 0


def test_restore_refuses_a_database_that_already_holds_tables(demo, tmp_path):
    call_command("backup", str(tmp_path / "backup"), stdout=io.StringIO())
    with pytest.raises(CommandError, match="already holds .* tables: restore into an empty"):
        call_command("restore", str(tmp_path / "backup"), stdout=io.StringIO())


def test_restore_refuses_a_damaged_dump_and_restores_nothing(demo, fresh_database, tmp_path):
    call_command("backup", str(tmp_path / "backup"), stdout=io.StringIO())
    dump = tmp_path / "backup" / "database.dump"
    dump.write_bytes(dump.read_bytes()[:-100])
    _name, url = fresh_database
    done = manage("manage.py", "restore", str(tmp_path / "backup"), env={"DATABASE_URL": url})
    assert done.returncode == 1
    assert "database.dump is missing or not the file backed up (sha256)" in done.stderr
    with psycopg2.connect(url) as restored, restored.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert cursor.fetchone()[0] == 0


def test_backup_goes_into_a_new_folder_only(db, tmp_path):
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "ancien.txt").write_text("déjà là")
    with pytest.raises(CommandError, match="is not an empty folder"):
        call_command("backup", str(tmp_path / "backup"), stdout=io.StringIO())


def test_restore_with_replace_brings_back_what_was_lost(demo, tmp_path):
    reference = Article.objects.get(slug=REFERENCE_SLUG)
    before = Client().get(f"/api/v1/articles/{REFERENCE_SLUG}/").content
    call_command("backup", str(tmp_path / "backup"), stdout=io.StringIO())
    Article.objects.filter(pk=reference.pk).delete()
    (demo / reference.lead_photo.image.name).unlink()

    call_command("restore", str(tmp_path / "backup"), "--replace", stdout=io.StringIO())

    assert Client().get(f"/api/v1/articles/{REFERENCE_SLUG}/").content == before
    assert (demo / reference.lead_photo.image.name).is_file()


def test_a_dump_names_no_compression_method_and_the_restore_sets_them_again(
    demo, fresh_database, tmp_path
):
    """Where the server compresses stored details with lz4 (articles/0026), a dump naming
    it would fail to restore into a server built without lz4 (the embedded one): the dump
    names none, the manifest keeps them, and the restore sets each where the server can."""
    call_command("backup", str(tmp_path / "backup"), stdout=io.StringIO())
    schema = subprocess.run(  # noqa: S603 - the client of our server, our dump
        [str(postgres.client_dir(connection.pg_version // 10000) / "pg_restore"), "-s", "-f", "-"]
        + [str(tmp_path / "backup" / DUMP)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "CREATE TABLE public.articles_publiccopy" in schema
    assert "COMPRESSION" not in schema
    compressed = postgres.compressed_columns(connection)
    lz4 = "lz4" in postgres.compression_methods(connection)
    assert (["articles_publiccopy", "detail", "lz4"] in compressed) == lz4

    name, url = fresh_database
    env = {"DATABASE_URL": url, "NEWSROOM_VAR_DIR": str(tmp_path / "restored")}
    done = manage("manage.py", "restore", str(tmp_path / "backup"), env=env)
    assert done.returncode == 0, done.stderr
    with psycopg2.connect(url) as conn, conn.cursor() as cursor:
        cursor.execute(
            "SELECT attcompression FROM pg_attribute"
            " WHERE attrelid = 'articles_publiccopy'::regclass AND attname = 'detail'"
        )
        assert cursor.fetchone() == ("l" if lz4 else "",)
