"""The photo library's changelist: multiple upload, thumbnails, filters by source and rights,
and bulk editing of credit and source that reaches the articles using the photos."""

import datetime as dt

import pytest
from django.contrib.admin.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from articles.models import PublicCopy
from media import renditions
from media.models import Photo
from tests.factories import PhotoFactory
from tests.media import images

CHANGELIST_URL = "/admin/media/photo/"
UPLOAD_URL = "/admin/media/photo/upload/"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
NOT_AN_IMAGE = (
    "This file is not a JPEG, PNG, WebP, AVIF or HEIC picture "
    "(its content was checked, not its name)."
)


@pytest.fixture(autouse=True)
def in_english(settings):
    """Refusals are compared with the API's messages, which are in English."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def stored_files(uploads):
    """The files now in storage (MEDIA_ROOT is the test's own folder)."""
    return lambda: sorted(str(p.relative_to(uploads)) for p in uploads.rglob("*") if p.is_file())


def listed(response) -> set[int]:
    return {photo.pk for photo in response.context["cl"].result_list}


# Multiple upload


@pytest.mark.parametrize(("role", "offered"), [("journalist", True), ("archivist", False)])
def test_the_changelist_offers_the_multiple_upload_to_those_who_may_add_photos(
    make_user, client_for, role, offered
):
    response = client_for(make_user(role)).get(CHANGELIST_URL)

    assert (f'<a href="{UPLOAD_URL}" class="addlink">' in response.content.decode()) is offered


def test_who_may_not_add_photos_may_not_open_the_multiple_upload(archivist, client_for):
    assert client_for(archivist).get(UPLOAD_URL).status_code == 403


def test_multiple_upload_reports_each_file_and_keeps_only_the_new_good_one(
    journalist, client_for, stored_files
):
    existing = PhotoFactory(caption="La photo déjà là")
    existing.image.seek(0)
    files = [
        images.upload(images.jpeg((90, 60)), "nouvelle.jpg"),
        images.upload(existing.image.read(), "encore.jpg"),
        images.upload(PDF, "rapport.jpg"),
    ]
    files_before = stored_files()

    response = client_for(journalist).post(UPLOAD_URL, {"images": files})

    created = Photo.objects.exclude(pk=existing.pk).get()
    assert [
        (result["name"], result["outcome"], result["photo"], result["message"])
        for result in response.context["results"]
    ] == [
        ("nouvelle.jpg", "created", created, ""),
        (
            "encore.jpg",
            "duplicate",
            existing,
            f"This file is already in the library as photo {existing.pk}: use it instead.",
        ),
        ("rapport.jpg", "refused", None, NOT_AN_IMAGE),
    ]
    assert (created.width, created.uploaded_by) == (90, journalist)
    assert stored_files() == sorted([*files_before, created.image.name])


def test_multiple_upload_links_created_and_existing_photos_and_says_why_a_file_is_refused(
    journalist, client_for
):
    existing = PhotoFactory(caption="La photo déjà là")
    existing.image.seek(0)
    files = [
        images.upload(images.jpeg((90, 60)), "nouvelle.jpg"),
        images.upload(existing.image.read(), "encore.jpg"),
        images.upload(PDF, "rapport.jpg"),
    ]

    content = client_for(journalist).post(UPLOAD_URL, {"images": files}).content.decode()

    created = Photo.objects.exclude(pk=existing.pk).get()
    for photo in (created, existing):
        link = reverse("admin:media_photo_change", args=[photo.pk])
        assert f'<a href="{link}">{escape(str(photo))}</a>' in content
    assert f"Refused: {escape(NOT_AN_IMAGE)}" in content


def test_multiple_upload_logs_each_photo_it_adds(admin_client, admin_user):
    files = [images.upload(images.jpeg((90, 60)), "a.jpg"), images.upload(images.jpeg(), "b.jpg")]

    admin_client.post(UPLOAD_URL, {"images": files})

    added = LogEntry.objects.filter(user=admin_user, action_flag=1)
    assert sorted(int(entry.object_id) for entry in added) == sorted(
        Photo.objects.values_list("pk", flat=True)
    )
    assert added.count() == 2


def test_multiple_upload_without_a_file_asks_for_one(admin_client, stored_files):
    response = admin_client.post(UPLOAD_URL, {})

    assert response.context["form"].errors == {"images": ["This field is required."]}
    assert (Photo.objects.count(), stored_files()) == (0, [])


# Changelist


def test_the_thumbnail_is_the_smallest_rendition_once_made(admin_client):
    with_renditions, without = PhotoFactory(), PhotoFactory()
    renditions.refresh(with_renditions)
    smallest = with_renditions.renditions.filter(ratio="original", format="JPEG").first()

    content = admin_client.get(CHANGELIST_URL).content.decode()

    assert f'<img src="{smallest.file.url}" alt="Photo de test"' in content
    assert f'<img src="{with_renditions.image.url}"' not in content
    assert f'<img src="{without.image.url}" alt="Photo de test"' in content


def test_the_changelist_makes_as_many_queries_for_many_photos_as_for_few(admin_client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(CHANGELIST_URL).status_code == 200
        return len(captured)

    for photo in PhotoFactory.create_batch(2):
        renditions.refresh(photo)
    few = queries()
    for photo in PhotoFactory.create_batch(4):
        renditions.refresh(photo)

    assert queries() == few


def test_search_finds_photos_by_creator(admin_client):
    wanted = PhotoFactory(creator="Sébastien Bozon")
    PhotoFactory(creator="Jung Yeon-je")

    assert listed(admin_client.get(CHANGELIST_URL, {"q": "Bozon"})) == {wanted.pk}


def test_the_changelist_filters_by_source_and_by_rights(admin_client):
    PhotoFactory(source="AFP")

    response = admin_client.get(CHANGELIST_URL)

    assert [str(spec.title) for spec in response.context["cl"].filter_specs] == [
        "source agency",
        "rights",
    ]


def test_the_source_filter_lists_the_photos_from_that_source(admin_client):
    afp = PhotoFactory(source="AFP")
    PhotoFactory(source="Reuters")

    assert listed(admin_client.get(CHANGELIST_URL, {"source": "AFP"})) == {afp.pk}


@pytest.fixture
def rights_cases(db):
    now = timezone.now()
    return {
        "expired": PhotoFactory(rights_expire_at=now - dt.timedelta(minutes=1)),
        "in_an_hour": PhotoFactory(rights_expire_at=now + dt.timedelta(hours=1)),
        "expiring": PhotoFactory(rights_expire_at=now + dt.timedelta(days=29)),
        "no_expiry": PhotoFactory(rights_expire_at=None),
        "later": PhotoFactory(rights_expire_at=now + dt.timedelta(days=31)),
    }


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ("expired", {"expired"}),
        ("expiring", {"in_an_hour", "expiring"}),
        ("no_expiry", {"no_expiry"}),
        ("valid", {"in_an_hour", "expiring", "no_expiry", "later"}),
    ],
)
def test_the_rights_filter_lists_the_photos_in_that_state(
    admin_client, rights_cases, choice, expected
):
    response = admin_client.get(CHANGELIST_URL, {"rights": choice})

    assert listed(response) == {rights_cases[case].pk for case in expected}


