"""The photo add and change forms: the file goes through ``media.uploads`` as in the API
(same refusals, same messages, nothing written), its metadata fills the blank fields, and
the file of a saved photo never changes."""

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils.html import escape
from PIL import Image

from media.admin import fitted
from media.models import Photo, Rendition
from tests.media import images

ADD_URL = "/admin/media/photo/add/"
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
XMP_CAPTION = "Des soldats nord-coréens à l’entraînement, «\u00a0près de la frontière\u00a0»."
IIM_CAPTION = "Manifestation à Besançon : « Ça suffit ! » crient les agriculteurs."


@pytest.fixture(autouse=True)
def in_english(settings):
    """The refusals are compared with the API's messages, which are in English."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def stored_files(uploads):
    """The files now in storage (MEDIA_ROOT is the test's own folder)."""
    return lambda: sorted(str(p.relative_to(uploads)) for p in uploads.rglob("*") if p.is_file())


def truncated_jpeg() -> bytes:
    """The first half of a JPEG big enough for that half to hold a readable header."""
    data = images.encode(Image.effect_noise((400, 300), 60).convert("RGB"), "JPEG")
    return data[: len(data) // 2]


BLANK_METADATA = {
    "caption": "",
    "credit": "",
    "creator": "",
    "source": "",
    "copyright_notice": "",
    "alt_text": "",
    "taken_at_0": "",
    "taken_at_1": "",
    "place": "",
    "usage_terms": "",
    "rights_expire_at_0": "",
    "rights_expire_at_1": "",
    "focal_x": "0.5",
    "focal_y": "0.5",
    "_save": "Save",
}
TEXT_FIELDS = ("caption", "credit", "creator", "source", "copyright_notice", "alt_text", "place")


def photo_data(name, data, **fields):
    """The add form's POST: the file, and blank metadata unless ``fields`` fill some."""
    return BLANK_METADATA | {"image": images.upload(data, name)} | fields


def change_data(photo, **fields):
    """The change form's POST for ``photo`` as it is (but its dates), with ``fields`` changed."""
    as_it_is = {name: getattr(photo, name) for name in TEXT_FIELDS}
    focal = {"focal_x": str(photo.focal_x), "focal_y": str(photo.focal_y)}
    return BLANK_METADATA | as_it_is | focal | fields


def form_errors(response):
    return response.context["adminform"].form.errors


@pytest.mark.parametrize(
    ("pillow_format", "name"), [("JPEG", "photo.jpg"), ("PNG", "photo.png"), ("WEBP", "photo.webp")]
)
def test_uploading_a_photo_fills_its_dimensions_format_and_hash(
    admin_client, uploads, pillow_format, name
):
    data = images.encode(images.picture((120, 80)), pillow_format)

    response = admin_client.post(ADD_URL, photo_data(name, data))

    photo = Photo.objects.get()
    assert response.status_code == 302
    assert (photo.width, photo.height, photo.format) == (120, 80, pillow_format)
    assert photo.content_hash == hashlib.sha256(data).hexdigest()
    assert Path(photo.image.path).read_bytes() == data
    assert Path(photo.image.path).is_relative_to(uploads)


def test_the_uploader_is_recorded(admin_client, admin_user):
    admin_client.post(ADD_URL, photo_data("photo.jpg", images.jpeg()))

    assert Photo.objects.get().uploaded_by == admin_user


REFUSED = {
    "pdf-renamed-jpg": (PDF, {}, NOT_AN_IMAGE),
    "gif": (images.encode(images.picture(), "GIF"), {}, NOT_AN_IMAGE),
    "svg-with-script": (SVG, {}, SCRIPTABLE),
    "truncated-jpeg": (truncated_jpeg(), {}, DAMAGED),
    "empty": (b"", {}, "This file is empty."),
    "bomb-header": (
        images.png_claiming(12_000, 10_000),
        {},
        "This picture has too many pixels (12000 × 10000, 120.0 megapixels): "
        "the limit is 100 megapixels.",
    ),
    "bomb-header-beyond-pillow-limit": (
        images.png_claiming(30_000, 30_000),
        {},
        "This picture has too many pixels: the limit is 100 megapixels.",
    ),
    "over-the-size-limit": (
        images.jpeg((200, 200)),
        {"PHOTO_MAX_UPLOAD_BYTES": 1000},
        f"This file is too large ({len(images.jpeg((200, 200))) / 1024:.1f}\xa0KB): "
        "the limit is 1000\xa0bytes.",
    ),
    "over-the-pixel-limit": (
        images.jpeg((120, 80)),
        {"PHOTO_MAX_PIXELS": 120 * 80 - 1},
        "This picture has too many pixels (120 × 80, 0.0 megapixels): "
        "the limit is 0.009599 megapixels.",
    ),
}


@pytest.mark.parametrize(("data", "limits", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_refused_file_is_a_form_error_and_nothing_is_written(
    admin_client, settings, stored_files, data, limits, message
):
    for name, value in limits.items():
        setattr(settings, name, value)

    response = admin_client.post(ADD_URL, photo_data("photo.jpg", data, caption="Une légende"))

    assert response.status_code == 200
    assert form_errors(response) == {"image": [message]}
    assert escape(message) in response.content.decode()
    assert (Photo.objects.count(), stored_files()) == (0, [])


XMP_FILE = images.jpeg(
    xmp=images.xmp(
        caption=XMP_CAPTION,
        caption_en="North Korean soldiers training.",
        credit="Jung Yeon-je/AFP",
        creator="Jung Yeon-je",
        rights="© AFP 2024 – tous droits réservés",
        source="AFP",
        taken_at="2024-08-12T09:30:00+09:00",
        sublocation="Panmunjom",
        city="Paju",
        country="Corée du Sud",
        alt_text="Une colonne de soldats en treillis marche dans la neige.",
    )
)
IIM_LATIN1_FILE = images.with_iim(
    images.jpeg(),
    images.iim(
        [
            (2, 120, IIM_CAPTION.encode("latin-1")),
            (2, 110, "Sébastien Bozon/AFP".encode("latin-1")),
            (2, 80, "Sébastien Bozon".encode("latin-1")),
            (2, 115, b"AFP"),
        ],
        utf8=False,
    ),
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            XMP_FILE,
            {
                "caption": XMP_CAPTION,
                "credit": "Jung Yeon-je/AFP",
                "creator": "Jung Yeon-je",
                "copyright_notice": "© AFP 2024 – tous droits réservés",
                "source": "AFP",
                "taken_at": dt.datetime(2024, 8, 12, 0, 30, tzinfo=dt.UTC),
                "place": "Panmunjom, Paju, Corée du Sud",
                "alt_text": "Une colonne de soldats en treillis marche dans la neige.",
            },
        ),
        (
            IIM_LATIN1_FILE,
            {
                "caption": IIM_CAPTION,
                "credit": "Sébastien Bozon/AFP",
                "creator": "Sébastien Bozon",
                "copyright_notice": "",
                "source": "AFP",
                "taken_at": None,
                "place": "",
                "alt_text": "",
            },
        ),
    ],
    ids=["xmp", "iim-latin-1"],
)
def test_blank_fields_are_filled_from_the_files_metadata_exactly(admin_client, data, expected):
    admin_client.post(ADD_URL, photo_data("agence.jpg", data))

    photo = Photo.objects.get()
    assert {name: getattr(photo, name) for name in expected} == expected


def test_a_field_filled_in_the_form_beats_the_files_value(admin_client):
    admin_client.post(ADD_URL, photo_data("agence.jpg", XMP_FILE, credit="Reuters"))

    photo = Photo.objects.get()
    assert (photo.caption, photo.credit) == (XMP_CAPTION, "Reuters")


@pytest.fixture
def file_with_markup_in_its_caption(monkeypatch):
    """A file whose metadata yields a caption the model refuses (the reader is patched: no
    real file should get there, but create_photo would refuse it)."""
    monkeypatch.setattr(
        "media.metadata.read", lambda image: {"caption": "<b>Urgent</b> Manifestation"}
    )
    return images.jpeg()


def test_an_unusable_value_from_the_file_is_a_form_error_saying_where_it_came_from(
    admin_client, stored_files, file_with_markup_in_its_caption
):
    response = admin_client.post(ADD_URL, photo_data("agence.jpg", file_with_markup_in_its_caption))

    assert form_errors(response) == {
        "caption": ["In the file's metadata: HTML is not allowed here: remove the tags (<b>)."]
    }
    assert (Photo.objects.count(), stored_files()) == (0, [])


def test_typing_a_caption_replaces_an_unusable_one_from_the_file(
    admin_client, file_with_markup_in_its_caption
):
    response = admin_client.post(
        ADD_URL, photo_data("agence.jpg", file_with_markup_in_its_caption, caption="Manifestation")
    )

    assert response.status_code == 302
    assert Photo.objects.get().caption == "Manifestation"


def test_an_unusable_value_typed_in_the_form_is_an_ordinary_form_error(admin_client):
    response = admin_client.post(
        ADD_URL, photo_data("photo.jpg", images.jpeg(), credit="<i>AFP</i>")
    )

    assert form_errors(response) == {"credit": ["HTML is not allowed here: remove the tags (<i>)."]}
    assert Photo.objects.exists() is False


def test_after_the_upload_the_change_page_shows_what_came_from_the_file(admin_client):
    response = admin_client.post(ADD_URL, photo_data("agence.jpg", XMP_FILE), follow=True)

    photo = Photo.objects.get()
    assert response.redirect_chain == [(reverse("admin:media_photo_change", args=[photo.pk]), 302)]
    form = response.context["adminform"].form
    assert (form["caption"].value(), form["credit"].value()) == (XMP_CAPTION, "Jung Yeon-je/AFP")
    assert f'value="{escape("Jung Yeon-je/AFP")}"' in response.content.decode()


def test_save_and_add_another_still_opens_an_empty_add_form(admin_client):
    data = photo_data("photo.jpg", images.jpeg(), _addanother="Save and add another")
    del data["_save"]

    response = admin_client.post(ADD_URL, data)

    assert response.url == ADD_URL


def test_uploading_the_same_file_twice_links_to_the_existing_photo(admin_client, stored_files):
    data = images.jpeg()
    admin_client.post(ADD_URL, photo_data("photo.jpg", data, caption="Le premier envoi"))
    existing = Photo.objects.get()
    files_before = stored_files()

    response = admin_client.post(ADD_URL, photo_data("copie.jpg", data))

    link = reverse("admin:media_photo_change", args=[existing.pk])
    assert form_errors(response) == {
        "image": [
            f"This file is already in the library as photo {existing.pk}: use it instead. "
            f'<a href="{link}">Le premier envoi</a>'
        ]
    }
    assert f'use it instead. <a href="{link}">Le premier envoi</a>' in response.content.decode()
    assert (Photo.objects.count(), stored_files()) == (1, files_before)


def test_a_focal_point_outside_the_picture_is_refused(admin_client, stored_files):
    response = admin_client.post(ADD_URL, photo_data("photo.jpg", images.jpeg(), focal_x="1.5"))

    assert form_errors(response) == {"focal_x": ["Ensure this value is less than or equal to 1.0."]}
    assert (Photo.objects.count(), stored_files()) == (0, [])


def test_the_photo_change_form_previews_the_image(admin_client):
    admin_client.post(ADD_URL, photo_data("photo.jpg", images.jpeg()))
    photo = Photo.objects.get()

    response = admin_client.get(reverse("admin:media_photo_change", args=[photo.pk]))

    width, height = fitted(*photo.display_size, 480)
    assert f'<img src="{photo.image.url}" alt="" width="{width}" height="{height}">' in (
        response.content.decode()
    )


def test_the_file_of_a_saved_photo_cannot_be_replaced(admin_client):
    first = images.jpeg()
    admin_client.post(ADD_URL, photo_data("photo.jpg", first))
    photo = Photo.objects.get()
    url = reverse("admin:media_photo_change", args=[photo.pk])

    form = admin_client.get(url).context["adminform"].form
    response = admin_client.post(
        url, change_data(photo, image=images.upload(images.jpeg((60, 40)), "autre.jpg"))
    )

    assert "image" not in form.fields
    assert response.status_code == 302
    photo.refresh_from_db()
    assert (photo.width, photo.content_hash) == (120, hashlib.sha256(first).hexdigest())
    assert Path(photo.image.path).read_bytes() == first


def test_editing_the_caption_keeps_the_file_and_its_hash(admin_client):
    data = images.jpeg()
    admin_client.post(ADD_URL, photo_data("photo.jpg", data))
    photo = Photo.objects.get()

    response = admin_client.post(
        reverse("admin:media_photo_change", args=[photo.pk]),
        change_data(photo, caption="Une nouvelle légende"),
    )

    assert response.status_code == 302
    photo.refresh_from_db()
    assert (photo.caption, photo.content_hash) == (
        "Une nouvelle légende",
        hashlib.sha256(data).hexdigest(),
    )


@pytest.fixture
def tasks_at_once(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_moving_the_focal_point_recrops_the_renditions(
    admin_client, tasks_at_once, django_capture_on_commit_callbacks
):
    admin_client.post(ADD_URL, photo_data("photo.jpg", images.jpeg((120, 80))))
    photo = Photo.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:media_photo_change", args=[photo.pk]), change_data(photo, focal_x="0")
        )

    squares = Rendition.objects.filter(photo=photo, ratio="1:1")
    assert set(squares.values_list("box", flat=True)) == {"0,0,80,80"}


def test_editing_the_caption_makes_no_renditions(
    admin_client, tasks_at_once, django_capture_on_commit_callbacks
):
    admin_client.post(ADD_URL, photo_data("photo.jpg", images.jpeg((120, 80))))
    photo = Photo.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:media_photo_change", args=[photo.pk]),
            change_data(photo, caption="Une autre légende"),
        )

    assert Rendition.objects.filter(photo=photo).exists() is False
