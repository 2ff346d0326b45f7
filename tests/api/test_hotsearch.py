"""The WSGI fast path answers a search's first page exactly as Django would, by relevance
and newest first, with the list filters, whichever way the words are read; and leaves
Django what it does not take."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import search, workflow
from articles.hotpath import PublicReadsApp
from articles.models import SnippetSource
from tests.api.test_hotlists import both, without_time
from tests.api.test_hotpath import Fallback, call
from tests.factories import ArticleFactory, PersonFactory, QuoteFactory, SectionFactory

HIDDEN = {"brouillon-banquise", "programme-banquise", "embargo-banquise"}


@pytest.fixture
def hot(settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    return PublicReadsApp(Fallback())


def paragraph(text):
    return [{"type": "paragraph", "html": text}]


@pytest.fixture
def archive(make_published, now):
    """Twelve public articles on the ice floe, in the headline or the body, a year apart
    or the same day, in a section and its subsection; a draft, a scheduled and an
    embargoed one, never found."""
    climat = SectionFactory(slug="climat")
    arctique = SectionFactory(slug="arctique", parent=climat)
    for number in range(12):
        make_published(
            slug=f"banquise-{number}",
            headline="La banquise recule" if number % 3 == 0 else f"Dépêche {number}",
            standfirst="Un chapô.",
            body=paragraph(
                f"Mesure {number} : la banquise &amp; <b>la fonte</b> des glaces."
                if number % 2
                else f"Relevé {number} : la banquise arctique."
            ),
            section=arctique if number % 2 else climat,
            at=now - dt.timedelta(days=number * 90 + 1),
        )
    ArticleFactory(slug="brouillon-banquise", headline="La banquise", section=climat)
    workflow.publish(
        ArticleFactory(slug="programme-banquise", headline="La banquise", section=climat),
        by=None,
        at=now + dt.timedelta(days=1),
    )
    workflow.publish(
        ArticleFactory(
            slug="embargo-banquise",
            headline="La banquise",
            section=climat,
            embargo_until=now + dt.timedelta(hours=2),
        ),
        by=None,
        at=now - dt.timedelta(hours=2),
    )


@pytest.fixture(params=[False, True], ids=["walked", "read-from-the-index"])
def selective(request, monkeypatch):
    """Both ways of reading a word's matches, as the planner's estimate would choose."""
    monkeypatch.setattr(search, "is_selective", lambda query, wanted=0: request.param)
    return request.param


@pytest.mark.parametrize(
    "query",
    [
        "q=banquise",
        "q=banquise&ordering=relevance",
        "q=banquise&ordering=newest",
        "q=banquise&ordering=newest&page_size=5",
        "q=banquise&page_size=3",
        "q=Banquises+fonte",
        "q=%22banquise+arctique%22&ordering=newest",
        "q=banquise+-fonte",
        "q=banquise&section=climat&page_size=4",
        "q=banquise&section=arctique&ordering=newest",
        "q=banquise&published_from=2025-01-01&ordering=newest",
        "q=banquise&published_to=2024-06-30T12:00:00%2B02:00",
    ],
)
def test_a_searchs_first_page_is_the_one_django_writes(api, archive, hot, selective, query):
    api.get(f"/api/v1/articles/?{query}")  # the entries rendered, the estimate kept
    django, status, headers, body = both(api, hot, f"/api/v1/articles/?{query}")
    assert body != b"django"
    assert (status, body) == ("200 OK", django.content)
    assert without_time(headers) == without_time(django.headers)
    results = django.json()["results"]
    assert results
    assert all("<mark>" in result["snippet"] and result["rank"] > 0 for result in results)
    assert not HIDDEN & {result["slug"] for result in results}


@pytest.mark.parametrize(
    "query",
    [
        "q=Paul+Banquise",  # a person's name: their articles are matches too
        "q=banquise&cursor=cD0yMDI2LTAxLTAx",  # a next page
        "q=banquise&ordering=plus-beau",  # a 400
        "q=banquise&tag=glace",
        "q=banquise&section=inconnue",  # a 400 naming it
        "q=+",
        "q=-fonte",  # only an exclusion
        "q=zorglub",  # nothing found
        f"q={'banquise+' * 40}",  # over 200 characters: a 400
        "q=banquise&q=fonte",
    ],
)
def test_what_the_search_fast_path_does_not_take_goes_to_django(api, archive, hot, query):
    PersonFactory(name="Paul Banquise")
    QuoteFactory(person__name="Paul Banquise")
    api.get("/api/v1/articles/?q=banquise")
    assert call(hot, "/api/v1/articles/", QUERY_STRING=query)[2] == b"django"


@pytest.mark.parametrize("ordering", ["relevance", "newest"])
def test_a_searchs_page_is_one_query_whatever_its_size(api, archive, hot, ordering):
    for size in (1, 12):
        query = f"q=banquise&ordering={ordering}&page_size={size}"
        api.get(f"/api/v1/articles/?{query}")  # the entries rendered, the estimate kept
        with CaptureQueriesContext(connection) as captured:
            status, _, body = call(hot, "/api/v1/articles/", QUERY_STRING=query)
        assert status == "200 OK"
        assert body.count(b'"rank"') == size
        assert len(captured) == 1


def test_an_article_without_snippet_text_is_found_as_django_finds_it(api, archive, hot):
    """Were its text missing (triggers off during a restore), the article is still found,
    its snippet null on both paths, never an error."""
    SnippetSource.objects.filter(article__slug="banquise-0").delete()
    query = "q=banquise&ordering=newest"
    api.get(f"/api/v1/articles/?{query}")
    django, status, _, body = both(api, hot, f"/api/v1/articles/?{query}")
    assert (status, body) == ("200 OK", django.content)
    found = {result["slug"]: result["snippet"] for result in django.json()["results"]}
    assert found["banquise-0"] is None