def test_the_rights_filter_offers_its_four_choices(admin_client, rights_cases):
    response = admin_client.get(CHANGELIST_URL)

    rights = next(spec for spec in response.context["cl"].filter_specs if spec.title == "rights")
    assert [title for _value, title in rights.lookup_choices] == [
        "rights expired",
        "expire within 30 days",
        "no expiry date",
        "valid",
    ]


def test_the_library_speaks_french_to_the_newsroom(admin_client, settings):
    settings.LANGUAGE_CODE = "fr"

    response = admin_client.get(CHANGELIST_URL)

    rights = next(spec for spec in response.context["cl"].filter_specs if spec.title == "droits")
    assert [title for _value, title in rights.lookup_choices] == [
        "droits expirés",
        "expirent sous 30 jours",
        "sans date d’expiration",
        "valides",
    ]
    assert 'class="addlink">Téléverser plusieurs photos</a>' in response.content.decode()


# Bulk credit and source


def bulk(client, photos, **fields):
    """Post the bulk edit for ``photos``: its first step, or with ``fields`` its second."""
    data = {"action": "edit_credit_and_source", "_selected_action": [p.pk for p in photos]}
    if fields:
        data |= {"apply": "1", "credit": "", "source": ""} | fields
    else:
        data["index"] = 0
    return client.post(CHANGELIST_URL, data)


