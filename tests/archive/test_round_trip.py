"""An archive exported and imported into another database gives back the same rows, ids,
texts, times and files, and the copy's public API answers the same bytes."""

import datetime as dt
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.test import Client

from archive.kinds import LEFT_OUT, USER_FIELDS, kind_of, ordered
from articles import workflow
from articles.models import Article, PublicCopy, SnippetSource
from demo import REFERENCE_SLUG
from dossiers.models import Dossier
from media.models import Photo, Rendition
from tests.archive.conftest import COPY, run
from tests.factories import ArticleFactory

pytestmark = pytest.mark.slow


def every_status(editor, now) -> dict[str, Article]:
    """One article in each state an archive must keep, built through the verbs."""
    made = {"draft": ArticleFactory(slug="archive-brouillon")}
    made["ready"] = workflow.submit(ArticleFactory(slug="archive-pret"), by=editor)
    made["scheduled"] = workflow.schedule(
        ArticleFactory(slug="archive-programme"), by=editor, when=now + dt.timedelta(days=2)
    )
    made["embargoed"] = workflow.publish(
        ArticleFactory(slug="archive-embargo", embargo_until=now + dt.timedelta(hours=5)),
        by=editor,
    )
    live = workflow.publish(ArticleFactory(slug="archive-en-attente"), by=editor)
    live.headline = "Un titre « modifié » qui attend\u00a0l’éditeur […]"
    made["pending"] = workflow.save_article(live, by=editor, changed_fields={"headline"})
    withdrawn = workflow.publish(ArticleFactory(slug="archive-retire"), by=editor)
    made["withdrawn"] = workflow.withdraw(withdrawn, by=editor)
    corrected = workflow.publish(ArticleFactory(slug="archive-corrige"), by=editor)
    workflow.correct(corrected, by=editor, text="Une date était fausse : le 3, non le 4.")
    made["corrected"] = corrected
    return made


def table(kind, using: str) -> list[tuple]:
    """Every row of a kind, every column (search vectors included), in id order."""
    names = [f.attname for f in kind.model._meta.concrete_fields]
    return list(kind.model._base_manager.using(using).order_by("pk").values_list(*names))


PUBLIC_URLS = [
    f"/api/v1/articles/{REFERENCE_SLUG}/",
    f"/api/v1/articles/{REFERENCE_SLUG}/ninjs/",
    "/api/v1/articles/archive-corrige/",
    "/api/v1/articles/archive-en-attente/",
    "/api/v1/articles/",
    "/api/v1/articles/?q=guerre",
    "/api/v1/sections/",
    "/api/v1/tags/",
    "/api/v1/people/",
    "/api/v1/quotes/",
    "/api/v1/dossiers/",
]


@pytest.fixture
def archive_content(settings, tmp_path, make_user, now):
    settings.MEDIA_ROOT = tmp_path / "original-files"
    run("load_demo")
    run("refresh_renditions")
    editor = make_user("editor", "edith")
    made = every_status(editor, now)
    dossier = Dossier.objects.get()
    urls = [
        *PUBLIC_URLS,
        f"/api/v1/dossiers/{dossier.slug}/",
        f"/api/v1/dossiers/{dossier.slug}/articles/",
        f"/api/v1/photos/{Photo.objects.get().pk}/",
    ]
    return made, urls


def test_round_trip_gives_back_every_row_field_by_field(
    archive_content, copy_database, copy_api, settings, tmp_path
):
    made, urls = archive_content
    client = Client()
    original = {url: (r.status_code, r.content.decode()) for url in urls for r in [client.get(url)]}
    assert {status for status, _ in original.values()} == {200}
    assert PublicCopy.objects.exists() is True
    originals_root = Path(settings.MEDIA_ROOT)

    run("export_archive", str(tmp_path / "archive"))
    settings.MEDIA_ROOT = tmp_path / "copy-files"
    output = run("import_archive", str(tmp_path / "archive"), database=COPY)

    assert "stored public copies kept" in output
    compared = 0
    for kind in ordered():
        if kind.is_user:
            continue
        assert table(kind, COPY) == table(kind, "default"), kind.label
        compared += len(table(kind, "default"))
    assert compared > 150
    for status, article in made.items():
        copy = Article.objects.using(COPY).get(pk=article.pk)
        assert (copy.status, copy.version, copy.pending) == (
            Article.objects.get(pk=article.pk).status,
            Article.objects.get(pk=article.pk).version,
            Article.objects.get(pk=article.pk).pending,
        ), status
    assert Article.objects.using(COPY).get(slug="archive-en-attente").pending["headline"] == (
        "Un titre « modifié » qui attend\u00a0l’éditeur […]"
    )
    assert Rendition.objects.using(COPY).count() > 0
    for photo in Photo.objects.all():
        assert (tmp_path / "copy-files" / photo.image.name).read_bytes() == (
            originals_root / photo.image.name
        ).read_bytes()
    for rendition in Rendition.objects.all():
        assert default_storage.exists(rendition.file.name) is True

    assert copy_api(urls) == original


