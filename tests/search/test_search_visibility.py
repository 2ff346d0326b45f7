"""Search never finds an article that is not public: not by its words, not by a name.

Every search surface is crossed with every non-public state; the hidden article is in the
dossier, quotes a person only it quotes, and matches every query below.
"""

import datetime as dt

import pytest

from articles import search, workflow
from articles.models import Article, Quote
from tests.factories import ArticleFactory, DossierEntryFactory, DossierFactory, PersonFactory
from tests.visibility import HIDDEN_STATES, make_hidden

MARK = "Zorglub"
QUERIES = ["zorglub", '"zorglub caché"', "Ramon Zorglubo", "Ramon Zorglubbo -rien"]


def hidden_article(state: str, now) -> Article:
    article = ArticleFactory(slug="cache", headline=f"{MARK} caché", standfirst=f"{MARK} chapô")
    person = PersonFactory(name="Ramon Zorglub", slug="ramon-zorglub")
    Quote.objects.create(
        text=f"{MARK} caché, a-t-il dit", person=person, role="témoin"
    ).articles.add(article)
    DossierEntryFactory(article=article, dossier=DossierFactory(slug="le-dossier"))
    return make_hidden(article, state, now)


def api_articles(clients, q):
    return clients["api"].get("/api/v1/articles/", {"q": q}).content.decode()


def api_dossier(clients, q):
    return clients["api"].get("/api/v1/dossiers/le-dossier/articles/", {"q": q}).content.decode()


def results_of(page: str) -> str:
    """The timeline of an archive page, without the form that repeats the query."""
    return page.split('<section class="timeline">', 1)[1].split("</section>", 1)[0]


def archive_page(clients, q):
    return results_of(clients["archivist"].get("/dossiers/le-dossier/", {"q": q}).content.decode())


def archive_ranked(clients, q):
    response = clients["archivist"].get("/dossiers/le-dossier/", {"q": q, "tri": "pertinence"})
    return results_of(response.content.decode())


def archive_export(clients, q):
    response = clients["archivist"].get("/dossiers/le-dossier/export.json", {"q": q})
    return b"".join(response.streaming_content).decode()


def ranked_queryset(clients, q):
    prepared = search.Search.prepare(q)
    return " ".join(
        search.ranked(Article.objects.public(), prepared).values_list("headline", flat=True)
    )


def public_quotes(clients, q):
    return " ".join(search.search_quotes(Quote.objects.public(), q).values_list("text", flat=True))


SURFACES = [
    api_articles,
    api_dossier,
    archive_page,
    archive_ranked,
    archive_export,
    ranked_queryset,
    public_quotes,
]


@pytest.fixture
def clients(api, login, archivist):
    return {"api": api, "archivist": login(archivist)}


@pytest.mark.parametrize("q", QUERIES)
@pytest.mark.parametrize("state", HIDDEN_STATES)
@pytest.mark.parametrize("surface", SURFACES)
def test_a_non_public_article_is_never_found(clients, make_published, now, surface, state, q):
    make_published(headline="Un article public", slug="public")
    hidden_article(state, now)
    assert MARK.lower() not in surface(clients, q).lower()


@pytest.mark.parametrize("q", QUERIES)
@pytest.mark.parametrize("surface", SURFACES)
def test_the_same_article_once_public_is_found_everywhere(clients, now, surface, q):
    article = hidden_article("draft", now)
    workflow.publish(article, by=None, at=now - dt.timedelta(minutes=1))
    assert MARK.lower() in surface(clients, q).lower()
