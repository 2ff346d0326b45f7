"""Ranking: headline above body, recency halves the score each year; snippets are safe."""

import datetime as dt

import pytest

from articles import search
from articles.models import Article


def paragraph(text):
    return [{"type": "paragraph", "html": text}]


def ranked_slugs(q):
    prepared = search.Search.prepare(q)
    return list(search.ranked(Article.objects.public(), prepared).values_list("slug", flat=True))


def annotated(q):
    prepared = search.Search.prepare(q)
    return prepared.annotate(prepared.filter(Article.objects.public()))


@pytest.fixture
def at():
    return dt.datetime(2025, 6, 1, 12, tzinfo=dt.UTC)


def test_a_headline_match_ranks_above_a_body_match_of_the_same_day(make_published, at):
    make_published(
        slug="corps", headline="Conseil des ministres", body=paragraph("La banquise fond."), at=at
    )
    make_published(slug="titre", headline="La banquise fond", at=at - dt.timedelta(hours=1))
    assert ranked_slugs("banquise") == ["titre", "corps"]


def test_the_newer_of_two_equal_matches_ranks_first(make_published, at):
    make_published(slug="ancien", headline="La banquise fond", at=at - dt.timedelta(days=30))
    make_published(slug="recent", headline="La banquise fond", at=at)
    assert ranked_slugs("banquise") == ["recent", "ancien"]


def test_a_headline_match_from_a_year_ago_beats_a_body_match_from_today(make_published, at):
    """A headline match is 3.5 times as relevant as a body match; a year halves it."""
    make_published(slug="corps", headline="Rien", body=paragraph("La banquise fond."), at=at)
    make_published(slug="titre", headline="La banquise fond", at=at - dt.timedelta(days=365))
    assert ranked_slugs("banquise") == ["titre", "corps"]


def test_a_headline_match_from_ten_years_ago_ranks_below_a_body_match_from_today(
    make_published, at
):
    make_published(slug="corps", headline="Rien", body=paragraph("La banquise fond."), at=at)
    make_published(slug="titre", headline="La banquise fond", at=at - dt.timedelta(days=3650))
    assert ranked_slugs("banquise") == ["corps", "titre"]


def test_only_the_newest_candidates_are_ranked(make_published, at):
    for day in range(3):
        make_published(slug=f"jour-{day}", headline="Banquise", at=at - dt.timedelta(days=day))
    prepared = search.Search.prepare("banquise")
    ranked = search.ranked(Article.objects.public(), prepared, limit=2)
    assert list(ranked.values_list("slug", flat=True)) == [
        "jour-0",
        "jour-1",
    ]


def test_relevance_is_between_zero_and_one(make_published):
    make_published(headline="Banquise banquise banquise", body=paragraph("Banquise " * 50))
    assert 0 < annotated("banquise").get().search_rank < 1


def test_the_snippet_marks_the_matched_words_and_escapes_the_text(make_published):
    make_published(
        standfirst="Un chapô.",
        body=paragraph("Si a &lt; b alors la <b>banquise</b> fond &amp; disparaît."),
    )
    snippet = annotated("banquises").get().search_snippet
    assert "Si a &lt; b alors la <mark>banquise</mark> fond &amp; disparaît" in snippet
    assert snippet.count("<") == snippet.count("<mark>") + snippet.count("</mark>")