def test_users_come_with_their_names_and_roles_never_their_password(
    archive_content, copy_database, tmp_path
):
    run("export_archive", str(tmp_path / "archive"))
    run("import_archive", str(tmp_path / "archive"), database=COPY)

    User = get_user_model()
    original = User.objects.get(username="edith")
    copy = User.objects.using(COPY).get(pk=original.pk)
    assert [getattr(copy, name) for name in USER_FIELDS] == [
        getattr(original, name) for name in USER_FIELDS
    ]
    assert list(copy.groups.values_list("name", flat=True)) == list(
        original.groups.values_list("name", flat=True)
    )
    assert copy.has_usable_password() is False
    assert original.password not in (tmp_path / "archive" / "auth.user.jsonl").read_text()


def test_copy_renders_the_same_bytes_without_the_stored_copies(
    archive_content, copy_database, copy_api, tmp_path
):
    """The rows alone are enough: the copy renders its public JSON again, identically. The
    copy shares the original's storage here: files already there with the same bytes keep
    their names."""
    made, urls = archive_content
    client = Client()
    original = {url: (r.status_code, r.content.decode()) for url in urls for r in [client.get(url)]}
    run("export_archive", str(tmp_path / "archive"))
    run("import_archive", str(tmp_path / "archive"), database=COPY)
    PublicCopy.objects.using(COPY).all().delete()

    assert copy_api(urls) == original


def test_times_keep_their_microseconds_and_offset_in_the_file(archive_content, tmp_path):
    made, _ = archive_content
    article = Article.objects.get(pk=made["corrected"].pk)
    run("export_archive", str(tmp_path / "archive"))

    lines = (tmp_path / "archive" / "articles.article.jsonl").read_text(encoding="utf-8")
    assert f'"published_at":"{article.published_at.isoformat()}"' in lines
    assert article.published_at.isoformat().endswith("+00:00")
    assert "Un titre « modifié » qui attend\u00a0l’éditeur […]" in lines


def test_every_project_model_is_archived_but_the_audit_log():
    labels = {kind.label for kind in ordered()}
    assert {"articles.article", "articles.article_tags", "articles.revision"} <= labels
    assert {"media.photo", "media.rendition", "dossiers.dossierentry", "auth.user"} <= labels
    assert labels & LEFT_OUT == set()
    assert "search_vector" not in kind_of(Article).keys


def test_new_rows_in_the_copy_take_ids_after_the_imported_ones(
    archive_content, copy_database, tmp_path
):
    run("export_archive", str(tmp_path / "archive"))
    run("import_archive", str(tmp_path / "archive"), database=COPY)

    highest = Article.objects.order_by("-pk").values_list("pk", flat=True).first()
    added = ArticleFactory.build(slug="apres-l-import", section=None)
    added.save(using=COPY)
    assert added.pk == highest + 1


def test_the_text_search_snippets_are_cut_from_is_written_again_on_import(
    archive_content, copy_database, tmp_path
):
    """Not in the archive: PostgreSQL writes it as each article is loaded."""
    run("export_archive", str(tmp_path / "archive"))
    assert not (tmp_path / "archive" / "articles.snippetsource.jsonl").exists()
    run("import_archive", str(tmp_path / "archive"), database=COPY)

    written = SnippetSource.objects.order_by("pk").values_list("article_id", "text")
    assert list(written)
    assert list(written.using(COPY)) == list(written)
