"""The photos API: upload, metadata edits, renditions ready for srcset, what the public
sees, and a fixed number of queries."""

import datetime as dt

import pytest
from django.db.models import prefetch_related_objects

from articles.models import Article
from media import photos
from media.api.serializers import photo_representation
from media.models import Photo
from tests.factories import PhotoFactory
from tests.media import images

RENDITION_KEYS = {"ratio", "format", "mime_type", "width", "height", "url"}


@pytest.fixture
def public_photo(create, make_published):
    photo = create(images.jpeg((1200, 800)), caption="Une légende", credit="AFP")
    make_published(lead_photo=photo)
    return photo


def test_upload_answers_201_with_the_metadata_read_from_the_file(
    editor, as_user, django_capture_on_commit_callbacks
):
    data = images.jpeg((800, 600), exif=images.exif(artist="Zoé Lefèvre".encode()))
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(editor).post(
            "/api/v1/photos/",
            {"image": images.upload(data, "zoe.jpg"), "caption": "Légende donnée", "credit": "AFP"},
            format="multipart",
        )

    assert response.status_code == 201, response.content
    body = response.json()
    photo = Photo.objects.get()
    assert {key: body[key] for key in ("id", "caption", "credit", "creator", "focal_x")} == {
        "id": photo.pk,
        "caption": "Légende donnée",
        "credit": "AFP",
        "creator": "Zoé Lefèvre",
        "focal_x": 0.5,
    }
    assert body["image"]["url"].endswith(f"/photos/files/{photo.image.name}")  # newsroom only
    assert photo.uploaded_by == editor
    assert response["Cache-Control"] == "private, no-store"
    assert as_user(editor).get(f"/api/v1/photos/{photo.pk}/").json()["renditions"] != []


def test_upload_refuses_unknown_and_read_only_fields(editor, as_user, stored_files):
    response = as_user(editor).post(
        "/api/v1/photos/",
        {"image": images.upload(images.jpeg()), "content_hash": "0" * 64, "colour": "red"},
        format="multipart",
    )

    assert response.status_code == 400
    assert response.json() == {"content_hash": ["Unknown field."], "colour": ["Unknown field."]}
    assert (Photo.objects.count(), stored_files()) == (0, [])


