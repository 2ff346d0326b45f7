from django.core.management.base import BaseCommand

from demo import REFERENCE_SLUG, load


class Command(BaseCommand):
    help = (
        "Load the demo content: the reference article with its dossier, photo, quotes and "
        "tags, a few other articles, a draft and a scheduled article. Safe to run again."
    )

    def handle(self, *args, **options):
        rows = load.load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {rows.created} rows created, {rows.updated} updated. "
                f"Reference article: /api/v1/articles/{REFERENCE_SLUG}/"
            )
        )
