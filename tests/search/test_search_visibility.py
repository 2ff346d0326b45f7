"""Search never finds an article that is not public: not by its words, not by a name.

Every search surface is crossed with every non-public state; the hidden article is in the
dossier, quotes a person only it quotes, and matches every query below.
"""

import datetime as dt

import pytest

from articles import search, workflow
from articles.models import Article, Quote
from tests.factories import ArticleFactory, DossierEntryFactory, DossierFactory, PersonFactory

MARK = "Zorglub"
QUERIES = ["zorglub", '"zorglub caché"', "Ramon Zorglubo", "Ramon Zorglubbo -rien"]


def hidden_article(state: str, now) -> Article:
    article = ArticleFactory(slug="cache", headline=f"{MARK} caché", standfirst=f"{MARK} chapô")
    person = PersonFactory(name="Ramon Zorglub", slug="ramon-zorglub")
    Quote.objects.create(
        text=f"{MARK} caché, a-t-il dit", person=person, role="témoin"
    ).articles.add(article)
    DossierEntryFactory(article=article, dossier=DossierFactory(slug="le-dossier"))
    if state == "ready":
        Article.objects.filter(pk=article.pk).update(status=Article.Status.READY)
    elif state == "scheduled":
        workflow.publish(article, by=None, at=now, when=now + dt.timedelta(hours=1))
    elif state == "embargoed":
        workflow.publish(article, by=None, at=now - dt.timedelta(hours=1))
        Article.objects.filter(pk=article.pk).update(embargo_until=now + dt.timedelta(minutes=5))
    elif state == "withdrawn":
        workflow.publish(article, by=None, at=now - dt.timedelta(hours=1))
        workflow.withdraw(article, by=None, at=now)
    return article


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
        search.ranked(prepared.filter(Article.objects.public()), prepared).values_list(
            "headline", flat=True
        )
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
@pytest.mark.parametrize("state", ["draft", "ready", "scheduled", "embargoed", "withdrawn"])
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
