"""A quote's copy of its first carrier's public time (kept by PostgreSQL triggers) says what
the articles' own fields say, whatever changed: the article's state, the links, or the
quote saved back by Django. The public lists skip by it the quotes no reader may see yet."""

import datetime as dt

import pytest
from django.db.models import Exists, OuterRef
from django.utils import timezone

from articles import workflow
from articles.models import Article, Quote
from tests.factories import ArticleFactory, QuoteFactory
from tests.visibility import HIDDEN_STATES, make_hidden

pytestmark = pytest.mark.django_db


def public_by_copy(at):
    return set(Quote.objects.public(at).values_list("pk", flat=True))


def public_by_articles(at):
    carriers = Article.objects.public(at).filter(quotes=OuterRef("pk"))
    return set(Quote.objects.filter(Exists(carriers)).values_list("pk", flat=True))


def carried_by(*articles):
    quote = QuoteFactory()
    quote.articles.add(*articles)
    return quote


def test_quotes_follow_every_publication_state_of_their_articles(published_article):
    now = timezone.now()
    articles = {state: make_hidden(ArticleFactory(), state, now) for state in HIDDEN_STATES}
    quotes = {state: carried_by(article) for state, article in articles.items()}
    quotes["published"] = carried_by(published_article)
    quotes["scheduled and published"] = carried_by(articles["scheduled"], published_article)
    quotes["draft and embargoed"] = carried_by(articles["draft"], articles["embargoed"])

    for hours in (0, 1, 3):  # the embargo lifts after five minutes, the scheduled at one hour
        moment = now + dt.timedelta(hours=hours)
        assert public_by_copy(moment) == public_by_articles(moment)
    names = {quote.pk: name for name, quote in quotes.items()}
    assert {names[pk] for pk in public_by_copy(now)} == {"published", "scheduled and published"}
    later = {names[pk] for pk in public_by_copy(now + dt.timedelta(hours=1))}
    assert later == set(quotes) - {"draft", "ready", "withdrawn"}

    workflow.return_to_draft(Article.objects.get(pk=published_article.pk), by=None)
    assert public_by_copy(now) == public_by_articles(now) == set()


def test_quotes_follow_their_links_to_articles(published_article):
    now = timezone.now()
    quote = QuoteFactory()
    assert public_by_copy(now) == set()
    quote.articles.add(published_article)
    assert public_by_copy(now) == {quote.pk}
    quote.articles.remove(published_article)
    assert public_by_copy(now) == set()
    quote.articles.set([published_article])
    published_article.delete()
    assert public_by_copy(now) == public_by_articles(now) == set()


def test_a_quote_saved_by_django_keeps_its_articles_time(published_article):
    quote = carried_by(published_article)
    stale = Quote.objects.get(pk=quote.pk)
    earlier = published_article.published_at - dt.timedelta(days=400)
    Article.objects.filter(pk=published_article.pk).update(published_at=earlier)
    stale.text = "Des mots corrigés."
    stale.save()  # writes the old time back; the trigger recomputes it
    quote.refresh_from_db()
    assert quote.public_from == earlier