def test_the_bulk_edit_first_asks_for_the_credit_and_source(admin_client):
    photos = PhotoFactory.create_batch(2, credit="AFP", source="AFP")

    response = bulk(admin_client, photos)

    assert response.status_code == 200
    assert response.templates[0].name == "admin/media/photo/credit_and_source.html"
    assert list(response.context["selected"]) == sorted(photos, key=lambda p: -p.pk)
    assert response.context["form"].is_bound is False
    assert set(Photo.objects.values_list("credit", "source")) == {("AFP", "AFP")}


def test_the_bulk_edit_changes_the_credit_of_each_selected_photo_and_keeps_the_source(
    admin_client,
):
    chosen = [PhotoFactory(credit="AFP", source="AFP"), PhotoFactory(credit="", source="Reuters")]
    other = PhotoFactory(credit="AFP", source="AFP")

    response = bulk(admin_client, chosen, credit="Jung Yeon-je/AFP")

    assert response.status_code == 302
    assert dict(Photo.objects.values_list("pk", "credit")) == {
        chosen[0].pk: "Jung Yeon-je/AFP",
        chosen[1].pk: "Jung Yeon-je/AFP",
        other.pk: "AFP",
    }
    assert dict(Photo.objects.values_list("pk", "source")) == {
        chosen[0].pk: "AFP",
        chosen[1].pk: "Reuters",
        other.pk: "AFP",
    }


def test_the_bulk_edit_changes_the_source_and_keeps_the_credit(admin_client):
    chosen = PhotoFactory(credit="Sébastien Bozon/AFP", source="")

    bulk(admin_client, [chosen], source="AFP")

    chosen.refresh_from_db()
    assert (chosen.credit, chosen.source) == ("Sébastien Bozon/AFP", "AFP")


def test_the_bulk_edit_logs_a_change_on_each_photo_it_changes(admin_client, admin_user):
    changed, unchanged = PhotoFactory(credit="AFP"), PhotoFactory(credit="Reuters")

    bulk(admin_client, [changed, unchanged], credit="Reuters")

    entries = LogEntry.objects.filter(user=admin_user, action_flag=2)
    assert [(entry.object_id, entry.get_change_message()) for entry in entries] == [
        (str(changed.pk), "Changed Credit.")
    ]


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"credit": "", "source": ""}, {"__all__": ["Fill in a credit, a source or both."]}),
        (
            {"credit": "<b>AFP</b>"},
            {"credit": ["HTML is not allowed here: remove the tags (<b>)."]},
        ),
    ],
    ids=["nothing", "markup"],
)
def test_the_bulk_edit_refuses_an_empty_or_unsafe_form_and_changes_nothing(
    admin_client, fields, errors
):
    photo = PhotoFactory(credit="AFP", source="AFP")

    response = bulk(admin_client, [photo], **fields)

    assert response.context["form"].errors == errors
    photo.refresh_from_db()
    assert (photo.credit, photo.source) == ("AFP", "AFP")


def test_the_new_credit_reaches_the_public_json_of_an_article_using_the_photo(
    admin_client, api, make_published
):
    photo = PhotoFactory(credit="AFP")
    article = make_published(lead_photo=photo)
    url = f"/api/v1/articles/{article.slug}/"
    assert api.get(url).json()["lead_photo"]["credit"] == "AFP"
    assert PublicCopy.objects.filter(article=article).exists() is True

    bulk(admin_client, [photo], credit="Jung Yeon-je/AFP")

    assert api.get(url).json()["lead_photo"]["credit"] == "Jung Yeon-je/AFP"
