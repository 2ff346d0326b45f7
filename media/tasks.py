"""Background work on photos, run by the task queue (django-tasks) off the request path.

See docs/decisions/0004-photo-renditions-on-django-tasks.md for why this queue.
"""

from django.db import transaction
from django_tasks import task
from django_tasks_db.backend import DatabaseBackend

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
    """Queue ``generate_renditions`` for the photo. Call after an upload or a change of
    focal point.

    With the database queue the job is a row written in the caller's transaction: it exists
    exactly when the change committed, and the worker sees it only then. Another backend
    (the immediate one in tests) is called once the transaction commits, so that it sees
    the saved photo; its failure then is logged, the change stays acknowledged.
    """
    photo_id = photo.pk
    if isinstance(generate_renditions.get_backend(), DatabaseBackend):
        generate_renditions.enqueue(photo_id)
    else:
        transaction.on_commit(lambda: generate_renditions.enqueue(photo_id), robust=True)
