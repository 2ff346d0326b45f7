"""The archive the benchmark reads: generated articles, the reference article, and their
public copies warmed in bulk. Needs Django set up."""

import time
from collections.abc import Callable

from django.core.management import call_command
from django.db import connection

from articles import rendering
from articles.models import Article
from demo import REFERENCE_SLUG
from demo.cast import PREFIX

RENDER_BATCH = 1000


def migrate() -> None:
    call_command("migrate", interactive=False, verbosity=0)


def ensure_articles(total: int) -> None:
    """Generate the articles missing to reach ``total`` generated ones."""
    missing = total - Article.objects.filter(slug__startswith=PREFIX).count()
    if missing > 0:
        call_command("generate_articles", missing)


def ensure_reference_article() -> None:
    if not Article.objects.filter(slug=REFERENCE_SLUG).exists():
        call_command("load_demo")


def warm_copies(say: Callable[[str], None], *, every: bool = False) -> tuple[int, float]:
    """Render the public copies that are missing (``every``: all of them), in batches;
    return how many and how long it took."""
    started = time.monotonic()
    articles = Article.objects.public()
    if not every:
        articles = articles.filter(public_copy__isnull=True)
    ids = list(articles.order_by("pk").values_list("pk", flat=True))
    batches = [ids[start : start + RENDER_BATCH] for start in range(0, len(ids), RENDER_BATCH)]
    for number, batch in enumerate(batches, 1):
        rendering.render(batch)
        if number % max(1, len(batches) // 10) == 0 or number == len(batches):
            done = sum(map(len, batches[:number]))
            say(f"  {done:,} / {len(ids):,} copies ({time.monotonic() - started:.0f} s)")
    return len(ids), time.monotonic() - started


def analyze() -> None:
    """What autovacuum does after a bulk load, done now (the machine may run without it):
    fresh planner statistics, and the full-text and trigram indexes' pending lists
    merged. A pending list is read whole by every search of its index, and costed by its
    size: at 100,000 articles, with 5,000 people just inserted, the planner scanned the
    people for each name look-up (12 ms) instead of reading their index (0.1 ms)."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def size() -> dict[str, int]:
    return {
        "articles": Article.objects.count(),
        "public": Article.objects.public().count(),
        "generated": Article.objects.filter(slug__startswith=PREFIX).count(),
    }
