"""What archivists check in the photo library: rights about to expire, and photos that
cannot be used as they are because they lack a caption, a credit or an alternative text."""

from django.core.paginator import Paginator
from django.utils import timezone

from media.models import Photo, Rendition

EXPIRY_WINDOW_DAYS = 30
PAGE_SIZE = 50


def rights_report(*, at=None, page=1) -> dict:
    """Both lists, as rows for the report page; photos whose rights have already expired
    are left out of the second list (they are no longer used anywhere)."""
    at = at or timezone.now()
    expiring = Photo.objects.rights_expiring(at, days=EXPIRY_WINDOW_DAYS).with_renditions()
    incomplete = (
        Photo.objects.filter(Photo.objects.rights_valid_q(at))
        .missing_metadata()
        .with_renditions()
        .order_by("-created_at", "-pk")
    )
    incomplete_page = Paginator(incomplete, PAGE_SIZE).get_page(page)
    return {
        "window_days": EXPIRY_WINDOW_DAYS,
        "expiring": [row(photo) for photo in expiring],
        "incomplete": [row(photo) for photo in incomplete_page],
        "incomplete_page": incomplete_page,
    }


def row(photo: Photo) -> dict:
    return {"photo": photo, "thumbnail": thumbnail(photo), "missing": missing(photo)}


def missing(photo: Photo) -> list[str]:
    """Names of the fields a photo lacks, as the form labels them."""
    return [
        Photo._meta.get_field(name).verbose_name
        for name in ("caption", "credit", "alt_text")
        if not getattr(photo, name).strip()
    ]


def thumbnail(photo: Photo) -> Rendition | None:
    """The smallest whole-picture JPEG, from the prefetched renditions; None before they exist."""
    return next(
        (
            rendition
            for rendition in photo.renditions.all()
            if rendition.ratio == Rendition.Ratio.ORIGINAL
            and rendition.format == Rendition.Format.JPEG
        ),
        None,
    )
