"""Bring photos' renditions up to date: all photos, or the ids given.

For photos loaded without the upload path (fixtures, the demo), after a change of widths or
crops in ``media.renditions``, or to repair a failed job. Cheap for photos already up to date.
"""

from django.core.management.base import BaseCommand

from media import tasks
from media.models import Photo


class Command(BaseCommand):
    help = "Make the missing or stale renditions of photos (all, or the ids given)."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="photo ids (default: all)")
        parser.add_argument(
            "--queue", action="store_true", help="enqueue one job per photo instead of working here"
        )

    def handle(self, *args, ids, queue, **options):
        photos = Photo.objects.order_by("pk")
        if ids:
            photos = photos.filter(pk__in=ids)
        count, written = 0, 0
        for photo_id in photos.values_list("pk", flat=True).iterator():
            count += 1
            if queue:
                tasks.generate_renditions.enqueue(photo_id)
            else:
                written += tasks.generate_renditions.call(photo_id)
        if queue:
            self.stdout.write(f"{count} photos queued.")
        else:
            self.stdout.write(f"{count} photos checked, {written} renditions written.")
