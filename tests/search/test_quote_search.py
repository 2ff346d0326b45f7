"""Full-text search over quotes: words in any form, and a misspelt speaker's name."""

import pytest

from articles import search
from articles.models import Quote


def found(q):
    return list(search.search_quotes(Quote.objects.public(), q).values_list("text", flat=True))


@pytest.fixture
def quotes(reference_article):
    return {quote.text[:20]: quote for quote in reference_article.quotes.all()}


def test_words_are_found_in_any_form_without_accents(quotes):
    assert found("inquiete") == [quotes["Nous sommes incroyab"].text]


def test_a_misspelt_speaker_finds_all_his_quotes(quotes):
    assert sorted(found("Vedant Patell")) == sorted(
        quote.text for key, quote in quotes.items() if quote.person.name == "Vedant Patel"
    )


def test_an_exclusion_applies_to_quotes_found_by_name(quotes):
    assert found("Vedant Patell -Koursk") == [quotes["Nous sommes incroyab"].text]


def test_the_quote_index_matches_the_search_expression(db):
    """The planner uses quote_search_idx only if the query repeats its expression exactly."""
    from django.db import connection

    sql, params = search.search_quotes(Quote.objects.all(), "guerre").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "quote_search_idx" in plan
