"""Files that must never become photos: each is refused with a message saying why, and
nothing is written to the database or the storage, through the upload function and the API."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from media.models import Photo
from media.uploads import create_photo
from tests.media import images

SVG = b"""<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>"""
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
NOT_AN_IMAGE = (
    "This file is not a JPEG, PNG, WebP, AVIF or HEIC picture "
    "(its content was checked, not its name)."
)
SCRIPTABLE = (
    "SVG, HTML and other text-based files are not accepted: they can carry scripts. "
    "Send a JPEG, PNG, WebP, AVIF or HEIC picture."
)
DAMAGED = "This picture is damaged or incomplete (was the upload cut short?). Send it again."


def truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def noisy(image_format: str) -> bytes:
    from PIL import Image

    return images.encode(Image.effect_noise((400, 300), 60).convert("RGB"), image_format)


REFUSED = {
    "pdf-renamed-jpg": (PDF, NOT_AN_IMAGE),
    "gif": (images.encode(images.picture(), "GIF"), NOT_AN_IMAGE),
    "svg-with-script": (SVG, SCRIPTABLE),
    "html": (b"\xef\xbb\xbf  <!DOCTYPE html><html><script>alert(1)</script></html>", SCRIPTABLE),
    "truncated-jpeg": (truncated(noisy("JPEG")), DAMAGED),
    "truncated-png": (truncated(noisy("PNG")), DAMAGED),
    "truncated-heic": (truncated(noisy("HEIF")), DAMAGED),
    "empty": (b"", "This file is empty."),
    "bomb-header-120-megapixels": (
        images.png_claiming(12_000, 10_000),
        "This picture has too many pixels (12000 × 10000, 120.0 megapixels): "
        "the limit is 100 megapixels.",
    ),
    "bomb-header-beyond-pillow-limit": (
        images.png_claiming(30_000, 30_000),
        "This picture has too many pixels: the limit is 100 megapixels.",
    ),
}


@pytest.mark.parametrize(("data", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_refused_file_says_why_and_writes_nothing(db, stored_files, data, message):
    with pytest.raises(ValidationError) as refusal:
        create_photo(images.upload(data, "photo.jpg"))

    assert refusal.value.messages == [message]
    assert Photo.objects.count() == 0
    assert stored_files() == []


@pytest.mark.parametrize(("data", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_api_answers_400_with_the_reason_and_writes_nothing(
    editor, as_user, stored_files, data, message
):
    response = as_user(editor).post(
        "/api/v1/photos/", {"image": images.upload(data, "photo.jpg")}, format="multipart"
    )

    assert response.status_code == 400
    assert response.json() == {"image": [message]}
    assert Photo.objects.count() == 0
    assert stored_files() == []


def test_file_over_the_size_limit_is_refused_before_being_read(
    settings, editor, as_user, stored_files
):
    settings.PHOTO_MAX_UPLOAD_BYTES = 1000
    data = images.jpeg((200, 200))
    assert len(data) > 1000

    response = as_user(editor).post(
        "/api/v1/photos/", {"image": images.upload(data)}, format="multipart"
    )

    assert response.status_code == 400
    size = f"{len(data) / 1024:.1f}\xa0KB"
    assert response.json() == {
        "image": [f"This file is too large ({size}): the limit is 1000\xa0bytes."]
    }
    assert (Photo.objects.count(), stored_files()) == (0, [])


def test_default_size_limit_is_40_megabytes(db):
    from media.validators import max_upload_bytes

    assert max_upload_bytes() == 40 * 1024 * 1024


def test_pixel_limit_is_configurable(settings, db, stored_files):
    settings.PHOTO_MAX_PIXELS = 120 * 80 - 1

    with pytest.raises(ValidationError) as refusal:
        create_photo(images.upload(images.jpeg((120, 80))))

    assert refusal.value.messages == [
        "This picture has too many pixels (120 × 80, 0.0 megapixels): "
        "the limit is 0.009599 megapixels."
    ]
    assert (Photo.objects.count(), stored_files()) == (0, [])


def test_a_picture_just_under_the_pixel_limit_is_accepted(settings, create):
    settings.PHOTO_MAX_PIXELS = 120 * 80

    assert create(images.jpeg((120, 80))).width == 120


def test_format_comes_from_the_content_not_the_name(create, stored_files):
    photo = create(images.encode(images.picture(), "PNG"), "vacances.jpg")

    assert photo.format == "PNG"
    assert photo.image.name.endswith("/vacances.png")


def test_journalist_may_upload_but_archivist_and_anonymous_may_not(
    journalist, archivist, as_user, api, stored_files
):
    def post(client):
        return client.post(
            "/api/v1/photos/", {"image": images.upload(images.jpeg())}, format="multipart"
        )

    assert post(api).status_code == 401
    assert post(as_user(archivist)).status_code == 403
    assert (Photo.objects.count(), stored_files()) == (0, [])
    assert post(as_user(journalist)).status_code == 201


def test_check_upload_previews_the_photo_and_writes_nothing(db, stored_files):
    from media.uploads import check_upload

    data = images.jpeg((120, 80), exif=images.exif(artist="Zoé Lefèvre".encode()))

    photo = check_upload(images.upload(data))

    assert (photo.pk, photo.format, photo.width, photo.height, photo.creator) == (
        None,
        "JPEG",
        120,
        80,
        "Zoé Lefèvre",
    )
    assert (Photo.objects.count(), stored_files()) == (0, [])


def test_refusal_is_in_french_by_default(editor, as_user, stored_files, settings):
    settings.LANGUAGE_CODE = "fr"
    with translation.override(None):
        response = as_user(editor).post(
            "/api/v1/photos/", {"image": images.upload(PDF, "photo.jpg")}, format="multipart"
        )
    assert response.json() == {
        "image": [
            "Ce fichier n’est pas une image JPEG, PNG, WebP, AVIF ou HEIC "
            "(son contenu a été vérifié, pas son nom)."
        ]
    }
