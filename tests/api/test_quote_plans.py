"""A page of quotes reads a page of quotes, however many of the newest said are not public
yet.

An analysed table holds 2,000 public quotes under 300 newer ones carried only by scheduled
articles (the quotes of scheduled articles are the newest said), a spokesman saying the
300 and one public quote in ten. Each request for a page of quotes is run again under
``EXPLAIN ANALYZE``: walking the quotes newest said first and reading each row to check
its copy of the public time read the 300 before the page; checked in the index
(articles/0021), each costs an index tuple.
"""

import datetime as dt
import json
from base64 import b64encode
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Person, Quote
from tests.api.test_section_plans import analysed
from tests.factories import ArticleFactory, SectionFactory
from tests.search.test_search_plans import rows_read

pytestmark = pytest.mark.django_db

PUBLIC, SCHEDULED = 2_000, 300
MOST_ROWS_READ = 100  # a page is 21 quotes
NEWEST_SAID = dt.date(2026, 1, 1)
DEEP = NEWEST_SAID - dt.timedelta(days=SCHEDULED + PUBLIC // 2)
KINDS = ("full", "fragment", "document")
PAGE_QUERY = 'SELECT "articles_quote"."id"'  # not the person, nor their articles


@pytest.fixture(scope="module")
def quotes(django_db_setup, django_db_blocker):
    """The quotes, their articles and speakers, analysed; shared by the module's tests and
    deleted after them."""
    with django_db_blocker.unblock():
        section = SectionFactory(slug="plans-citations")
        spokesman = Person.objects.create(name="Porte Parole", slug="porte-parole")
        others = Person.objects.create(name="Tout Le Monde", slug="tout-le-monde")
        now, articles, said = timezone.now(), [], []
        for number in range(SCHEDULED + PUBLIC):
            at = now + dt.timedelta(hours=1 if number < SCHEDULED else -number)
            articles.append(published_at(at, section))
            said.append(
                Quote(
                    text=f"Des mots exacts, {number}.",
                    kind=KINDS[number % 3],
                    person=spokesman if number < SCHEDULED or number % 10 == 0 else others,
                    said_on=NEWEST_SAID - dt.timedelta(days=number),
                )
            )
        Article.objects.bulk_create(articles, batch_size=2_000)
        Quote.objects.bulk_create(said, batch_size=2_000)
        Quote.articles.through.objects.bulk_create(
            [
                Quote.articles.through(quote=quote, article=article)
                for quote, article in zip(said, articles, strict=True)
            ],
            batch_size=2_000,
        )
        with connection.cursor() as cursor:
            for table in ("article", "quote", "quote_articles", "person"):
                cursor.execute(f"VACUUM ANALYZE articles_{table}")
        yield
        Article.objects.filter(section=section).delete()  # the links go with them
        Quote.objects.filter(person__in=[spokesman, others]).delete()
        spokesman.delete()
        others.delete()
        section.delete()


def published_at(at, section) -> Article:
    """An article, unsaved, published at ``at``: scheduled if ``at`` is to come."""
    return ArticleFactory.build(
        section=section, status=Article.Status.PUBLISHED, published_at=at, first_published_at=at
    )


def quote_rows_read(plan: dict) -> int:
    """Rows of the quotes' table that ``plan`` reads from its heap (an index-only scan:
    those the visibility map does not vouch for)."""
    read = 0
    if plan.get("Relation Name") == "articles_quote":
        index_only = plan["Node Type"] == "Index Only Scan"
        read = plan["Heap Fetches"] if index_only else rows_read(plan)
    return read + sum(quote_rows_read(child) for child in plan.get("Plans", []))


def deep_cursor() -> str:
    """A cursor halfway down the public quotes, as the next links write it."""
    return b64encode(urlencode({"p": DEEP.isoformat()}).encode()).decode()


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/v1/quotes/", {}),
        ("/api/v1/quotes/", {"cursor": deep_cursor()}),
        ("/api/v1/quotes/", {"kind": "full"}),
        ("/api/v1/quotes/", {"kind": "full", "cursor": deep_cursor()}),
        ("/api/v1/quotes/", {"said_from": "2019-01-01", "said_to": DEEP.isoformat()}),
        ("/api/v1/quotes/", {"person": "porte-parole"}),
        ("/api/v1/people/porte-parole/quotes/", {}),
        ("/api/v1/people/porte-parole/", {}),
    ],
    ids=[
        "first page",
        "deep page",
        "a kind",
        "a kind, deep",
        "said between",
        "a person",
        "a person's quotes",
        "a person's page",
    ],
)
def test_a_page_of_quotes_skips_those_not_public_yet_in_the_index(api, quotes, path, params):
    with CaptureQueriesContext(connection) as captured:
        response = api.get(path, params)
    assert response.status_code == 200, response.content
    body = response.json()
    page = body["quotes"]["results"] if "quotes" in body else body["results"]
    assert len(page) == 20
    said = [quote["said_on"] for quote in page]
    newest = DEEP if "cursor" in params else NEWEST_SAID - dt.timedelta(days=SCHEDULED)
    assert said == sorted(said, reverse=True)
    assert said[0] <= newest.isoformat(), "a quote not public yet"
    (sql,) = [query["sql"] for query in captured if query["sql"].startswith(PAGE_QUERY)]
    plan = analysed(sql)
    assert quote_rows_read(plan) <= MOST_ROWS_READ, json.dumps(plan)
