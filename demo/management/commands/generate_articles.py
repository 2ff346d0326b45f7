import time

from django.core.management.base import BaseCommand, CommandError

from demo import cast, volume


class Command(BaseCommand):
    help = (
        "Bulk-insert N realistic articles for scale tests (about 95% published over twenty "
        f"years, the rest drafts and scheduled), with slugs starting with «{cast.PREFIX}»."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many articles to add.")
        parser.add_argument("--seed", type=int, default=0, help="Random seed (default 0).")
        parser.add_argument(
            "--batch-size", type=int, default=1000, help="Articles per transaction (default 1000)."
        )

    def handle(self, *args, count, seed, batch_size, **options):
        if count < 1 or batch_size < 1:
            raise CommandError("N and --batch-size must be positive.")
        started = time.monotonic()
        step = max(batch_size, count // 10)

        def progress(done):
            if done == count or done % step < batch_size:
                elapsed = time.monotonic() - started
                self.stdout.write(f"{done:,} / {count:,} articles ({elapsed:.0f} s)")

        volume.generate(count, seed=seed, batch_size=batch_size, progress=progress)
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {count:,} articles in {elapsed:.1f} s "
                f"({count / elapsed:,.0f} articles/s)."
            )
        )
