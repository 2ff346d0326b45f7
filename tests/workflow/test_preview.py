import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from articles import preview, workflow
from tests.factories import ArticleFactory, BylineFactory, TagFactory


def test_editor_preview_link_shows_a_draft_as_it_will_be_published(editor, as_user, api, db):
    article = ArticleFactory(headline="Pas encore publié")
    token_response = as_user(editor).post(f"/api/v1/articles/{article.slug}/preview-token/")
    assert token_response.status_code == 200
    url = token_response.json()["url"]

    response = api.get(url)

    assert response.status_code == 200
    assert response.json()["headline"] == "Pas encore publié"
    assert "status" not in response.json()  # the public shape, not the newsroom's
    assert response.headers["Cache-Control"] == "private, no-store"
    assert api.get(f"/api/v1/articles/{article.slug}/").status_code == 404


def test_tampered_preview_token_is_403(api, db):
    token = preview.make_token(ArticleFactory())
    response = api.get(f"/api/v1/preview/{token[:-2]}xx/")
    assert response.status_code == 403


def test_expired_preview_token_is_403(api, db, settings):
    article = ArticleFactory()
    with time_machine.travel(timezone.now() - dt.timedelta(seconds=settings.PREVIEW_MAX_AGE + 5)):
        token = preview.make_token(article)
    response = api.get(f"/api/v1/preview/{token}/")
    assert response.status_code == 403
    assert "expired" in response.json()["detail"] or "expiré" in response.json()["detail"]


def test_archivist_cannot_make_a_preview_link(archivist, as_user, db):
    article = ArticleFactory()
    assert (
        as_user(archivist).post(f"/api/v1/articles/{article.slug}/preview-token/").status_code
        == 403
    )


def test_authenticated_responses_are_never_cached(editor, as_user, published_article):
    response = as_user(editor).get(f"/api/v1/articles/{published_article.slug}/")
    assert "no-store" in response.headers["Cache-Control"]
    assert "private" in response.headers["Cache-Control"]


@pytest.mark.parametrize("extras", [1, 4])
def test_preview_costs_a_fixed_number_of_queries(api, db, extras, django_assert_num_queries):
    article = ArticleFactory()
    for _ in range(extras):
        article.tags.add(TagFactory())
        BylineFactory(article=article)
    token = preview.make_token(article)
    with django_assert_num_queries(6):
        assert api.get(f"/api/v1/preview/{token}/").status_code == 200


def test_preview_of_a_published_article_shows_its_pending_changes(
    editor, as_user, api, make_published
):
    article = make_published(headline="En ligne")
    article.headline = "En attente"
    workflow.save_article(article, by=editor, changed_fields={"headline"})
    url = as_user(editor).post(f"/api/v1/articles/{article.slug}/preview-token/").json()["url"]

    assert api.get(url).json()["headline"] == "En attente"
    assert api.get(f"/api/v1/articles/{article.slug}/").json()["headline"] == "En ligne"


def test_a_preview_link_dies_with_the_articles_withdrawal(api, db, now):
    article = ArticleFactory(headline="Retiré bientôt")
    token = preview.make_token(article)
    workflow.publish(article, by=None, at=now - dt.timedelta(hours=1))
    workflow.withdraw(article, by=None, at=now)

    response = api.get(f"/api/v1/preview/{token}/")

    assert response.status_code == 403
    assert "Retiré bientôt" not in response.content.decode()
