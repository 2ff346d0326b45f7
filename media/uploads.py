"""An uploaded file becomes a Photo here, and only here: the admin, the API and the
management commands call ``create_photo``, so they refuse and accept the same files."""

import hashlib
from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from media import metadata, tasks, validators
from media.models import Photo

EXIF_ORIENTATION = 0x0112
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "AVIF": "avif", "HEIF": "heic"}
# What the uploader may set along with the file; a non-empty value beats the file's own.
METADATA_FIELDS = (
    "caption",
    "credit",
    "creator",
    "copyright_notice",
    "source",
    "taken_at",
    "place",
    "alt_text",
    "focal_x",
    "focal_y",
    "usage_terms",
    "rights_expire_at",
)


class DuplicatePhoto(ValidationError):
    """The same file (same SHA-256) is already in the library: offer ``photo`` instead."""

    def __init__(self, photo: Photo):
        super().__init__(
            _("This file is already in the library as photo %(id)d: use it instead."),
            params={"id": photo.pk},
            code="duplicate",
        )
        self.photo = photo


def check_upload(file) -> Photo:
    """The unsaved Photo an uploaded file would become, pre-filled from the file's IPTC, XMP
    and EXIF metadata; raises ValidationError saying why the file is refused
    (DuplicatePhoto when it is already in the library). Writes nothing anywhere.

    ``file`` is a Django File (an UploadedFile from a form or the API). A form's
    ``clean_image`` can call this to show the refusal next to the field.
    """
    validators.check_size(file)
    image, (width, height) = validators.open_upload(file)
    with image:
        image_format = image.format
        orientation = image.getexif().get(EXIF_ORIENTATION, 1)
        found = metadata.read(image)
    content_hash = sha256(file)
    if existing := Photo.objects.filter(content_hash=content_hash).first():
        raise DuplicatePhoto(existing)
    return Photo(
        width=width,
        height=height,
        format=image_format,
        orientation=orientation if orientation in range(1, 9) else 1,
        content_hash=content_hash,
        **fit(found),
    )


def create_photo(file, *, by=None, **fields) -> Photo:
    """A new Photo from an uploaded file (see ``check_upload``), its renditions queued for
    after the commit.

    ``fields`` are Photo fields from ``METADATA_FIELDS``; a non-empty one beats the file's
    own value. Raises ValidationError (or DuplicatePhoto), or PermissionDenied when ``by``
    may not add photos, before anything is written to the database or the storage.
    """
    if by is not None and not by.has_perm("media.add_photo"):
        raise PermissionDenied(_("You may not add photos."))
    if unknown := set(fields) - set(METADATA_FIELDS):
        raise TypeError(f"Not photo metadata: {', '.join(sorted(unknown))}")
    photo = check_upload(file)
    for name, value in fields.items():
        if value not in ("", None):
            setattr(photo, name, value)
    photo.uploaded_by = by
    photo.full_clean(exclude=["image"], validate_unique=False)
    width, height = photo.width, photo.height
    photo.image.save(filename(file, photo.format), file, save=False)
    photo.width, photo.height = width, height  # Django re-reads them, and misses AVIF and HEIC
    try:
        with transaction.atomic():
            photo.save()
    except IntegrityError:
        photo.image.delete(save=False)
        if duplicate := Photo.objects.filter(content_hash=photo.content_hash).first():
            raise DuplicatePhoto(duplicate) from None
        raise
    tasks.refresh_renditions(photo)
    return photo


def sha256(file) -> str:
    digest = hashlib.sha256()
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def fit(found: dict) -> dict:
    """Metadata cut to the length of the field that receives it."""
    fitted = {}
    for name, value in found.items():
        max_length = Photo._meta.get_field(name).max_length
        fitted[name] = value[:max_length].rstrip() if max_length else value
    return fitted


def filename(file, image_format: str) -> str:
    """The stored name: the uploaded name's stem, made safe, with the extension of the
    format found in the content (a PNG named ``.jpg`` is stored as ``.png``)."""
    stem = slugify(PurePath(file.name or "").stem)[:60] or "photo"
    return f"{stem}.{EXTENSIONS[image_format]}"
