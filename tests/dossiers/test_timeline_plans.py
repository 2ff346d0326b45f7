"""A page of a dossier's timeline reads a page, however many of the dossier's newest
articles are not public yet and however deep the page.

An analysed table holds a dossier of 2,000 published articles under 300 scheduled ones
(its newest entries), and an older dossier of five. The fast path's prepared statement
(one plan for every dossier and every time) is run under ``EXPLAIN ANALYZE``: walking the
entries joined to their articles reads every scheduled one before the page, and sorting
the dossier reads all of them.
"""

import datetime as dt
import json

import pytest
from django.db import connection
from django.utils import timezone

from articles import hotpath
from articles.models import Article
from dossiers.models import DossierEntry
from tests.api.test_section_plans import analysed, articles_read
from tests.factories import DossierFactory, SectionFactory

pytestmark = pytest.mark.django_db

PUBLIC, SCHEDULED = 2_000, 300
MOST_ROWS_READ = 100  # a page is 21 articles
ORDERING = ("-entry_published_at", "-entry_article")


@pytest.fixture(scope="module")
def dossiers(django_db_setup, django_db_blocker):
    """The two dossiers and their articles, analysed; shared by the module's tests and
    deleted after them."""
    with django_db_blocker.unblock():
        big, small = DossierFactory(slug="gros"), DossierFactory(slug="petit")
        section = SectionFactory(slug="monde")
        now, articles, filed = timezone.now(), [], []
        for number in range(SCHEDULED + PUBLIC + 5):
            at = now + dt.timedelta(hours=SCHEDULED - number)  # the scheduled first
            articles.append(
                Article(
                    slug=f"dossier-{number}",
                    section=section,
                    headline=f"Dépêche {number}",
                    status=Article.Status.PUBLISHED,
                    published_at=at,
                    first_published_at=at,
                )
            )
            filed.append(big if number < SCHEDULED + PUBLIC else small)
        Article.objects.bulk_create(articles, batch_size=2_000)
        DossierEntry.objects.bulk_create(
            [DossierEntry(dossier=d, article=a) for d, a in zip(filed, articles, strict=True)],
            batch_size=2_000,
        )
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE articles_article, dossiers_dossierentry")
        yield {"gros": big, "petit": small}
        Article.objects.filter(slug__startswith="dossier-").delete()
        big.delete()
        small.delete()
        section.delete()


@pytest.mark.parametrize("deep", [False, True], ids=["first page", "deep page"])
@pytest.mark.parametrize("slug", ["gros", "petit", "inconnu"])
def test_the_fast_path_s_one_plan_reads_a_page_of_the_timeline(dossiers, slug, deep):
    """The statement is planned once for every dossier (a generic plan), as in a worker."""
    app = hotpath.PublicReadsApp(django_app=None)
    statement = app.list_statement("timeline", {}, ORDERING, "lt" if deep else None, 21)
    at = timezone.now()
    position = at - dt.timedelta(hours=PUBLIC // 2)
    values = {hotpath._AT: at, hotpath._SLUG: slug, hotpath._POSITION: position}
    rows, names = statement.execute(values)  # prepared, as the worker's connection plans

    shown = Article.objects.in_bulk([row[0] for row in rows])
    times = [shown[row[0]].published_at for row in rows]
    assert all(time <= at for time in times), "a scheduled article in the timeline"
    assert times == sorted(times, reverse=True)
    if slug == "gros":
        assert len(rows) == 21
        assert times[0] <= (position if deep else at)
    else:
        assert len(rows) == (5 if slug == "petit" else 0)
    plan = analysed(statement.execute_sql, statement.bound(values))
    assert articles_read(plan) <= MOST_ROWS_READ, json.dumps(plan)
    # The page is cut from the entries; they and the dossier's slug are read once.
    assert reads(plan, "dossiers_dossierentry") == 1, json.dumps(plan)
    assert reads(plan, "dossiers_dossier") == 1, json.dumps(plan)


def reads(plan: dict, table: str) -> int:
    """How many nodes of ``plan`` read ``table`` (its rows, or its indexes alone)."""
    here = plan.get("Relation Name") == table
    return here + sum(reads(child, table) for child in plan.get("Plans", []))
