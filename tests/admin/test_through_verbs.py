"""Admin pages that change a noun through its verbs ask the verb's check once per page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import QuoteFactory


def test_quote_page_carried_by_a_live_article_is_read_only_and_checked_once(
    make_published, journalist, client
):
    quote = QuoteFactory()
    quote.articles.add(make_published())
    client.force_login(journalist)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/admin/articles/quote/{quote.pk}/change/")

    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()  # read-only for a journalist
    sql = [query["sql"] for query in queries.captured_queries]
    # The articles the quote reaches, then whether one is published: once each per page.
    assert sum(q.startswith('SELECT DISTINCT "articles_article"."id" AS "pk"') for q in sql) == 1
    assert sum(q.startswith('SELECT "articles_article"."headline"') for q in sql) == 1
