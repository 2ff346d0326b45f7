"""Where photo files are stored, and who may fetch them (decision 0013).

No web server serves the uploads folder or the bucket. Every file URL
(``photo.image.url``, ``rendition.file.url``) is ``MEDIA_URL`` + the stored name, and
``media.views.photo_file`` answers it:

- a rendition of a photo the public sees (``PhotoQuerySet.shown_publicly``): to anyone,
  cacheable and tagged with the photo's surrogate key, so a withdrawal purges it;
- a rendition of any other photo, and every original: to the newsroom (who may view photos,
  by session or API token) only, never stored by a cache;
- anything else: 404, the same answer as for a name that does not exist.

Names carry a random token (128 bits), so a stored name cannot be guessed from a photo's id
or file name even where the storage itself were exposed by mistake.
"""

import secrets
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core import signing
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.utils.text import slugify

from newsroom import surrogate_keys
from newsroom.caching import mark_public

ORIGINALS = "originals"
RENDITIONS = "renditions"
SIGNED = "s"  # the query parameter of a rendition's link signed for a preview
SALT = "media.files"


def token() -> str:
    return secrets.token_urlsafe(16)


def original_name(photo, filename: str) -> str:
    """``originals/<token>/<the uploaded name, made safe>``: never served to the public."""
    path = PurePosixPath(filename)
    stem = slugify(path.stem)[:60] or "photo"
    return f"{ORIGINALS}/{token()}/{stem}{path.suffix.lower()}"


def rendition_name(rendition, filename: str) -> str:
    """``renditions/<photo id>/<token>/<ratio-box-width.ext>``."""
    return f"{RENDITIONS}/{rendition.photo_id}/{token()}/{PurePosixPath(filename).name}"


def photo_id_of(name: str) -> int | None:
    """The photo id a rendition's name starts with, or None if it is no rendition name."""
    parts = name.split("/")
    if len(parts) == 4 and parts[0] == RENDITIONS and parts[1].isdigit():  # noqa: PLR2004
        return int(parts[1])
    return None


def sign_renditions(data):
    """``data`` (a preview's JSON) with every rendition URL in it signed for
    ``FILE_LINK_SECONDS``: whoever holds a preview link sees its photos, as the newsroom
    does. Originals are never signed; a signature opens one file only."""
    if isinstance(data, dict):
        return {
            key: sign_url(value) if key == "url" else sign_renditions(value)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [sign_renditions(value) for value in data]
    return data


def sign_url(url):
    if not isinstance(url, str):
        return url
    path = urlsplit(url).path
    if not path.startswith(settings.MEDIA_URL) or "?" in url:
        return url
    name = unquote(path.removeprefix(settings.MEDIA_URL))
    if photo_id_of(name) is None:
        return url
    signature = signing.TimestampSigner(salt=SALT).sign(name).removeprefix(name + ":")
    return f"{url}?{SIGNED}={signature}"


def signed_for(request, name: str) -> bool:
    """Whether the request carries a valid, unexpired signature for this file."""
    signature = request.GET.get(SIGNED)
    if not signature:
        return False
    try:
        signing.TimestampSigner(salt=SALT).unsign(
            f"{name}:{signature}", max_age=settings.FILE_LINK_SECONDS
        )
    except signing.BadSignature:  # SignatureExpired included
        return False
    return True


def response(storage, name: str, content_type: str):
    """The file's bytes, handed over in the way the deployment says (``FILES_OFFLOAD``):
    by nginx (``X-Accel-Redirect`` to an internal location), by Apache or lighttpd
    (``X-Sendfile``), by a redirect to a short-lived signed URL (object storage), or read
    by Django (development)."""
    signed_url = getattr(storage, "signed_url", None)
    if signed_url is not None:
        return HttpResponseRedirect(signed_url(name))
    offload = settings.FILES_OFFLOAD
    if offload == "x-accel-redirect":
        reply = HttpResponse(content_type=content_type)
        reply["X-Accel-Redirect"] = settings.FILES_INTERNAL_URL + name
        return reply
    if offload == "x-sendfile":
        reply = HttpResponse(content_type=content_type)
        reply["X-Sendfile"] = storage.path(name)
        return reply
    return FileResponse(storage.open(name, "rb"), content_type=content_type)


def public(reply, photo):
    """Cacheable by browsers and CDNs until the photo's rights expire; purged with the
    photo's key (which every article and dossier showing it purges too)."""
    keys = [surrogate_keys.photo(photo.pk)]
    mark_public(reply, keys, expires_at=photo.rights_expire_at)
    if isinstance(reply, HttpResponseRedirect):
        # A signed URL dies after S3_SIGNED_URL_SECONDS: no cache may keep it that long.
        lifetime = settings.S3_SIGNED_URL_SECONDS // 3
        patch_cache_control(reply, max_age=lifetime, s_maxage=lifetime)
    return reply


def private(reply):
    patch_cache_control(reply, private=True, no_store=True)
    return reply
