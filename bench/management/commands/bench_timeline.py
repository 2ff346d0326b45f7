import resource
import statistics
import time

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count
from django.test import RequestFactory

from articles.models import Article, Person
from dossiers import timeline, views
from dossiers.models import Dossier, DossierEntry

BENCH_SLUG = "bench-archive"


class Command(BaseCommand):
    help = (
        "Time a big dossier's archive pages: the first page of the timeline, page 2,000, a "
        "search in it, the list of all dossiers, and a full CSV export. Without --dossier, "
        f"files every k-th public article into the dossier «{BENCH_SLUG}» first (--size)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dossier", help="Slug of an existing dossier to measure.")
        parser.add_argument("--size", type=int, default=100_000, help="Articles to file.")
        parser.add_argument("--runs", type=int, default=5, help="Timed runs per page.")
        parser.add_argument("--no-export", action="store_true", help="Skip the export.")

    def handle(self, *args, dossier, size, runs, no_export, **options):
        dossier = Dossier.objects.get(slug=dossier) if dossier else fill(size)
        articles = dossier.articles.public()
        count = articles.count()
        depth = views.PAGE_SIZE * 1999
        if count <= depth:
            raise CommandError(f"{count:,} public articles: page 2,000 needs {depth + 1:,}.")
        deep = articles.order_by("-published_at", "-id")[depth - 1 : depth].get()
        cursor = timeline.Cursor(deep.published_at, deep.pk).encode()
        pages = {
            "timeline, page 1": {},
            "timeline, page 2,000": {"apres": cursor},
            "timeline, a month (jump link)": {"apres": month_cursor(articles)},
            "search «gouvernement», page 1": {"q": "gouvernement"},
            "search «gouvernement», by relevance": {"q": "gouvernement", "tri": "pertinence"},
            "filter: person quoted": {"personne": most_quoted(articles)},
        }
        user = get_user_model()(username="bench", is_superuser=True, is_active=True)
        factory = RequestFactory()
        rows = []
        for label, params in pages.items():
            rows.append((label, time_view(factory, user, dossier, params, runs, cold=True)))
        for position, label in ((1, "timeline, page 1"), (3, "timeline, page 2,000")):
            rows.insert(
                position,
                (
                    f"{label}, month counts cached",
                    time_view(factory, user, dossier, pages[label], runs),
                ),
            )
        rows.append(("list of all dossiers", time_list(factory, user, runs)))
        lines = [
            f"Dossier «{dossier.title}»: {count:,} public articles "
            f"(archive: {Article.objects.count():,}); pages of {views.PAGE_SIZE} "
            f"({views.SEARCH_PAGE_SIZE} when searching), the whole view rendered, "
            f"{runs} runs after a warm-up; the cache of month counts and dossier coverage is "
            "emptied before each run unless said otherwise.",
            "",
            "| page | p50 | p95 | queries |",
            "| --- | ---: | ---: | ---: |",
        ]
        for label, (timings, queries) in rows:
            lines.append(
                f"| {label} | {statistics.median(timings):.1f} ms "
                f"| {sorted(timings)[round(0.95 * (len(timings) - 1))]:.1f} ms | {queries} |"
            )
        if not no_export:
            lines += ["", export_line(factory, user, dossier)]
        self.stdout.write("\n".join(lines))


def fill(size: int) -> Dossier:
    """The bench dossier holding ``size`` public articles spread over the whole archive."""
    dossier, _ = Dossier.objects.get_or_create(
        slug=BENCH_SLUG, defaults={"title": "Banc d’essai des archives"}
    )
    missing = size - dossier.entries.count()
    if missing > 0:
        public = Article.objects.public().exclude(dossier_entries__dossier=dossier)
        step = max(1, public.count() // missing)
        ids = public.order_by("id").values_list("id", flat=True)[::step][:missing]
        DossierEntry.objects.bulk_create(
            (DossierEntry(dossier=dossier, article_id=pk) for pk in ids),
            batch_size=5000,
            ignore_conflicts=True,
        )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE dossiers_dossierentry")  # as after any bulk load
    return dossier


def month_cursor(articles) -> str:
    months = timeline.month_counts(articles)
    middle = months[len(months) // 2]["month"]
    return timeline.Cursor.at_month_end(middle.date()).encode()


def most_quoted(articles) -> str:
    person = (
        Person.objects.filter(quotes__articles__in=articles.values("pk")[:2000])
        .annotate(n=Count("quotes"))
        .order_by("-n")
        .first()
    )
    return person.slug if person else ""


def timed(call, runs, *, cold=False):
    call()
    timings, queries = [], 0
    for _ in range(runs):
        if cold:
            cache.clear()
        before = len(connection.queries)
        started = time.perf_counter()
        response = call()
        timings.append((time.perf_counter() - started) * 1000)
        queries = len(connection.queries) - before
        if response.status_code != 200:
            raise CommandError(f"{response.status_code}: {response.content[:300]!r}")
    return timings, queries


def time_view(factory, user, dossier, params, runs, *, cold=False):
    def call():
        request = factory.get(f"/dossiers/{dossier.slug}/", params)
        request.user = user
        return views.dossier_timeline(request, dossier.slug)

    with _counting():
        return timed(call, runs, cold=cold)


def time_list(factory, user, runs):
    def call():
        request = factory.get("/dossiers/")
        request.user = user
        return views.dossier_list(request)

    with _counting():
        return timed(call, runs, cold=True)


def export_line(factory, user, dossier) -> str:
    request = factory.get(f"/dossiers/{dossier.slug}/export.csv")
    request.user = user
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    response = views.dossier_export(request, dossier.slug, "csv")
    size = lines = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += 1
    elapsed = time.perf_counter() - started
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    return (
        f"CSV export of the whole dossier: {lines - 1:,} rows, {size / 1e6:.1f} MB in "
        f"{elapsed:.1f} s ({(lines - 1) / elapsed:,.0f} rows/s); the process's peak memory "
        f"grew by {grown:.0f} MB."
    )


class _counting:
    """Record queries (connection.queries) while timing, as DEBUG would."""

    def __enter__(self):
        self.previous = connection.force_debug_cursor
        connection.force_debug_cursor = True

    def __exit__(self, *exc):
        connection.force_debug_cursor = self.previous
