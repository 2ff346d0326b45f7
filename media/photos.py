"""Changing photos already in the library: caption, credit, rights, framing, deletion.

A photo shows wherever an article or a dossier shows it; ``media.carriers`` names those,
so a change to a photo a published article carries needs the editor's role, records a
revision on each such article and forgets their public copies.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from media import carriers, tasks
from media.models import Photo
from newsroom import surrogate_keys
from newsroom.errors import require

FRAMING = {"focal_x", "focal_y"}


def _keys(pk) -> list[str]:
    return [surrogate_keys.PHOTOS, surrogate_keys.photo(pk)]


def check_change(photo: Photo, *, by) -> carriers.Reach:
    """What shows the photo; refused if a published article does and ``by`` is no editor."""
    reach = carriers.Reach([photo.pk])
    reach.check(by)
    return reach


@transaction.atomic
def edit_photo(photo: Photo, *, by, changes: dict, at=None) -> Photo:
    """Apply ``changes`` (metadata fields) to the photo; new renditions if the focal point
    moved. Returns the saved photo."""
    require(by, "media.change_photo", _("Your role may not change photos."))
    at = at or timezone.now()
    row = Photo.objects.select_for_update().get(pk=photo.pk)
    changed = [name for name, value in changes.items() if getattr(row, name) != value]
    if not changed:
        return row
    reach = check_change(row, by=by)
    for name in changed:
        setattr(row, name, changes[name])
    row.full_clean(exclude=["image"], validate_unique=False)
    row.save(update_fields=changed)
    if FRAMING & set(changed):
        tasks.refresh_renditions(row)
    labels = ", ".join(str(Photo._meta.get_field(name).verbose_name) for name in changed)
    note = _("photo %(id)d: %(fields)s") % {"id": row.pk, "fields": labels}
    reach.done(by=by, at=at, note=note, keys=_keys(row.pk))
    return row


@transaction.atomic
def delete_photo(photo: Photo, *, by, at=None) -> None:
    """Delete a photo and its files; the articles and dossiers showing it no longer do."""
    require(by, "media.delete_photo", _("Your role may not delete photos."))
    reach = check_change(photo, by=by)
    keys, note = _keys(photo.pk), _("photo %(id)d deleted") % {"id": photo.pk}
    photo.delete()
    reach.done(by=by, at=at or timezone.now(), note=note, keys=keys)
