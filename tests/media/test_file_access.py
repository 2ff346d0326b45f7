"""Photo files follow the public rule (decision 0013): the renditions of a photo no public
content shows, and every original, answer 404 to anonymous visitors (the same answer as a
name that does not exist); once the photo is shown by a public article or dossier its
renditions answer 200, cacheable; a withdrawal makes them 404 again. The newsroom sees
every file."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone

from articles import workflow
from media.models import Photo
from tests.factories import ArticleFactory, DossierEntryFactory, DossierFactory
from tests.media import images


@pytest.fixture
def photo(create):
    return create(images.jpeg((700, 500)), "manifestation.jpg", caption="Légende", credit="AFP")


def urls_of(photo: Photo) -> list[str]:
    return [rendition.file.url for rendition in photo.renditions.all()]


def status_codes(client, urls) -> set[int]:
    return {client.get(url).status_code for url in urls}


def fetched(response) -> bytes:
    return b"".join(response.streaming_content)


def test_a_photo_has_renditions_and_an_original_to_ask_for(photo):
    assert len(urls_of(photo)) > 10
    assert photo.image.url.startswith("/photos/files/originals/")


def test_files_of_a_photo_no_article_shows_are_404_to_the_public(photo):
    client = Client()

    assert status_codes(client, [photo.image.url, *urls_of(photo)]) == {404}


@pytest.mark.parametrize("state", ["draft", "scheduled", "embargoed", "withdrawn"])
def test_files_of_a_non_public_articles_photo_are_404_to_the_public(photo, now, state):
    article = ArticleFactory(lead_photo=photo)
    if state == "scheduled":
        workflow.publish(article, by=None, at=now, when=now + dt.timedelta(hours=2))
    elif state == "embargoed":
        article.embargo_until = now + dt.timedelta(hours=2)
        article.save()
        workflow.publish(article, by=None, at=now - dt.timedelta(hours=1))
    elif state == "withdrawn":
        workflow.publish(article, by=None, at=now - dt.timedelta(hours=1))
        workflow.withdraw(article, by=None)

    assert status_codes(Client(), [photo.image.url, *urls_of(photo)]) == {404}


def test_renditions_of_a_published_articles_photo_are_public_and_cacheable(photo, make_published):
    make_published(lead_photo=photo)
    rendition = photo.renditions.get(ratio="16:9", format="WEBP", width=320)

    response = Client().get(rendition.file.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert fetched(response) == rendition.file.read()
    assert response["Cache-Control"].startswith("public, max-age=")
    assert response["Surrogate-Key"] == f"photo-{photo.pk}"
    assert status_codes(Client(), urls_of(photo)) == {200}


def test_a_file_costs_the_same_queries_public_or_not(
    photo, make_published, django_assert_num_queries
):
    hidden = [rendition.file.url for rendition in photo.renditions.all()[:3]]
    with django_assert_num_queries(2 * len(hidden)):  # the file's photo, its public check
        assert status_codes(Client(), hidden) == {404}
    make_published(lead_photo=photo)
    with django_assert_num_queries(2 * len(hidden)):
        assert status_codes(Client(), hidden) == {200}


def test_the_original_is_never_public_even_once_published(photo, make_published, api):
    article = make_published(lead_photo=photo)

    assert Client().get(photo.image.url).status_code == 404
    served = api.get(f"/api/v1/articles/{article.slug}/").content.decode()
    assert photo.image.name not in served


def test_public_json_gives_the_largest_whole_picture_rendition_for_the_picture(
    photo, make_published, api
):
    article = make_published(lead_photo=photo)
    largest = photo.renditions.filter(ratio="original", format="JPEG").order_by("-width")[0]

    lead = api.get(f"/api/v1/articles/{article.slug}/").json()["lead_photo"]

    assert lead["url"].endswith(largest.file.url)
    assert (lead["width"], lead["height"], lead["format"]) == (700, 500, "JPEG")
    assert {r["url"].split("/photos/files/")[1] for r in lead["renditions"]} == {
        r.file.name for r in photo.renditions.all()
    }


def test_withdrawal_makes_the_renditions_404_again(photo, make_published):
    article = make_published(lead_photo=photo)
    client = Client()
    assert status_codes(client, urls_of(photo)) == {200}

    workflow.withdraw(article, by=None)

    assert status_codes(client, urls_of(photo)) == {404}


def test_a_photo_in_a_public_articles_body_or_on_a_public_dossiers_cover_is_public(
    create, make_published
):
    in_body = create(images.jpeg((400, 300)), "corps.jpg")
    cover = create(images.jpeg((401, 300)), "couverture.jpg")
    make_published(body=[{"type": "photo", "photo": in_body.pk, "caption": ""}])
    DossierEntryFactory(dossier=DossierFactory(cover_photo=cover), article=make_published())

    assert status_codes(Client(), [*urls_of(in_body), *urls_of(cover)]) == {200}


def test_a_photo_whose_rights_expired_is_404_to_the_public(photo, make_published, now):
    make_published(lead_photo=photo)
    Photo.objects.filter(pk=photo.pk).update(rights_expire_at=now - dt.timedelta(seconds=1))

    assert status_codes(Client(), urls_of(photo)) == {404}


def test_no_cache_keeps_a_rendition_past_the_photos_rights(photo, make_published, now):
    make_published(lead_photo=photo)
    Photo.objects.filter(pk=photo.pk).update(rights_expire_at=now + dt.timedelta(seconds=30))

    cache_control = Client().get(urls_of(photo)[0])["Cache-Control"]

    assert int(re.search(r"s-maxage=(\d+)", cache_control).group(1)) <= 30


def test_the_newsroom_sees_every_file_of_a_draft_by_session_or_token(photo, editor, as_user):
    ArticleFactory(lead_photo=photo)
    session = Client()
    session.force_login(editor)
    urls = [photo.image.url, *urls_of(photo)]

    assert status_codes(session, urls) == {200}
    assert status_codes(as_user(editor), urls) == {200}
    response = session.get(photo.image.url)
    assert fetched(response) == photo.image.read()
    assert response["Cache-Control"] == "private, no-store"


def test_someone_logged_in_outside_the_newsroom_gets_404(photo, make_user):
    reader = make_user(None)
    client = Client()
    client.force_login(reader)

    assert status_codes(client, [photo.image.url, *urls_of(photo)]) == {404}


def test_the_old_predictable_paths_are_404(photo, make_published, editor):
    make_published(lead_photo=photo)
    rendition = photo.renditions.get(ratio="16:9", format="JPEG", width=320)
    left, top = rendition.box.split(",")[:2]
    guesses = [
        f"/uploads/renditions/{photo.pk}/16x9-{left}x{top}-320.jpg",
        f"/photos/files/renditions/{photo.pk}/16x9-{left}x{top}-320.jpg",
        f"/uploads/photos/{timezone.now():%Y/%m}/manifestation.jpg",
        f"/photos/files/photos/{timezone.now():%Y/%m}/manifestation.jpg",
        "/photos/files/../../../etc/passwd",
    ]
    session = Client()
    session.force_login(editor)

    assert status_codes(Client(), guesses) == {404}
    assert status_codes(session, guesses) == {404}


def test_file_names_carry_an_unguessable_token(photo):
    rendition = photo.renditions.first()

    assert re.fullmatch(r"originals/[\w-]{22}/manifestation\.jpg", photo.image.name)
    assert re.fullmatch(rf"renditions/{photo.pk}/[\w-]{{22}}/[\w.-]+", rendition.file.name)


def test_nginx_sends_the_file_when_the_deployment_says_so(photo, make_published, settings):
    settings.FILES_OFFLOAD = "x-accel-redirect"
    settings.FILES_INTERNAL_URL = "/_protected_uploads/"
    make_published(lead_photo=photo)
    rendition = photo.renditions.first()

    response = Client().get(rendition.file.url)

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_protected_uploads/{rendition.file.name}"
    assert response.content == b""
    assert Client().get(photo.image.url).status_code == 404


def test_apache_sends_the_file_when_the_deployment_says_so(photo, editor, settings, uploads):
    settings.FILES_OFFLOAD = "x-sendfile"
    client = Client()
    client.force_login(editor)

    response = client.get(photo.image.url)

    assert response["X-Sendfile"] == str(uploads / photo.image.name)


def test_writing_to_a_file_url_is_refused(photo, make_published):
    make_published(lead_photo=photo)

    assert Client().post(urls_of(photo)[0]).status_code == 405


def test_the_migration_moves_old_files_to_private_names(
    photo, make_published, uploads, django_capture_on_commit_callbacks
):
    """Files stored before decision 0013 (``photos/<year>/<month>/<name>``,
    ``renditions/<id>/<name>``) get private names; a rendition whose file is gone loses its
    row, for refresh_renditions to make again."""
    from importlib import import_module

    from django.apps import apps
    from django.db import connection

    from media.models import Rendition

    migration = import_module("media.migrations.0007_private_file_names")
    old_original = "photos/2024/11/manifestation.jpg"
    (uploads / old_original).parent.mkdir(parents=True)
    (uploads / photo.image.name).rename(uploads / old_original)
    Photo.objects.filter(pk=photo.pk).update(image=old_original)
    renditions = list(photo.renditions.order_by("pk"))
    for rendition in renditions:
        old = f"renditions/{photo.pk}/{rendition.file.name.rsplit('/', 1)[1]}"
        (uploads / rendition.file.name).rename(uploads / old)
        Rendition.objects.filter(pk=rendition.pk).update(file=old)
    (uploads / old).unlink()  # the last one's file is lost
    make_published(lead_photo=photo)

    with django_capture_on_commit_callbacks(execute=True), connection.schema_editor() as editor:
        migration.to_private_names(apps, editor)

    photo.refresh_from_db()
    assert photo.image.name.startswith("originals/")
    assert photo.image.name.endswith("/manifestation.jpg")
    assert photo.renditions.count() == len(renditions) - 1
    assert Client().get(photo.image.url).status_code == 404
    assert status_codes(Client(), urls_of(photo)) == {200}
    assert not (uploads / old_original).exists()
    assert not any((uploads / "renditions" / str(photo.pk)).glob("*.*"))  # old names gone


def test_the_admin_shows_a_drafts_photo_to_the_newsroom_and_to_nobody_else(photo, editor):
    """The photo library's thumbnails, the photo's page and the lead photo picker of a
    draft: every <img> they show answers the editor's session, and 404 without it."""
    from django.urls import reverse

    article = ArticleFactory(lead_photo=photo)
    session = Client()
    session.force_login(editor)
    pages = [
        reverse("admin:media_photo_changelist"),
        reverse("admin:media_photo_change", args=[photo.pk]),
        reverse("admin:media_photo_preview", args=[photo.pk]),
        reverse("admin:articles_article_change", args=[article.pk]),
    ]
    shown = set()
    for page in pages:
        response = session.get(page)
        assert response.status_code == 200, page
        shown |= set(re.findall(r'<img src="(/photos/files/[^"]+)"', response.content.decode()))

    assert len(shown) >= 2  # a rendition as thumbnail, the original as preview
    assert status_codes(session, shown) == {200}
    assert status_codes(Client(), shown) == {404}


