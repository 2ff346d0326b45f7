"""A quote's copy of its public entry (kept by PostgreSQL triggers, articles/0032) says what
the quote, its speaker and its articles say, whatever changed: the article's state, times,
headline or slug, the links, the speaker's name, the quote saved back by Django. The list of
quotes writes the copy as it is once the last of its published articles is public, and
writes the quote from its parts until then."""

import datetime as dt
import json

import orjson
import pytest
from django.db import connection
from django.utils import timezone

from articles import workflow
from articles.api.serializers import QuoteSerializer
from articles.models import Article, Person, Quote
from tests.factories import ArticleFactory, PersonFactory, QuoteFactory
from tests.quotes.test_quote_public_from import carried_by
from tests.search.test_search_plans import article_scans
from tests.visibility import HIDDEN_STATES, make_hidden

pytestmark = pytest.mark.django_db


def entries(at):
    """Each public quote as the lists write it."""
    quotes = Quote.objects.public(at)
    return {pk: json.loads(entry) for pk, entry in quotes.values_list("pk", quotes.list_entry(at))}


def written(at):
    """Each public quote's carriers as the lists write them."""
    return {pk: entry["articles"] for pk, entry in entries(at).items()}


def by_the_rule(at):
    """Each public quote as the API's serializer writes it from the quote and its articles."""
    quotes = Quote.objects.public(at).for_public_listing(at)
    return {quote.pk: orjson.loads(orjson.dumps(QuoteSerializer(quote).data)) for quote in quotes}


def assert_written_by_the_rule(*moments):
    for at in moments:
        assert entries(at) == by_the_rule(at)


def test_carriers_follow_every_publication_state_of_their_articles(published_article):
    now = timezone.now()
    articles = {state: make_hidden(ArticleFactory(), state, now) for state in HIDDEN_STATES}
    for hidden in articles.values():
        carried_by(hidden, published_article)
    carried_by(articles["scheduled"], articles["embargoed"])

    assert_written_by_the_rule(now, now + dt.timedelta(minutes=10), now + dt.timedelta(hours=2))
    headlines = {
        tuple(carrier["headline"] for carrier in carriers)
        for carriers in written(now + dt.timedelta(hours=2)).values()
    }
    assert (articles["scheduled"].headline, published_article.headline) in headlines
    assert (articles["scheduled"].headline, articles["embargoed"].headline) in headlines
    assert (articles["draft"].headline, published_article.headline) not in headlines

    workflow.withdraw(Article.objects.get(pk=published_article.pk), by=None)
    assert_written_by_the_rule(now, now + dt.timedelta(hours=2))


def test_carriers_follow_their_links_newest_first(make_published, now):
    older, newer = make_published(at=now - dt.timedelta(days=2)), make_published(at=now)
    quote = carried_by(older)
    quote.articles.add(newer)
    assert [carrier["slug"] for carrier in written(now)[quote.pk]] == [newer.slug, older.slug]
    quote.articles.remove(newer)
    assert_written_by_the_rule(now)
    assert [carrier["slug"] for carrier in written(now)[quote.pk]] == [older.slug]
    quote.articles.set([newer])
    older.delete()
    assert_written_by_the_rule(now)


def test_carriers_show_the_articles_headline_slug_and_time_as_they_change(published_article):
    quote = carried_by(published_article)
    Article.objects.filter(pk=published_article.pk).update(headline="Un titre corrigé")
    assert_written_by_the_rule(timezone.now())
    stale = Article.objects.get(pk=published_article.pk)
    stale.slug = "un-titre-corrige"
    stale.save(update_fields=["slug"])
    assert_written_by_the_rule(timezone.now())
    (carrier,) = written(timezone.now())[quote.pk]
    assert (carrier["headline"], carrier["slug"]) == ("Un titre corrigé", "un-titre-corrige")
    earlier = published_article.published_at - dt.timedelta(days=400)
    Article.objects.filter(pk=published_article.pk).update(published_at=earlier)
    assert_written_by_the_rule(timezone.now())


def test_a_quote_saved_by_django_keeps_its_carriers(published_article):
    quote = carried_by(published_article)
    stale = Quote.objects.get(pk=quote.pk)
    Article.objects.filter(pk=published_article.pk).update(headline="Un titre corrigé")
    stale.text = "Des mots corrigés."
    stale.save()  # writes the old copy back; the trigger computes it again
    assert_written_by_the_rule(timezone.now())
    assert written(timezone.now())[quote.pk][0]["headline"] == "Un titre corrigé"


def test_a_drafts_headline_leaves_its_quotes_rows_alone(published_article):
    """Only a published carrier's headline is in a copy: editing drafts writes no quote."""
    draft = ArticleFactory()
    quote = carried_by(draft, published_article)
    with connection.cursor() as cursor:
        cursor.execute("SELECT xmin::text FROM articles_quote WHERE id = %s", [quote.pk])
        (before,) = cursor.fetchone()
        Article.objects.filter(pk=draft.pk).update(headline="Un brouillon retouché")
        cursor.execute("SELECT xmin::text FROM articles_quote WHERE id = %s", [quote.pk])
        assert cursor.fetchone() == (before,)


def carriers_looked_up(at) -> bool:
    """Whether the list of quotes read any article to write its carriers."""
    quotes = Quote.objects.public(at).newest_first()
    sql, params = quotes.values(entry=quotes.list_entry(at)).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    plan = (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]
    return any(node.get("Actual Loops", 0) > 0 for node in article_scans(plan))


def test_the_list_writes_the_copy_once_every_carrier_is_public(published_article, now):
    scheduled = make_hidden(ArticleFactory(), "scheduled", now)
    carried_by(published_article, scheduled)
    assert carriers_looked_up(now)  # until the scheduled article is public
    assert not carriers_looked_up(now + dt.timedelta(hours=2))
    workflow.withdraw(Article.objects.get(pk=scheduled.pk), by=None)
    assert not carriers_looked_up(now)


def test_outside_the_papers_time_zone_the_carriers_are_looked_up(published_article, settings):
    settings.TIME_ZONE = "America/St_Johns"
    quote = carried_by(published_article)
    at = timezone.now()
    assert entries(at) == by_the_rule(at)
    assert written(at)[quote.pk][0]["published_at"].endswith(("-03:30", "-02:30"))


def test_a_quote_shows_its_speakers_name_as_it_changes(published_article):
    person = PersonFactory(name="Vedant Patel", slug="vedant-patel")
    quote = QuoteFactory(person=person, organisation="")
    quote.articles.add(published_article)
    Person.objects.filter(pk=person.pk).update(name="Vedant P. Patel")
    assert_written_by_the_rule(timezone.now())
    stale = Person.objects.get(pk=person.pk)
    stale.slug = "vedant-p-patel"
    stale.save()
    assert_written_by_the_rule(timezone.now())
    entry = entries(timezone.now())[quote.pk]
    assert (entry["speaker"], entry["person"]) == (
        "Vedant P. Patel",
        {"slug": "vedant-p-patel", "name": "Vedant P. Patel"},
    )


def test_a_quotes_own_words_and_speaker_are_in_its_copy(published_article):
    quote = carried_by(published_article)
    organisation = QuoteFactory(person=None, organisation="Parquet de Paris", said_on=None)
    organisation.articles.add(published_article)
    quote.text, quote.context, quote.person = "« Des mots corrigés. »", "Au Sénat.", None
    quote.organisation = "Ministère des Armées"
    quote.save()
    assert_written_by_the_rule(timezone.now())
    assert entries(timezone.now())[quote.pk]["speaker"] == "Ministère des Armées"
