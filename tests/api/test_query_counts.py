"""Every public endpoint costs a fixed number of SQL queries, whatever the page size and
however many authors, tags or quotes an article has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.api.serializers import ArticleListSerializer
from articles.models import Article, Section
from tests.factories import (
    BylineFactory,
    DossierEntryFactory,
    DossierFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
    TagFactory,
)


def rich_article(make_published, index, *, extras, dossier):
    photo = PhotoFactory()
    section = (
        SectionFactory(slug="le-monde") if index == 0 else Section.objects.get(slug="le-monde")
    )
    article = make_published(slug=f"riche-{index}", lead_photo=photo, section=section)
    for n in range(extras):
        BylineFactory(article=article, position=n)
        article.tags.add(TagFactory())
        QuoteFactory().articles.add(article)
    DossierEntryFactory(article=article, dossier=dossier)
    quote = article.quotes.first()
    article.body = [
        {"type": "paragraph", "html": "Texte."},
        {"type": "quote", "quote": quote.pk},
        {"type": "photo", "photo": photo.pk},
        {"type": "related", "article": article.pk},
    ]
    article.save()
    return article


def count_queries(client, url):
    """Queries of a steady-state request: the first request stores what later ones reuse."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(captured)


ENDPOINTS = {
    "/api/v1/articles/": 1,
    "/api/v1/articles/?page_size=100": 1,
    "/api/v1/articles/?published_to=2100-01-01": 1,
    "/api/v1/articles/?section=le-monde": 2,  # the section, the page
    "/api/v1/articles/?q=texte": 1,  # by relevance: the ranked page (the estimate is kept)
    "/api/v1/articles/?q=texte&ordering=newest": 2,  # the page's ids, then their entries
    "/api/v1/articles/?q=titre+texte": 2,  # and the people whose name it may be
    "/api/v1/articles/riche-0/": 1,
    "/api/v1/sections/": 1,
    "/api/v1/dossiers/": 2,
    "/api/v1/dossiers/le-dossier/": 2,
    "/api/v1/dossiers/le-dossier/articles/": 1,
    "/api/v1/dossiers/le-dossier/articles/?q=texte": 1,
    "/api/v1/dossiers/le-dossier/articles/?q=texte&ordering=newest": 2,
    "/api/v1/dossiers/le-dossier/months/": 2,
    "/api/v1/people/": 1,  # each entry written by PostgreSQL, with the next visibility change
    "/api/v1/quotes/": 1,
    "/api/v1/quotes/?dossier=le-dossier&kind=full": 2,  # and the dossier chosen
    "/api/v1/tags/": 1,
    "/api/v1/articles/riche-0/ninjs/": 1,
    "/feeds/latest.rss": 1,
    "/feeds/sections/le-monde.atom": 2,  # the section, the items
    "/feeds/dossiers/le-dossier.rss": 2,  # the dossier, the items
    "/sitemap.xml": 2,  # the months, the next scheduled publication
    "/sitemap-news.xml": 1,
}


@pytest.mark.parametrize(("url", "expected"), ENDPOINTS.items())
@pytest.mark.parametrize(("articles", "extras"), [(1, 1), (6, 4)])
def test_public_endpoint_query_count_is_fixed(api, make_published, url, expected, articles, extras):
    dossier = DossierFactory(slug="le-dossier")
    for index in range(articles):
        rich_article(make_published, index, extras=extras, dossier=dossier)
    assert count_queries(api, url) == expected


@pytest.mark.parametrize("extras", [1, 5])
def test_person_photo_quote_and_section_details_cost_a_fixed_number_of_queries(
    api, make_published, extras
):
    article = rich_article(make_published, 0, extras=extras, dossier=DossierFactory())
    person = article.quotes.first().person
    # The person; a page of their quotes, each with the public articles carrying it; a
    # page of the articles quoting or tagged with them: each page with the next
    # visibility change.
    assert count_queries(api, f"/api/v1/people/{person.slug}/") == 3
    assert count_queries(api, f"/api/v1/people/{person.slug}/quotes/") == 2
    assert count_queries(api, f"/api/v1/people/{person.slug}/articles/") == 2
    assert count_queries(api, f"/api/v1/photos/{article.lead_photo_id}/") == 2
    assert count_queries(api, f"/api/v1/quotes/{article.quotes.first().pk}/") == 3
    assert count_queries(api, "/api/v1/sections/" + article.section.slug + "/") == 1


@pytest.mark.parametrize("articles", [2, 12])
def test_rendering_missing_copies_costs_the_same_for_any_page_size(api, make_published, articles):
    """The first reader after a change renders the copies in bulk: a fixed number of queries."""
    dossier = DossierFactory(slug="le-dossier")
    for index in range(articles):
        rich_article(make_published, index, extras=3, dossier=dossier)
    with CaptureQueriesContext(connection) as captured:
        assert api.get("/api/v1/articles/").status_code == 200
    assert len(captured) == 14


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles/",
        "/api/v1/articles/?section=le-monde&page_size=2",
        "/api/v1/dossiers/le-dossier/articles/",
    ],
)
def test_a_list_page_is_served_from_rows_without_building_articles(
    api, make_published, monkeypatch, url
):
    """A list's miss reads plain rows of stored entries: no Article is built from the
    database, no serializer runs."""
    dossier = DossierFactory(slug="le-dossier")
    for index in range(3):
        rich_article(make_published, index, extras=2, dossier=dossier)
    expected = api.get(url).content  # renders and stores the entries

    def refused(*args, **kwargs):
        raise AssertionError("an Article was built for a list page")

    monkeypatch.setattr(Article, "from_db", classmethod(refused))
    monkeypatch.setattr(ArticleListSerializer, "to_representation", refused)
    response = api.get(url)
    assert response.status_code == 200
    assert response.content == expected
