"""A person's copy of their first public article's time (kept by PostgreSQL triggers,
articles/0030) says what the articles they sign, are quoted in and are tagged on say,
whatever changed: an article's state or times, a byline, a quote or its carriers, a tag or
whom it names, a deletion, or the person saved back by Django. The list of people shows
those the copy says are public."""

import datetime as dt

import pytest
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from articles import workflow
from articles.models import Article, Byline, Person, Quote, Tag
from tests.factories import ArticleFactory, PersonFactory, QuoteFactory
from tests.visibility import HIDDEN_STATES, make_hidden

pytestmark = pytest.mark.django_db

LATER = (0, 1, 3)  # hours: the embargo lifts after five minutes, the scheduled at one hour


def public_by_copy(at):
    return set(Person.objects.public(at).values_list("pk", flat=True))


def public_by_articles(at):
    """The rule itself: a public article the person signs, is quoted in or tagged on."""
    public = Article.objects.public(at)
    linked = (
        Q(Exists(public.filter(bylines__person=OuterRef("pk"))))
        | Q(Exists(public.filter(quotes__person=OuterRef("pk"))))
        | Q(Exists(public.filter(tags__person=OuterRef("pk"))))
    )
    return set(Person.objects.filter(linked).values_list("pk", flat=True))


def agree(now):
    for hours in LATER:
        moment = now + dt.timedelta(hours=hours)
        assert public_by_copy(moment) == public_by_articles(moment), f"{hours} h later"


def signs(person, article, position=0):
    return Byline.objects.create(article=article, person=person, position=position)


def quoted(person, *articles):
    quote = QuoteFactory(person=person)
    quote.articles.add(*articles)
    return quote


def tagged(person, *articles):
    tag, _ = Tag.objects.get_or_create(
        kind="person", slug=person.slug, defaults={"name": person.name, "person": person}
    )
    for article in articles:
        article.tags.add(tag)
    return tag


@pytest.fixture
def hidden(now):
    return {state: make_hidden(ArticleFactory(), state, now) for state in HIDDEN_STATES}


@pytest.mark.parametrize("link", [signs, quoted, tagged])
def test_people_follow_every_publication_state_of_their_articles(
    link, hidden, published_article, now
):
    people = {}
    for state, article in hidden.items():
        people[state] = PersonFactory()
        link(people[state], article)
    people["published"] = PersonFactory()
    link(people["published"], published_article)
    people["scheduled and published"] = PersonFactory()
    link(people["scheduled and published"], hidden["scheduled"])
    link(people["scheduled and published"], published_article)

    agree(now)
    names = {person.pk: name for name, person in people.items()}
    assert {names[pk] for pk in public_by_copy(now)} == {"published", "scheduled and published"}
    later = {names[pk] for pk in public_by_copy(now + dt.timedelta(hours=1))}
    assert later == set(people) - {"draft", "ready", "withdrawn"}

    workflow.withdraw(Article.objects.get(pk=published_article.pk), by=None, at=now)
    agree(now)
    assert {names[pk] for pk in public_by_copy(now)} == set()
    workflow.publish(Article.objects.get(pk=hidden["draft"].pk), by=None, at=now)
    agree(now)
    assert {names[pk] for pk in public_by_copy(now)} == {"draft"}


@pytest.mark.parametrize("link", [signs, tagged])
def test_people_follow_their_bylines_and_tags(link, published_article, now):
    person, other = PersonFactory(), PersonFactory()
    assert public_by_copy(now) == set()
    linked = link(person, published_article)  # a byline or a tag
    assert public_by_copy(now) == {person.pk}
    linked.person = other
    linked.save()
    assert public_by_copy(now) == {other.pk}
    linked.delete()
    assert public_by_copy(now) == public_by_articles(now) == set()


def test_the_earliest_article_counts_and_the_next_takes_over_when_it_goes(now):
    person = PersonFactory()
    older, newer = ArticleFactory(), ArticleFactory()
    workflow.publish(older, by=None, at=now - dt.timedelta(days=3))
    workflow.publish(newer, by=None, at=now - dt.timedelta(days=1))
    signs(person, newer)
    tagged(person, older)
    person.refresh_from_db()
    assert person.public_from == Article.objects.get(pk=older.pk).published_at
    older.tags.clear()
    person.refresh_from_db()
    assert person.public_from == Article.objects.get(pk=newer.pk).published_at
    Article.objects.filter(pk=newer.pk).update(embargo_until=now + dt.timedelta(minutes=5))
    person.refresh_from_db()
    assert person.public_from == now + dt.timedelta(minutes=5)
    agree(now)


def test_people_follow_their_quotes_and_their_carriers(published_article, hidden, now):
    person, other = PersonFactory(), PersonFactory()
    quote = quoted(person, hidden["scheduled"])
    agree(now)
    quote.articles.add(published_article)
    assert public_by_copy(now) == {person.pk}
    quote = Quote.objects.get(pk=quote.pk)
    quote.person = other
    quote.save()
    assert public_by_copy(now) == {other.pk}
    agree(now)
    quote.articles.remove(published_article)
    assert public_by_copy(now) == set()
    agree(now)
    quote.delete()
    agree(now)


def test_deleting_an_article_takes_its_people_s_time_with_it(published_article, now):
    person = PersonFactory()
    signs(person, published_article)
    quoted(person, published_article)
    tagged(person, published_article)
    assert public_by_copy(now) == {person.pk}
    Article.objects.get(pk=published_article.pk).delete()
    assert public_by_copy(now) == public_by_articles(now) == set()


def test_a_person_saved_by_django_keeps_their_articles_time(published_article, now):
    person = PersonFactory()
    stale = Person.objects.get(pk=person.pk)  # read before they sign anything
    signs(person, published_article)
    stale.description = "Correspondant à Kyiv."
    stale.save()  # writes the old time (none) back; the trigger keeps the copy
    person.refresh_from_db()
    assert person.public_from == Article.objects.get(pk=published_article.pk).published_at
    assert public_by_copy(now) == {person.pk}


def test_the_list_of_people_shows_those_the_copy_says_are_public(
    api, published_article, hidden, now
):
    shown, unseen = PersonFactory(slug="montre"), PersonFactory(slug="cache")
    signs(shown, published_article)
    signs(unseen, hidden["scheduled"])
    quoted(unseen, hidden["embargoed"])
    tagged(unseen, hidden["withdrawn"])
    response = api.get("/api/v1/people/")
    assert response.status_code == 200, response.content
    assert [person["slug"] for person in response.json()["results"]] == ["montre"]
    assert timezone.now() < Person.objects.get(pk=unseen.pk).public_from
