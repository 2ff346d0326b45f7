"""Background work on photos, run by the task queue (django-tasks) off the request path.

See docs/decisions/0004-photo-renditions-on-django-tasks.md for why this queue.
"""

from django.db import transaction
from django_tasks import task

from media import renditions
from media.models import Photo


@task()
def generate_renditions(photo_id: int) -> int:
    """Bring a photo's stored renditions up to date; returns how many files were written."""
    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is None:  # deleted before the worker got to it
        return 0
    return renditions.refresh(photo)


def refresh_renditions(photo: Photo) -> None:
    """Queue ``generate_renditions`` once the current transaction commits, so that the
    worker sees the saved photo. Call after an upload or a change of focal point."""
    photo_id = photo.pk
    transaction.on_commit(lambda: generate_renditions.enqueue(photo_id))