def test_a_preview_link_shows_its_drafts_photo_through_signed_rendition_links(
    photo, editor, as_user
):
    article = ArticleFactory(lead_photo=photo)
    link = as_user(editor).post(f"/api/v1/articles/{article.slug}/preview-token/").json()["url"]

    lead = Client().get(link).json()["lead_photo"]
    signed = [lead["url"], *(r["url"] for r in lead["renditions"])]

    assert status_codes(Client(), signed) == {200}
    assert Client().get(signed[0])["Cache-Control"] == "private, no-store"
    unsigned = [url.split("?")[0] for url in signed]
    assert status_codes(Client(), unsigned) == {404}


def test_a_signed_link_opens_its_own_file_only_and_not_for_long(photo, settings):
    from media import files

    first, second = urls_of(photo)[:2]
    signed = files.sign_url(first)
    signature = signed.split("?s=")[1]

    assert Client().get(signed).status_code == 200
    assert Client().get(f"{second}?s={signature}").status_code == 404
    assert Client().get(f"{first}?s={signature[:-2]}xx").status_code == 404
    assert files.sign_url(photo.image.url) == photo.image.url  # originals are never signed
    assert Client().get(f"{photo.image.url}?s={signature}").status_code == 404
    settings.FILE_LINK_SECONDS = -1
    assert Client().get(signed).status_code == 404
