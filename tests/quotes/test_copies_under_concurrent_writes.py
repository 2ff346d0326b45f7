"""The copies PostgreSQL keeps (a person's and a quote's public time, a quote's entry) under
two transactions writing at once, in both orders. A link added to an article while
another transaction withdraws it or retitles it: the link's trigger locks the article
(articles/0030, 0031), or neither trigger saw the other's change and the person or the
quote stayed public with no public article. Two links of one person removed at once: the
person's time is computed again only once their row is locked (0033), or it was computed
from the link the other removed."""

import datetime as dt
import json
import threading
import time

import psycopg2
import pytest
from django.db import connection

from articles.models import Article, Byline, Person, Quote
from tests.factories import ArticleFactory, PersonFactory, QuoteFactory
from tests.visibility import make_hidden

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAUSE = 0.4  # seconds the first transaction holds its change before committing


def in_transaction(statements, *, wait_before=0.0, wait_after=0.0):
    """Run ``statements`` in a transaction of their own, pausing before or after them."""
    conn = psycopg2.connect(**connection.get_connection_params())
    try:
        time.sleep(wait_before)
        with conn.cursor() as cursor:
            for sql, params in statements:
                cursor.execute(sql, params)
        time.sleep(wait_after)
        conn.commit()
    finally:
        conn.close()


def side_by_side(firsts, seconds):
    """``firsts`` in a transaction that holds its changes a while before committing, and
    ``seconds`` in another begun meanwhile."""
    threads = [
        threading.Thread(target=in_transaction, args=(firsts,), kwargs={"wait_after": PAUSE}),
        threading.Thread(target=in_transaction, args=(seconds,), kwargs={"wait_before": PAUSE / 4}),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


@pytest.mark.parametrize("first", ["withdrawal", "link"])
@pytest.mark.parametrize("link", ["byline", "quote"])
def test_a_link_added_while_the_article_is_withdrawn_leaves_nothing_public(
    published_article, first, link
):
    person = PersonFactory()
    quote = QuoteFactory(person=person)
    withdraw = "UPDATE articles_article SET status = 'withdrawn' WHERE id = %s"
    withdrawal = [(withdraw, [published_article.pk])]
    if link == "byline":
        linking = [
            (
                "INSERT INTO articles_byline (article_id, person_id, position) VALUES (%s, %s, 0)",
                [published_article.pk, person.pk],
            )
        ]
    else:
        linking = [
            (
                "INSERT INTO articles_quote_articles (quote_id, article_id) VALUES (%s, %s)",
                [quote.pk, published_article.pk],
            )
        ]
    side_by_side(*((withdrawal, linking) if first == "withdrawal" else (linking, withdrawal)))

    assert Person.objects.get(pk=person.pk).public_from is None
    assert Quote.objects.get(pk=quote.pk).public_from is None
    assert not Person.objects.public().filter(pk=person.pk).exists()
    assert not Quote.objects.public().filter(pk=quote.pk).exists()


@pytest.mark.parametrize("first", ["headline", "link"])
def test_a_carrier_linked_while_its_headline_changes_shows_the_new_headline(make_published, first):
    carrier, other = make_published(), make_published()
    quote = QuoteFactory()
    quote.articles.add(other)
    retitling = [
        ("UPDATE articles_article SET headline = 'Titre corrigé' WHERE id = %s", [carrier.pk])
    ]
    linking = [
        (
            "INSERT INTO articles_quote_articles (quote_id, article_id) VALUES (%s, %s)",
            [quote.pk, carrier.pk],
        )
    ]
    side_by_side(*((retitling, linking) if first == "headline" else (linking, retitling)))

    carriers = json.loads(Quote.objects.get(pk=quote.pk).public_entry)["articles"]
    assert {entry["headline"] for entry in carriers} == {"Titre corrigé", other.headline}


@pytest.mark.parametrize("first", ["earliest", "next"])
@pytest.mark.parametrize("link", ["byline", "quote"])
def test_two_links_removed_at_once_leave_the_copy_at_the_last_article(
    make_published, now, first, link
):
    """A person's (or a quote's) two earliest articles are unlinked in two transactions:
    whichever commits first, the other computes the time again from what is left (a
    scheduled article), not from the link the first removed."""
    person = PersonFactory()
    quote = QuoteFactory(person=person)
    earliest = make_published(at=now - dt.timedelta(hours=3))
    following = make_published(at=now - dt.timedelta(hours=2))
    scheduled = make_hidden(ArticleFactory(), "scheduled", now)
    for position, article in enumerate([earliest, following, scheduled]):
        if link == "byline":
            Byline.objects.create(article=article, person=person, position=position)
        else:
            quote.articles.add(article)
    assert Person.objects.public(now).filter(pk=person.pk).exists()

    if link == "byline":
        remove = "DELETE FROM articles_byline WHERE article_id = %s AND person_id = %s"
        linked = person.pk
    else:
        remove = "DELETE FROM articles_quote_articles WHERE article_id = %s AND quote_id = %s"
        linked = quote.pk
    removals = [[(remove, [article.pk, linked])] for article in (earliest, following)]
    side_by_side(*(removals if first == "earliest" else reversed(removals)))

    last = Article.objects.get(pk=scheduled.pk).published_at
    assert Person.objects.get(pk=person.pk).public_from == last
    assert Quote.objects.get(pk=quote.pk).public_from == (None if link == "byline" else last)
    assert not Person.objects.public(now).filter(pk=person.pk).exists()
    assert not Quote.objects.public(now).filter(pk=quote.pk).exists()
