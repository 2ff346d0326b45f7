import hashlib
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from media.models import Photo

ADD_URL = "/admin/media/photo/add/"


def image_bytes(pillow_format, size=(120, 80)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, pillow_format)
    return buffer.getvalue()


def photo_data(name, data):
    return {
        "image": SimpleUploadedFile(name, data),
        "caption": "Des soldats nord-coréens à l’entraînement.",
        "credit": "Photo/AFP",
        "creator": "",
        "source": "AFP",
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
        "_save": "Enregistrer",
    }


def image_errors(response):
    return response.context["adminform"].form.errors.as_data()["image"]


@pytest.mark.parametrize(
    ("pillow_format", "name"), [("JPEG", "photo.jpg"), ("PNG", "photo.png"), ("WEBP", "photo.webp")]
)
def test_uploading_a_photo_fills_its_dimensions_format_and_hash(
    admin_client, uploads, pillow_format, name
):
    data = image_bytes(pillow_format)

    response = admin_client.post(ADD_URL, photo_data(name, data))

    assert response.status_code == 302
    photo = Photo.objects.get()
    assert (photo.width, photo.height, photo.format) == (120, 80, pillow_format)
    assert photo.content_hash == hashlib.sha256(data).hexdigest()
    assert Path(photo.image.path).read_bytes() == data
    assert Path(photo.image.path).is_relative_to(uploads)


def test_a_file_that_is_not_an_image_is_refused(admin_client):
    response = admin_client.post(ADD_URL, photo_data("photo.jpg", b"Ceci n'est pas une image."))

    assert response.status_code == 200
    assert [error.code for error in image_errors(response)] == ["invalid_image"]
    assert Photo.objects.exists() is False


def test_an_image_in_another_format_is_refused(admin_client):
    response = admin_client.post(ADD_URL, photo_data("photo.gif", image_bytes("GIF")))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["image"] == [
        "Ce fichier est une image GIF\u00a0; seuls les formats JPEG, PNG et WebP sont acceptés."
    ]
    assert Photo.objects.exists() is False


def test_uploading_the_same_file_twice_points_to_the_existing_photo(admin_client):
    data = image_bytes("JPEG")
    admin_client.post(ADD_URL, photo_data("photo.jpg", data))
    existing = Photo.objects.get()

    response = admin_client.post(ADD_URL, photo_data("copie.jpg", data))

    assert response.status_code == 200
    assert [error.code for error in image_errors(response)] == ["duplicate"]
    link = reverse("admin:media_photo_change", args=[existing.pk])
    assert f'Ce fichier est déjà dans la photothèque\u00a0: <a href="{link}">' in (
        response.content.decode()
    )
    assert Photo.objects.count() == 1


def test_the_photo_change_form_previews_the_image(admin_client):
    admin_client.post(ADD_URL, photo_data("photo.jpg", image_bytes("JPEG")))
    photo = Photo.objects.get()

    response = admin_client.get(reverse("admin:media_photo_change", args=[photo.pk]))

    assert f'<img src="{photo.image.url}" alt="" style="max-width:480px' in (
        response.content.decode()
    )


def test_editing_the_caption_keeps_the_file_and_its_hash(admin_client):
    data = image_bytes("JPEG")
    admin_client.post(ADD_URL, photo_data("photo.jpg", data))
    photo = Photo.objects.get()
    edit = photo_data("unused.jpg", data)
    del edit["image"]
    edit["caption"] = "Une nouvelle légende"

    response = admin_client.post(reverse("admin:media_photo_change", args=[photo.pk]), edit)

    assert response.status_code == 302
    photo.refresh_from_db()
    assert (photo.caption, photo.content_hash) == (
        "Une nouvelle légende",
        hashlib.sha256(data).hexdigest(),
    )
