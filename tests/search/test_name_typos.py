"""A misspelt name still finds the articles that quote or tag the person."""

import pytest

from articles import search
from articles.models import Quote, Tag
from tests.factories import PersonFactory


@pytest.fixture
def quoting_article(make_published):
    """Quotes Lloyd Austin; his name is nowhere in its text."""
    article = make_published(slug="citation", headline="Le Pentagone hausse le ton")
    austin = PersonFactory(name="Lloyd Austin", slug="lloyd-austin")
    Quote.objects.create(text="Retirez vos troupes.", person=austin, role="ministre").articles.add(
        article
    )
    return article


@pytest.mark.parametrize("q", ["Lloyd Austn", "lloyd austin", "Loyd Austin"])
def test_a_misspelt_name_finds_articles_quoting_the_person(found, quoting_article, q):
    assert found(q) == [quoting_article.slug]


def test_a_misspelt_name_finds_articles_tagging_the_person(found, make_published):
    article = make_published(slug="tag", headline="Sans le nom dans le texte")
    person = PersonFactory(name="Kim Jong-un", slug="kim-jong-un")
    article.tags.add(
        Tag.objects.create(name="Kim Jong-un", slug="kim", kind="person", person=person)
    )
    assert found("Kim Jong-oun") == [article.slug]


def test_vedant_patell_finds_the_reference_article(found, reference_article):
    assert found("Vedant Patell") == [reference_article.slug]


def test_an_excluded_word_still_excludes_articles_found_by_name(found, quoting_article):
    assert found("Lloyd Austn -Pentagone") == []


def test_a_name_that_is_not_close_finds_nobody(quoting_article):
    assert list(search.matching_people("Lionel Jospin")) == []


def test_a_single_word_is_not_taken_for_a_name(found, quoting_article):
    assert list(search.matching_people("Austin")) == [quoting_article.quotes.get().person]
    assert found("Austin") == []


def test_articles_found_by_name_rank_with_a_bonus(quoting_article):
    from articles.models import Article

    prepared = search.Search.prepare("Lloyd Austn")
    article = prepared.annotate(prepared.filter(Article.objects.public())).get()
    assert article.search_rank == pytest.approx(search.NAME_RELEVANCE)


def test_the_people_a_search_names_are_those_the_queryset_finds_best_first(quoting_article):
    """``Search.prepare`` reads the people through SQL compiled once: the same people, in
    the same order, for any text (quotes and percent signs are values, not SQL)."""
    PersonFactory(name="Lloyd Austen", slug="lloyd-austen")
    for text in ("Lloyd Austn", "Lloyd Austen", "L'oyd 100% Austin", "Lionel Jospin"):
        expected = [person.pk for person in search.matching_people(text)[: search.MAX_PEOPLE]]
        assert search.Search.prepare(text).person_ids == tuple(expected)
    assert len(search.Search.prepare("Lloyd Austn").person_ids) == 2
