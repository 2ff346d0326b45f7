"""What import_archive and export_archive refuse, with a message an operator can act on,
leaving the database as it was."""

import orjson
import pytest
from django.core.management.base import CommandError

from articles.models import Article, Section
from tests.archive.conftest import run
from tests.factories import ArticleFactory


@pytest.fixture
def empty_archive(db, tmp_path):
    """The archive of an empty database: every kind, no row."""
    run("export_archive", str(tmp_path / "vide"))
    return tmp_path / "vide"


def rewrite_manifest(directory, change) -> None:
    path = directory / "manifest.json"
    manifest = orjson.loads(path.read_bytes())
    change(manifest)
    path.write_bytes(orjson.dumps(manifest))


def test_import_into_a_database_holding_articles_is_refused(db, tmp_path):
    ArticleFactory()
    run("export_archive", str(tmp_path / "archive"))

    refusal = r"not empty, it already holds 1 articles\.section, 1 articles\.article\."
    with pytest.raises(CommandError, match=refusal):
        run("import_archive", str(tmp_path / "archive"))
    assert Article.objects.count() == 1


def test_an_archive_of_an_unknown_version_is_refused(empty_archive):
    rewrite_manifest(empty_archive, lambda manifest: manifest.update(version=2))

    with pytest.raises(
        CommandError, match="version 2 is unknown; this installation reads version 1"
    ):
        run("import_archive", str(empty_archive))


def test_a_corrupted_manifest_is_refused(empty_archive):
    (empty_archive / "manifest.json").write_bytes(b'{"format": "newsroom-archive", "vers')

    with pytest.raises(CommandError, match="manifest.json is not valid JSON"):
        run("import_archive", str(empty_archive))


def test_a_folder_without_manifest_is_not_an_archive(db, tmp_path):
    with pytest.raises(CommandError, match="no manifest.json. This is not an archive"):
        run("import_archive", str(tmp_path))


def test_a_field_unknown_here_is_refused(empty_archive):
    def add_field(manifest):
        next(e for e in manifest["kinds"] if e["kind"] == "articles.article")["fields"].append(
            "colour"
        )

    rewrite_manifest(empty_archive, add_field)

    with pytest.raises(
        CommandError, match="articles.article: fields unknown in this installation: colour"
    ):
        run("import_archive", str(empty_archive))


def test_a_corrupted_line_names_its_file_and_line_and_nothing_goes_in(empty_archive):
    good = b'{"id":1,"name":"Monde","slug":"monde","parent_id":null,"position":0}\n'
    (empty_archive / "articles.section.jsonl").write_bytes(good + b'{"id":2,"name":"Eur')

    with pytest.raises(CommandError, match=r"articles\.section\.jsonl, line 2"):
        run("import_archive", str(empty_archive))
    assert Section.objects.count() == 0


def test_export_into_a_folder_holding_files_is_refused(db, tmp_path):
    (tmp_path / "notes.txt").write_text("à garder")

    with pytest.raises(CommandError, match="is not empty: export into a new or empty folder"):
        run("export_archive", str(tmp_path))


def test_an_unknown_dossier_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="No dossier has the slug «nulle-part»"):
        run("export_archive", str(tmp_path / "archive"), dossier="nulle-part")


def test_an_archive_older_than_a_field_imports_it_with_its_default(db, tmp_path):
    """A field added by a later migration is absent from older archives: they still load."""
    Section.objects.create(name="Monde", slug="monde", position=7)
    run("export_archive", str(tmp_path / "ancienne"))
    Section.objects.all().delete()
    kind = tmp_path / "ancienne" / "articles.section.jsonl"
    row = orjson.loads(kind.read_bytes())
    del row["position"]
    kind.write_bytes(orjson.dumps(row) + b"\n")

    def forget_position(manifest):
        entry = next(e for e in manifest["kinds"] if e["kind"] == "articles.section")
        entry["fields"].remove("position")

    rewrite_manifest(tmp_path / "ancienne", forget_position)
    run("import_archive", str(tmp_path / "ancienne"))

    assert list(Section.objects.values_list("slug", "position")) == [("monde", 0)]


def test_a_kind_cut_short_is_refused_and_nothing_goes_in(db, tmp_path):
    ArticleFactory.create_batch(2)
    run("export_archive", str(tmp_path / "coupee"))
    Article.objects.all().delete()
    Section.objects.all().delete()
    kind = tmp_path / "coupee" / "articles.article.jsonl"
    kind.write_bytes(kind.read_bytes().splitlines(keepends=True)[0])

    refusal = "articles.article.jsonl holds 1 rows, the manifest says 2: the archive is incomplete"
    with pytest.raises(CommandError, match=refusal):
        run("import_archive", str(tmp_path / "coupee"))
    assert (Article.objects.count(), Section.objects.count()) == (0, 0)
