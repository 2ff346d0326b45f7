"""One click from the article page: the article as readers will see it, for a draft, a
scheduled article or pending changes, with the front-end preview link to copy."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from articles import workflow
from tests.factories import ArticleFactory, BylineFactory, PhotoFactory, QuoteFactory


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def preview(client, article):
    response = client.get(reverse("admin:articles_article_preview", args=[article.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    return response.content.decode()


@pytest.fixture
def draft(journalist):
    quote = QuoteFactory(text="Nous ne céderons rien", person__name="Anne Dupuis", role="maire")
    article = ArticleFactory(
        kicker="Nantes",
        headline="Le conseil municipal adopte le budget",
        standfirst="Un vote serré.",
        lead_photo=PhotoFactory(caption="La mairie de Nantes.", credit="AFP"),
        body=[
            {"type": "paragraph", "html": "Le vote a eu lieu <em>jeudi</em>."},
            {"type": "intertitle", "text": "Une majorité fragile"},
            {"type": "quote", "quote": quote.pk},
        ],
    )
    quote.articles.add(article)
    BylineFactory(article=article, person=journalist.person)
    return article


def test_a_draft_is_shown_as_readers_will_see_it(journalist, draft):
    page = preview(client_for(journalist), draft)
    for shown in (
        "Nantes",
        "Le conseil municipal adopte le budget",
        "Un vote serré.",
        "La mairie de Nantes. (AFP)",
        "Le vote a eu lieu <em>jeudi</em>.",
        "<h2>Une majorité fragile</h2>",
        "«Nous ne céderons rien»",
        "Anne Dupuis, maire",
        "pas encore publié",
    ):
        assert shown in page, shown
    assert "/api/v1/preview/" in page  # the front-end link, to copy


def test_a_scheduled_article_shows_its_publication_time_as_the_paper_writes_it(editor, draft, now):
    when = dt.datetime(2031, 11, 13, 8, 7, tzinfo=dt.UTC)
    workflow.publish(draft, by=None, at=now, when=when)
    page = preview(client_for(editor), draft)
    assert "publié le 13 novembre 2031 à 9h07" in page
    assert "programmé pour le 13 novembre 2031 à 9h07" in page


def test_pending_changes_are_previewed_as_they_will_be_published(editor, as_user, draft, now):
    workflow.publish(draft, by=None, at=now - dt.timedelta(hours=1))
    draft.refresh_from_db()
    response = as_user(editor).patch(
        f"/api/v1/articles/{draft.slug}/",
        {"headline": "Le budget adopté de justesse"},
        format="json",
        HTTP_IF_MATCH=f'"{draft.public_id}-{draft.version}"',
    )
    assert response.status_code == 200, response.content
    assert "Le budget adopté de justesse" in preview(client_for(editor), draft)


def test_article_page_offers_the_preview_and_view_on_site_goes_to_the_web_page(
    editor, draft, now, settings
):
    client = client_for(editor)
    change = client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    assert reverse("admin:articles_article_preview", args=[draft.pk]) in change

    workflow.publish(draft, by=None, at=now - dt.timedelta(hours=1))
    change = client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    assert f"{settings.SITE_URL}/" in change
    assert f"/{draft.slug}/" in change


def test_preview_needs_a_newsroom_login(client, draft):
    response = client.get(reverse("admin:articles_article_preview", args=[draft.pk]))
    assert response.status_code == 302
    assert "/admin/login/" in response.url
