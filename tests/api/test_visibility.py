"""No draft, ready, scheduled, embargoed or withdrawn article leaks through any public surface.

Each hidden article carries its own person, quote, tag, photo and dossier, reachable only
through it; none of them may appear either.
"""

import datetime as dt

import pytest

from articles import workflow
from articles.models import Article, Quote, Tag
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    DossierEntryFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    TagFactory,
)
from tests.visibility import HIDDEN_STATES, make_hidden

MARK = "Zorglub"


def hidden_article(state: str, now) -> Article:
    person = PersonFactory(name=f"{MARK} Personne", slug="zorglub-personne")
    article = ArticleFactory(
        slug="article-cache",
        headline=f"{MARK} caché",
        lead_photo=PhotoFactory(caption=f"{MARK} légende"),
    )
    article.tags.add(TagFactory(name=f"{MARK} sujet", slug="zorglub-sujet"))
    article.tags.add(
        TagFactory(
            name=f"{MARK} Personne", slug="zorglub-personne", kind=Tag.Kind.PERSON, person=person
        )
    )
    QuoteFactory(text=f"{MARK} a dit", person=person).articles.add(article)
    BylineFactory(
        article=article, person=PersonFactory(name=f"{MARK} Auteur", slug="zorglub-auteur")
    )
    DossierEntryFactory(
        article=article, dossier__title=f"{MARK} dossier", dossier__slug="zorglub-dossier"
    )
    return make_hidden(article, state, now)


SURFACES = [
    "/api/v1/articles/",
    "/api/v1/articles/?q=zorglub",
    "/api/v1/articles/?q=zorglub&ordering=newest",
    "/api/v1/articles/article-cache/",
    "/api/v1/dossiers/",
    "/api/v1/dossiers/zorglub-dossier/",
    "/api/v1/dossiers/zorglub-dossier/articles/",
    "/api/v1/dossiers/zorglub-dossier/articles/?q=zorglub",
    "/api/v1/dossiers/zorglub-dossier/articles/?q=zorglub&ordering=newest",
    "/api/v1/people/",
    "/api/v1/people/zorglub-personne/",
    "/api/v1/people/zorglub-auteur/",
    "/api/v1/quotes/",
    "/api/v1/quotes/?q=zorglub",
    "/api/v1/quotes/{quote}/",
    "/api/v1/people/zorglub-personne/quotes/",
    "/api/v1/people/zorglub-personne/articles/",
    "/api/v1/quotes/?person=zorglub-personne",
    "/api/v1/quotes/?article=article-cache",
    "/api/v1/quotes/?dossier=zorglub-dossier",
    "/api/v1/tags/",
    "/api/v1/photos/{photo}/",
    "/api/v1/articles/?tag=zorglub-sujet",
    "/api/v1/articles/?person=zorglub-personne",
    "/api/v1/articles/?author=zorglub-auteur",
    "/api/v1/articles/?dossier=zorglub-dossier",
]


@pytest.mark.parametrize("state", HIDDEN_STATES)
@pytest.mark.parametrize("surface", SURFACES)
def test_non_public_article_appears_in_no_public_response(api, now, state, surface, make_published):
    make_published(headline="Un article public")  # so that lists are not trivially empty
    article = hidden_article(state, now)
    url = surface.format(
        quote=Quote.objects.get(text__startswith=MARK).pk, photo=article.lead_photo_id
    )
    response = api.get(url)
    assert response.status_code in (200, 400, 404)
    assert MARK.lower() not in response.content.decode().lower()


def test_the_same_article_once_public_appears_everywhere(api, now, make_published):
    """The other half of the visibility test: the surfaces above do show public content."""
    article = hidden_article("draft", now)
    workflow.publish(article, by=None, at=now - dt.timedelta(minutes=1))
    quote = Quote.objects.get(text__startswith=MARK)
    for surface in SURFACES:
        url = surface.format(quote=quote.pk, photo=article.lead_photo_id).replace(
            "/quote/", "/quotes/"
        )
        response = api.get(url)
        assert response.status_code == 200, url
        assert MARK.lower() in response.content.decode().lower(), url