def test_public_detail_gives_renditions_ready_for_srcset(api, public_photo):
    response = api.get(f"/api/v1/photos/{public_photo.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert (body["caption"], body["credit"]) == ("Une légende", "AFP")
    assert "content_hash" not in body
    wide_webp = [r for r in body["renditions"] if r["ratio"] == "16:9" and r["format"] == "WEBP"]
    assert [(r["width"], r["height"]) for r in wide_webp] == [
        (320, 180),
        (640, 360),
        (1024, 576),
        (1200, 675),
    ]
    first = wide_webp[0]
    assert set(first) == RENDITION_KEYS
    assert first["mime_type"] == "image/webp"
    rendition = public_photo.renditions.get(ratio="16:9", format="WEBP", width=320)
    assert first["url"].endswith(f"/photos/files/{rendition.file.name}")


def test_public_detail_costs_two_queries(api, public_photo, django_assert_num_queries):
    with django_assert_num_queries(2):
        response = api.get(f"/api/v1/photos/{public_photo.pk}/")

    assert response.status_code == 200
    assert len(response.json()["renditions"]) == public_photo.renditions.count()


def test_photo_not_shown_by_a_public_article_is_hidden_from_the_public_only(
    api, editor, as_user, create
):
    photo = create(images.jpeg())

    assert api.get(f"/api/v1/photos/{photo.pk}/").status_code == 404
    assert as_user(editor).get(f"/api/v1/photos/{photo.pk}/").status_code == 200


def test_expired_photo_is_hidden_from_public_responses(api, public_photo, now):
    Photo.objects.filter(pk=public_photo.pk).update(rights_expire_at=now - dt.timedelta(seconds=1))
    public_photo.refresh_from_db()

    assert api.get(f"/api/v1/photos/{public_photo.pk}/").status_code == 404
    assert photo_representation(public_photo, None) is None


def test_photo_whose_rights_run_until_later_is_shown_until_then(api, public_photo, now):
    expiry = now + dt.timedelta(minutes=10)
    Photo.objects.filter(pk=public_photo.pk).update(rights_expire_at=expiry)
    public_photo.refresh_from_db()

    response = api.get(f"/api/v1/photos/{public_photo.pk}/")
    assert response.status_code == 200
    assert photo_representation(public_photo, None, at=expiry - dt.timedelta(seconds=1))
    assert photo_representation(public_photo, None, at=expiry) is None


def test_article_shows_its_photo_with_renditions_and_drops_it_once_expired(api, public_photo, now):
    article = Article.objects.get(lead_photo=public_photo)
    lead = api.get(f"/api/v1/articles/{article.slug}/").json()["lead_photo"]
    assert (lead["caption"], lead["credit"], len(lead["renditions"])) == (
        "Une légende",
        "AFP",
        public_photo.renditions.count(),
    )

    expired = now - dt.timedelta(seconds=1)
    photos.edit_photo(public_photo, by=None, changes={"rights_expire_at": expired})

    assert api.get(f"/api/v1/articles/{article.slug}/").json()["lead_photo"] is None


def test_representation_uses_prefetched_renditions_without_a_query(
    public_photo, django_assert_num_queries
):
    photo = Photo.objects.get(pk=public_photo.pk)
    prefetch_related_objects([photo], "renditions")

    with django_assert_num_queries(0):
        data = photo_representation(photo, None)

    assert len(data["renditions"]) == public_photo.renditions.count()
    assert set(data) >= {"caption", "credit", "url", "width", "height", "renditions"}


def test_representation_without_prefetch_costs_one_query(public_photo, django_assert_num_queries):
    photo = Photo.objects.get(pk=public_photo.pk)

    with django_assert_num_queries(1):
        photo_representation(photo, None)


def test_patch_corrects_metadata(editor, as_user, create):
    photo = create(images.jpeg())

    response = as_user(editor).patch(
        f"/api/v1/photos/{photo.pk}/",
        {"caption": "Légende corrigée", "credit": "Reuters"},
        format="json",
    )

    assert response.status_code == 200, response.content
    photo.refresh_from_db()
    assert (photo.caption, photo.credit) == ("Légende corrigée", "Reuters")


def test_patch_of_the_focal_point_remakes_the_crops(
    editor, as_user, create, django_capture_on_commit_callbacks
):
    photo = create(images.jpeg((1600, 900)))

    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(editor).patch(
            f"/api/v1/photos/{photo.pk}/", {"focal_x": 0.0}, format="json"
        )

    assert response.status_code == 200
    assert {r.box for r in photo.renditions.filter(ratio="1:1")} == {"0,0,900,900"}


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"focal_x": 1.5}, {"focal_x": ["Ensure this value is less than or equal to 1.0."]}),
        ({"content_hash": "abc"}, {"content_hash": ["This field is read-only."]}),
        (
            {"caption": "<script>x</script>"},
            {"caption": ["HTML is not allowed here: remove the tags (<script>)."]},
        ),
    ],
)
def test_patch_refuses_bad_values(editor, as_user, body, errors):
    photo = PhotoFactory()

    response = as_user(editor).patch(f"/api/v1/photos/{photo.pk}/", body, format="json")

    assert (response.status_code, response.json()) == (400, errors)


def test_anonymous_may_not_patch(api, public_photo):
    response = api.patch(f"/api/v1/photos/{public_photo.pk}/", {"caption": "x"}, format="json")

    assert response.status_code == 401


def test_renditions_made_after_publication_reach_the_article(
    api, make_published, django_capture_on_commit_callbacks
):
    from media import renditions
    from media.uploads import create_photo

    with django_capture_on_commit_callbacks(execute=False):  # the worker has not run yet
        photo = create_photo(images.upload(images.jpeg((700, 500))), caption="C", credit="AFP")
    article = make_published(lead_photo=photo)
    assert api.get(f"/api/v1/articles/{article.slug}/").json()["lead_photo"]["renditions"] == []

    with django_capture_on_commit_callbacks(execute=True):
        renditions.refresh(photo)

    lead = api.get(f"/api/v1/articles/{article.slug}/").json()["lead_photo"]
    assert len(lead["renditions"]) == photo.renditions.count() > 0
    assert photo.renditions_refreshed_at is not None


def test_upload_spooled_to_a_temporary_file_is_stored_intact(
    settings, editor, as_user, stored_files
):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # as for any upload over 2.5 MB
    data = images.jpeg((640, 480))

    response = as_user(editor).post(
        "/api/v1/photos/", {"image": images.upload(data, "grande.jpg")}, format="multipart"
    )

    assert response.status_code == 201, response.content
    photo = Photo.objects.get()
    with photo.image.open("rb") as file:
        assert file.read() == data
