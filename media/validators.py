"""Whether an uploaded file may become a photo, decided before anything is written.

The order matters: the byte size is checked before reading, the format from the content's
first bytes, the pixel count from the header, and only then is the picture decoded (JPEG at
an eighth of its size) to prove it is complete. A decompression bomb is therefore refused
from its header, without ever being decoded.
"""

import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

# Pillow format names, as identified from the content; nothing else is even tried.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "AVIF", "HEIF")  # HEIF: pillow-heif
DEFAULT_MAX_UPLOAD_BYTES = 40 * 1024 * 1024
DEFAULT_MAX_PIXELS = 100_000_000


def max_upload_bytes() -> int:
    return getattr(settings, "PHOTO_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


def max_pixels() -> int:
    return getattr(settings, "PHOTO_MAX_PIXELS", DEFAULT_MAX_PIXELS)


def check_size(file) -> None:
    if file.size > max_upload_bytes():
        raise ValidationError(
            _("This file is too large (%(size)s): the limit is %(limit)s."),
            params={"size": filesizeformat(file.size), "limit": filesizeformat(max_upload_bytes())},
            code="file_too_large",
        )
    if file.size == 0:
        raise ValidationError(_("This file is empty."), code="empty")


def looks_like_markup(head: bytes) -> bool:
    """SVG, HTML and other XML start with ``<`` (after a byte-order mark and blanks)."""
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"<")


def _not_accepted(head: bytes) -> ValidationError:
    if looks_like_markup(head):
        return ValidationError(
            _(
                "SVG, HTML and other text-based files are not accepted: they can carry "
                "scripts. Send a JPEG, PNG, WebP, AVIF or HEIC picture."
            ),
            code="scriptable",
        )
    return ValidationError(
        _(
            "This file is not a JPEG, PNG, WebP, AVIF or HEIC picture (its content was checked, "
            "not its name)."
        ),
        code="not_an_image",
    )


def _too_many_pixels(width: int | None = None, height: int | None = None) -> ValidationError:
    limit = max_pixels() / 1_000_000
    if width is None:
        return ValidationError(
            _("This picture has too many pixels: the limit is %(limit)g megapixels."),
            params={"limit": limit},
            code="too_many_pixels",
        )
    return ValidationError(
        _(
            "This picture has too many pixels (%(width)d × %(height)d, %(pixels).1f "
            "megapixels): the limit is %(limit)g megapixels."
        ),
        params={
            "width": width,
            "height": height,
            "pixels": width * height / 1_000_000,
            "limit": limit,
        },
        code="too_many_pixels",
    )


def _damaged() -> ValidationError:
    return ValidationError(
        _("This picture is damaged or incomplete (was the upload cut short?). Send it again."),
        code="damaged",
    )


def open_upload(file) -> tuple[Image.Image, tuple[int, int]]:
    """The uploaded file as a checked, decoded Pillow image and its size in pixels.

    Raises ValidationError saying why the file is refused. Call ``check_size`` first; the
    caller closes the image. A JPEG is decoded at a reduced size, so use the size returned
    here, not ``image.size``; ``image.format`` and ``image.info`` describe the original.
    """
    file.seek(0)
    head = file.read(512)
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(file, formats=ACCEPTED_FORMATS)
    except Image.DecompressionBombError:
        raise _too_many_pixels() from None
    except UnidentifiedImageError:
        raise _not_accepted(head) from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise _damaged() from None
    width, height = image.size
    if width * height > max_pixels():
        image.close()
        raise _too_many_pixels(width, height)
    try:
        image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))  # JPEG only
        image.load()
    except (OSError, SyntaxError, ValueError, EOFError):
        image.close()
        raise _damaged() from None
    return image, (width, height)
