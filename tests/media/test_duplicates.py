"""The same file uploaded twice is recognised by its content hash: the existing photo is
offered instead of a copy, and nothing new is written."""

import hashlib

import pytest

from media.models import Photo
from media.uploads import DuplicatePhoto, create_photo
from tests.media import images


def test_second_upload_of_the_same_file_offers_the_first_photo(create, stored_files):
    data = images.jpeg()
    first = create(data, "original.jpg")
    files_before = stored_files()

    with pytest.raises(DuplicatePhoto) as duplicate:
        create_photo(images.upload(data, "copie.jpg"))

    assert duplicate.value.photo == first
    assert duplicate.value.messages == [
        f"This file is already in the library as photo {first.pk}: use it instead."
    ]
    assert first.content_hash == hashlib.sha256(data).hexdigest()
    assert (Photo.objects.count(), stored_files()) == (1, files_before)


def test_same_picture_saved_differently_is_not_a_duplicate(create):
    create(images.jpeg(quality=90))
    create(images.jpeg(quality=70))

    assert Photo.objects.count() == 2


def test_api_answers_409_with_the_existing_photo(create, editor, as_user, stored_files, settings):
    data = images.jpeg()
    first = create(data)
    files_before = stored_files()

    response = as_user(editor).post(
        "/api/v1/photos/", {"image": images.upload(data, "encore.jpg")}, format="multipart"
    )

    assert response.status_code == 409
    assert response.json() == {
        "detail": f"This file is already in the library as photo {first.pk}: use it instead.",
        "photo": {"id": first.pk, "url": f"{settings.SITE_URL}/api/v1/photos/{first.pk}/"},
    }
    assert (Photo.objects.count(), stored_files()) == (1, files_before)
