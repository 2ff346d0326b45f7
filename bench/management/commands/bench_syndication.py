"""Time the syndication endpoints on the current archive, through Django's whole stack."""

import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Section
from dossiers.models import Dossier


class Command(BaseCommand):
    help = (
        "Time the sitemaps, feeds and ninjs on the current archive: p50 and p95 over --runs "
        "requests after a warm-up (which renders the stored copies), with queries and bytes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20, help="Timed requests per address.")

    def handle(self, *args, runs, **options):
        client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else None)
        rows = [(label, *measure(client, url, runs)) for label, url in addresses().items()]
        lines = [
            f"{Article.objects.count():,} articles, {Article.objects.public().count():,} public; "
            f"{runs} requests each after a warm-up, in process (Django's middleware included, "
            "no HTTP server, no response cache).",
            "",
            "| address | p50 | p95 | queries | bytes |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for label, timings, queries, size in rows:
            p95 = sorted(timings)[round(0.95 * (len(timings) - 1))]
            lines.append(
                f"| {label} | {statistics.median(timings):.1f} ms | {p95:.1f} ms "
                f"| {queries} | {size:,} |"
            )
        self.stdout.write("\n".join(lines))


def addresses() -> dict[str, str]:
    public = Article.objects.public()
    newest = public.order_by("-published_at").first()
    oldest = public.order_by("published_at").first()
    if newest is None:
        raise CommandError("No public article: run generate_articles first.")
    middle = oldest.published_at + (newest.published_at - oldest.published_at) / 2
    month = timezone.localtime(middle)
    section = Section.objects.annotate(n=Count("articles")).order_by("-n").first()
    dossier = Dossier.objects.annotate(n=Count("entries")).order_by("-n").first()
    return {
        "`/sitemap.xml` (index)": "/sitemap.xml",
        "`/sitemap-news.xml`": "/sitemap-news.xml",
        f"a month's sitemap ({month:%Y-%m})": f"/sitemaps/articles-{month:%Y-%m}.xml",
        "`/feeds/latest.rss`": "/feeds/latest.rss",
        f"section feed, Atom ({section.slug})": f"/feeds/sections/{section.slug}.atom",
        f"dossier feed, RSS ({dossier.slug})": f"/feeds/dossiers/{dossier.slug}.rss",
        "ninjs of the newest article": f"/api/v1/articles/{newest.slug}/ninjs/",
    }


def measure(client, url, runs):
    if (status := client.get(url).status_code) != 200:
        raise CommandError(f"{url}: {status}")
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
    return timings, len(captured), len(response.content)
