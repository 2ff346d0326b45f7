import os
import statistics
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Section

USERNAME = "bench-admin"


class Command(BaseCommand):
    help = (
        "Time the article admin (list, filters, search, a deep page, the change form) "
        "as a superuser through Django's test client against the current database, and "
        "print a Markdown table: median, fastest and slowest of --runs, and SQL queries."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5, help="Timed runs per page (5).")
        parser.add_argument("--search", default="gouvernement", help="A common word to search.")
        parser.add_argument("--rare", default="Dufour", help="A rare word to search.")
        parser.add_argument("--page", type=int, default=2000, help="Deep page (2000).")

    def handle(self, *args, runs, search, rare, page, verbosity, **options):
        if runs < 1:
            raise CommandError("--runs must be positive.")
        latest = Article.objects.order_by("-published_at", "-id").first()
        if latest is None:
            raise CommandError("No articles: run generate_articles first.")
        oldest = Article.objects.filter(published_at__isnull=False).order_by("published_at").first()
        section = Section.objects.filter(articles=latest).get()
        year = timezone.localtime(oldest.published_at).year + 5
        changelist = reverse("admin:articles_article_changelist")
        pages = [
            ("List", changelist),
            ("Filter: status published", f"{changelist}?status__exact=published"),
            ("Filter: status draft", f"{changelist}?status__exact=draft"),
            ("Filter: section", f"{changelist}?section__id__exact={section.pk}"),
            ("Filter: subscribers only", f"{changelist}?is_premium__exact=1"),
            ("Filter: year", f"{changelist}?published={year}"),
            ("Filter: month", f"{changelist}?published={year}-06"),
            ("Filter: scheduled", f"{changelist}?published=scheduled"),
            (
                "Filters: status, section, subscribers, year",
                f"{changelist}?status__exact=published&section__id__exact={section.pk}"
                f"&is_premium__exact=1&published={year}",
            ),
            (f"Search «{search}»", f"{changelist}?q={search}"),
            (f"Search «{rare}»", f"{changelist}?q={rare}"),
            (
                f"Search «{search}» + section",
                f"{changelist}?q={search}&section__id__exact={section.pk}",
            ),
            (f"Page {page:,}", f"{changelist}?p={page}"),
            ("Oldest first", f"{changelist}?o=4"),
            (
                f"Article autocomplete «{search}» (dossier entries)",
                f"{reverse('admin:autocomplete')}?app_label=dossiers&model_name=dossierentry"
                f"&field_name=article&term={search}",
            ),
            ("Quote list", reverse("admin:articles_quote_changelist")),
            (
                f"Quote autocomplete «{rare}» (article form)",
                f"{reverse('admin:autocomplete')}?app_label=articles&model_name=quote_articles"
                f"&field_name=quote&term={rare}",
            ),
            ("Change form, newest article", self._change_url(latest)),
            ("Change form, oldest article", self._change_url(oldest)),
        ]
        self._describe_archive()
        self.stdout.write("| page | median | fastest | slowest | queries |")
        self.stdout.write("| --- | ---: | ---: | ---: | ---: |")
        with override_settings(ALLOWED_HOSTS=["testserver"]):
            client = Client()
            client.force_login(self._superuser())
            for label, url in pages:
                timings, queries = self._time(client, url, runs)
                self.stdout.write(
                    f"| {label} | {statistics.median(timings):.0f} ms | {min(timings):.0f} ms "
                    f"| {max(timings):.0f} ms | {len(queries)} |"
                )
                if verbosity > 1:
                    for query in queries:
                        milliseconds = float(query["time"]) * 1000
                        self.stderr.write(f"  {milliseconds:7.1f} ms  {query['sql'][:300]}")

    def _describe_archive(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_size_pretty(pg_total_relation_size('articles_article')),"
                " pg_size_pretty(pg_database_size(current_database()))"
            )
            table, database = cursor.fetchone()
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        self.stdout.write(
            f"- archive: {Article.objects.count():,} articles "
            f"({Article.objects.filter(status='published').count():,} published); "
            f"articles table with its indexes {table}, database {database}\n"
            f"- machine: {os.cpu_count()} CPUs, {memory:.1f} GiB; load average "
            f"{', '.join(f'{load:.1f}' for load in os.getloadavg())}\n"
        )

    def _change_url(self, article):
        return reverse("admin:articles_article_change", args=[article.pk])

    def _superuser(self):
        user, created = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"is_staff": True, "is_superuser": True}
        )
        if created:
            user.set_unusable_password()
            user.save()
        return user

    def _time(self, client, url, runs):
        """One untimed request to warm the caches, then ``runs`` timed ones."""
        timings = []
        for run in range(runs + 1):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                elapsed = (time.perf_counter() - started) * 1000
            if response.status_code != 200:
                raise CommandError(f"{url} answered {response.status_code}.")
            if run:
                timings.append(elapsed)
        return timings, queries.captured_queries
