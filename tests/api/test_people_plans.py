"""What is asked about a person reads that person's articles, never the archive.

An analysed table of 4,000 published articles, an hour apart. «Plume» signs one in ten,
spread through the archive; «Ancienne» signs, is quoted in and is tagged on the 200
oldest, which PostgreSQL expects to meet early when it walks the archive newest first
(one article in twenty); 300 other people sign one article each. Each request about a
person, and the list of people, is run again under ``EXPLAIN ANALYZE``: walking the
archive for Ancienne's page, or hashing every public article's bylines and quotes for a
page of people, reads thousands of article rows.
"""

import datetime as dt
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Byline, Person, Quote, Tag
from tests.factories import SectionFactory
from tests.search.test_search_plans import article_scans, rows_read

pytestmark = pytest.mark.django_db

ARTICLES = 4_000
OLDEST = 200
OTHERS = 300
# Ancienne's 200 articles, sorted, and their links; a page of people checks each person's
# first public article.
MOST_ROWS_READ = 700


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    """The articles, people, bylines, quotes and tags above, analysed; shared by the
    module's tests and deleted after them."""
    with django_db_blocker.unblock():
        section = SectionFactory(slug="plans-personnes")
        at = timezone.now() - dt.timedelta(hours=1)
        articles = Article.objects.bulk_create(
            Article(
                slug=f"plans-personnes-{number}",
                section=section,
                headline=f"Dépêche {number}",
                status=Article.Status.PUBLISHED,
                published_at=at - dt.timedelta(hours=number),
                first_published_at=at - dt.timedelta(hours=number),
            )
            for number in range(ARTICLES)
        )
        plume = Person.objects.create(name="Claire Plume", slug="plume")
        ancienne = Person.objects.create(name="Anne Ancienne", slug="ancienne")
        others = Person.objects.bulk_create(
            Person(name=f"Signataire {number}", slug=f"signataire-{number:03}")
            for number in range(OTHERS)
        )
        oldest = articles[-OLDEST:]
        Byline.objects.bulk_create(
            [
                *(Byline(article=article, person=plume) for article in articles[::10]),
                *(Byline(article=article, person=ancienne) for article in oldest),
                *(Byline(article=articles[1 + 10 * n], person=p) for n, p in enumerate(others)),
            ]
        )
        quote = Quote.objects.create(text="Des mots exacts.", person=ancienne, role="témoin")
        quote.articles.set(oldest)
        tag = Tag.objects.create(
            name="Anne Ancienne", slug="anne-ancienne", kind=Tag.Kind.PERSON, person=ancienne
        )
        tag.articles.set(oldest)
        with connection.cursor() as cursor:
            for table in ("article", "byline", "quote_articles", "article_tags", "person"):
                cursor.execute(f"VACUUM ANALYZE articles_{table}")
        yield
        Article.objects.filter(section=section).delete()  # bylines and links go with them
        quote.delete()
        tag.delete()
        Person.objects.filter(pk__in=[plume.pk, ancienne.pk, *(p.pk for p in others)]).delete()
        section.delete()


def articles_read_by(api, path, params=None) -> tuple[list[tuple[int, dict]], dict]:
    """The article rows read by each query a public request sends, with its plan (under
    EXPLAIN ANALYZE), and the response's body."""
    with CaptureQueriesContext(connection) as captured:
        response = api.get(path, params)
    assert response.status_code == 200, response.content
    read = []
    with connection.cursor() as cursor:
        for query in captured:
            if not query["sql"].startswith(("SELECT", "(SELECT")):
                continue  # a rendered copy stored
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + query["sql"])
            plan = cursor.fetchone()[0]
            plan = (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]
            read.append((sum(rows_read(scan) for scan in article_scans(plan)), plan))
    return read, response.json()


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/v1/articles/", {"author": "ancienne"}),
        ("/api/v1/articles/", {"person": "ancienne"}),
        ("/api/v1/articles/", {"author": "plume"}),
        ("/api/v1/people/ancienne/articles/", None),
    ],
)
def test_a_person_s_articles_are_read_from_their_own_links(api, archive, path, params):
    read, body = articles_read_by(api, path, params)
    assert len(body["results"]) == 20
    for rows, plan in read:
        assert rows <= MOST_ROWS_READ, json.dumps(plan)


def test_a_page_of_people_checks_each_person_not_every_article(api, archive):
    read, body = articles_read_by(api, "/api/v1/people/")
    assert [person["slug"] for person in body["results"][:3]] == [
        "ancienne",
        "plume",
        "signataire-000",
    ]
    for rows, plan in read:
        assert rows <= MOST_ROWS_READ, json.dumps(plan)
