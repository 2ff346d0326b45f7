"""A section's list reads that section, not the archive, whatever the section's size.

An analysed table holds a big section of 5,000 published articles, the newest, and older
than all of them a small section of three and a parent section of two with a subsection of
two. A page of each, through Django and through the fast path's prepared statement (one
plan for every section), is run under ``EXPLAIN ANALYZE``: walking the archive newest first
until a small section's articles turn up reads thousands of rows.
"""

import datetime as dt
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import hotpath
from articles.models import Article
from tests.factories import SectionFactory
from tests.search.test_search_plans import article_scans, rows_read

pytestmark = pytest.mark.django_db

BIG = 5_000
# A page is 21 rows; the fast path reads at most that many from each section's own index,
# then the page's own rows (and an article or none for the next visibility change).
PAGE = 21
MOST_ROWS_READ = 200
SECTIONS = {"gros": BIG, "petit": 3, "international": 2, "europe": 2}
SUBSECTIONS = {"international": ["europe"]}


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    """The sections and their articles, analysed; shared by the module's tests and deleted
    after them."""
    with django_db_blocker.unblock():
        parent = SectionFactory(slug="international")
        sections = {
            "gros": SectionFactory(slug="gros"),
            "petit": SectionFactory(slug="petit"),
            "international": parent,
            "europe": SectionFactory(slug="europe", parent=parent),
        }
        at, articles = timezone.now() - dt.timedelta(hours=1), []
        for slug, count in SECTIONS.items():
            for number in range(count):
                at -= dt.timedelta(hours=1)
                articles.append(
                    Article(
                        slug=f"{slug}-{number}",
                        section=sections[slug],
                        headline=f"Dépêche {slug} {number}",
                        status=Article.Status.PUBLISHED,
                        published_at=at,
                        first_published_at=at,
                    )
                )
        Article.objects.bulk_create(articles, batch_size=2_000)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE articles_article")  # no dead rows of earlier tests
        yield sections
        Article.objects.filter(section__in=sections.values()).delete()
        for section in ("europe", "international", "petit", "gros"):
            sections[section].delete()


def analysed(sql: str, params=None) -> dict:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    return (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]


def articles_read(plan: dict) -> int:
    return sum(rows_read(scan) for scan in article_scans(plan))


@pytest.mark.parametrize("slug", SECTIONS)
def test_a_section_page_through_django_reads_that_section_not_the_archive(api, archive, slug):
    with CaptureQueriesContext(connection) as captured:
        response = api.get("/api/v1/articles/", {"section": slug})
    assert response.status_code == 200, response.content
    page = next(q["sql"] for q in captured if "articles_publiccopy" in q["sql"])  # then renders
    expected = 4 if slug == "international" else min(SECTIONS[slug], 20)
    assert len(response.json()["results"]) == expected
    plan = analysed(page)
    assert articles_read(plan) <= MOST_ROWS_READ, json.dumps(plan)


@pytest.mark.parametrize("deep", [False, True], ids=["first page", "deep page"])
@pytest.mark.parametrize("slug", [*SECTIONS, "inconnue"])
def test_the_fast_path_s_one_plan_reads_at_most_a_page_from_each_section(archive, slug, deep):
    """The statement is planned once for every section (a generic plan), as in a worker."""
    app = hotpath.PublicReadsApp(django_app=None)
    ordering = ("-published_at", "-id")
    statement = app.list_statement("articles", {"section": slug}, ordering, "lt", 21)
    position = Article.objects.filter(slug=f"gros-{BIG // 2 if deep else 0}").get().published_at
    values = {hotpath._AT: timezone.now(), hotpath._SECTION: slug, hotpath._POSITION: position}
    rows, names = statement.execute(values)  # prepared, as the worker's connection plans
    shown = Article.objects.filter(pk__in=[row[0] for row in rows]).values_list("slug", flat=True)
    slugs = {slug.split("-")[0] for slug in shown}
    assert slugs <= ({"international", "europe"} if slug == "international" else {slug})
    if slug == "gros":
        assert len(rows) == 21
    plan = analysed(statement.execute_sql, statement.bound(values))
    sections = [slug, *SUBSECTIONS.get(slug, [])] if slug in SECTIONS else []
    from_each = sum(min(SECTIONS[section], PAGE) for section in sections)
    assert articles_read(plan) <= from_each + min(from_each, PAGE) + 1, json.dumps(plan)
