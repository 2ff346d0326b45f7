"""An item's pictures as Photos, through the library's own upload checks.

A file beside the item (a relative path, inside the item's folder) needs no configuration.
Any other local file must be under one of ``WIRE_ALLOWED_PHOTO_ROOTS``, and a URL's host
one of ``WIRE_ALLOWED_PHOTO_HOSTS`` (http(s), no redirect elsewhere): the import never reads
what the operator did not allow, so an item cannot make the server read its secrets or
call its internal network.
"""

import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from media import uploads, validators
from media.models import Photo
from wire.items import PhotoRef

TIMEOUT_SECONDS = 20


class PhotoRefused(ValidationError):
    """The picture was not taken in; the message says why. The article goes in without it."""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise PhotoRefused(
            _("The photo's address redirects to %(url)s: give the final address.")
            % {"url": newurl[:200]}
        )


def photo_for(ref: PhotoRef, *, base: Path | None, by, source: str) -> Photo:
    """The Photo for ``ref``: a new one, or the library's own when the file is already in it."""
    name, content = read(ref.href, base=base)
    fields = {
        "caption": ref.caption,
        "credit": ref.credit[:200],
        "creator": ref.creator[:200],
        "copyright_notice": ref.copyright_notice,
        "source": source[:200],
        "alt_text": ref.alt_text[:300],
    }
    try:
        return uploads.create_photo(ContentFile(content, name=name), by=by, **fields)
    except uploads.DuplicatePhoto as duplicate:
        return duplicate.photo
    except ValidationError as error:
        raise PhotoRefused(
            _("The photo %(href)s was refused: %(reason)s")
            % {"href": ref.href[:200], "reason": " ".join(error.messages)}
        ) from None


def read(href: str, *, base: Path | None) -> tuple[str, bytes]:
    """The file's name and bytes, if the operator allows reading it; PhotoRefused if not."""
    parts = urlsplit(href)
    if parts.scheme in ("http", "https"):
        return _download(href, parts)
    if parts.scheme == "file":
        return _local(Path(unquote(parts.path)), allowed=_roots(), href=href)
    if parts.scheme or parts.netloc:
        raise PhotoRefused(
            _("The photo %(href)s is neither a file nor an http(s) address.") % {"href": href}
        )
    path = Path(unquote(parts.path))
    if path.is_absolute():
        return _local(path, allowed=_roots(), href=href)
    if base is None:
        raise PhotoRefused(
            _(
                "The photo %(href)s is a relative path, but the item was not read from a "
                "folder: import it with its files (manage.py import_wire)."
            )
            % {"href": href}
        )
    return _local(base / path, allowed=[base], href=href)


def _roots() -> list[Path]:
    return [Path(root) for root in getattr(settings, "WIRE_ALLOWED_PHOTO_ROOTS", [])]


def _local(path: Path, *, allowed: list[Path], href: str) -> tuple[str, bytes]:
    resolved = path.resolve()
    if not any(resolved.is_relative_to(root.resolve()) for root in allowed):
        raise PhotoRefused(
            _(
                "The photo %(href)s is outside the item's folder and outside the folders "
                "allowed by WIRE_ALLOWED_PHOTO_ROOTS."
            )
            % {"href": href}
        )
    if not resolved.is_file():
        raise PhotoRefused(_("The photo %(href)s is not there.") % {"href": href})
    if resolved.stat().st_size > validators.max_upload_bytes():
        raise PhotoRefused(_("The photo %(href)s is too large.") % {"href": href})
    return resolved.name, resolved.read_bytes()


def _download(href: str, parts) -> tuple[str, bytes]:
    allowed = {host.lower() for host in getattr(settings, "WIRE_ALLOWED_PHOTO_HOSTS", [])}
    if (parts.hostname or "").lower() not in allowed:
        raise PhotoRefused(
            _("The photo %(href)s is on %(host)s, which WIRE_ALLOWED_PHOTO_HOSTS does not allow.")
            % {"href": href[:200], "host": parts.hostname or "?"}
        )
    opener = urllib.request.build_opener(_NoRedirect)
    limit = validators.max_upload_bytes()
    try:
        with opener.open(href, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 - http(s), allowed host
            content = response.read(limit + 1)
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise PhotoRefused(
            _("The photo %(href)s could not be read: %(error)s") % {"href": href, "error": error}
        ) from None
    if len(content) > limit:
        raise PhotoRefused(_("The photo %(href)s is too large.") % {"href": href})
    return Path(parts.path).name or "photo", content
