"""The permission matrix, through the API: every role × every transition and edit."""

import datetime as dt

import pytest
from django.utils import timezone

from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory, BylineFactory

ROLES = ["journalist", "editor", "archivist", None]


def article_in(state: str, signed_by) -> Article:
    article = ArticleFactory()
    BylineFactory(article=article, person=signed_by.person)
    if state in ("ready", "published"):
        workflow.submit(article, by=None)
    if state == "published":
        workflow.publish(article, by=None, at=timezone.now() - dt.timedelta(hours=1))
    article.refresh_from_db()
    return article


# (action, starting state, request body, {role: allowed}).
TRANSITIONS = [
    ("submit", "draft", {}, {"journalist": True, "editor": True, "archivist": False}),
    ("publish", "ready", {}, {"journalist": False, "editor": True, "archivist": False}),
    (
        "publish",
        "ready",
        {"at": "2099-03-29T02:30:00+02:00"},
        {"journalist": False, "editor": True, "archivist": False},
    ),
    ("withdraw", "published", {}, {"journalist": False, "editor": True, "archivist": False}),
    ("return-to-draft", "ready", {}, {"journalist": True, "editor": True, "archivist": False}),
    ("return-to-draft", "published", {}, {"journalist": False, "editor": True, "archivist": False}),
    ("mark-updated", "published", {}, {"journalist": False, "editor": True, "archivist": False}),
    (
        "corrections",
        "published",
        {"text": "Une erreur de date."},
        {"journalist": False, "editor": True, "archivist": False},
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("action", "state", "payload", "allowed"), TRANSITIONS)
def test_transition_is_allowed_exactly_for_the_right_roles(
    make_user, as_user, role, action, state, payload, allowed
):
    author = make_user("journalist", "auteur")
    user = author if role == "journalist" else (make_user(role) if role else None)
    article = article_in(state, signed_by=author)
    before = (article.status, article.version)

    response = as_user(user).post(
        f"/api/v1/articles/{article.slug}/{action}/",
        payload,
        format="json",
        HTTP_IF_MATCH=f'"{article.public_id}-{article.version}"',
    )

    article.refresh_from_db()
    if role and allowed[role]:
        assert response.status_code == 200, response.content
        assert article.version == before[1] + 1
        assert article.revisions.first().created_by == user
    else:
        assert response.status_code in (401, 403), response.content
        assert (article.status, article.version) == before


EDITS = [
    # (who, whose article, state, fields, allowed)
    ("journalist", "own", "draft", {"headline": "Nouveau titre"}, True),
    ("journalist", "own", "ready", {"headline": "Nouveau titre"}, True),
    ("journalist", "own", "published", {"headline": "Nouveau titre"}, False),
    ("journalist", "other", "draft", {"headline": "Nouveau titre"}, False),
    ("editor", "other", "published", {"headline": "Nouveau titre"}, True),
    ("archivist", "other", "published", {"seo_title": "Titre pour les moteurs"}, True),
    ("archivist", "other", "published", {"headline": "Nouveau titre"}, False),
    (None, "other", "draft", {"headline": "Nouveau titre"}, False),
]


@pytest.mark.parametrize(("role", "whose", "state", "fields", "allowed"), EDITS)
def test_edit_is_allowed_exactly_for_the_right_roles(
    make_user, as_user, role, whose, state, fields, allowed
):
    author = make_user("journalist", "auteur")
    user = (
        author if (role == "journalist" and whose == "own") else (make_user(role) if role else None)
    )
    article = article_in(state, signed_by=author)
    client = as_user(user)

    etag = client.get(f"/api/v1/articles/{article.slug}/").headers.get("ETag", '"*"')
    response = client.patch(
        f"/api/v1/articles/{article.slug}/", fields, format="json", HTTP_IF_MATCH=etag
    )

    article.refresh_from_db()
    name, value = next(iter(fields.items()))
    if allowed:  # on a published article, as its pending changes
        assert response.status_code == 200, response.content
        assert response.json()[name] == value
        assert (article.pending or {name: getattr(article, name)})[name] == value
    else:
        assert response.status_code in (401, 403, 404), response.content
        assert (getattr(article, name), article.pending) != (value, None)
        assert article.pending is None


def test_journalist_who_creates_an_article_signs_it_and_can_edit_it(journalist, as_user, db):
    client = as_user(journalist)
    response = client.post(
        "/api/v1/articles/", {"slug": "mon-papier", "headline": "Mon papier"}, format="json"
    )
    assert response.status_code == 201, response.content
    assert [a["name"] for a in response.json()["authors"]] == [journalist.person.name]
    patched = client.patch(
        "/api/v1/articles/mon-papier/",
        {"kicker": "Enquête"},
        format="json",
        HTTP_IF_MATCH=response.headers["ETag"],
    )
    assert patched.status_code == 200
    assert patched.json()["kicker"] == "Enquête"


def test_only_an_editor_may_delete(journalist, editor, as_user, db):
    article = article_in("draft", signed_by=journalist)
    etag = as_user(journalist).get(f"/api/v1/articles/{article.slug}/").headers["ETag"]
    refused = as_user(journalist).delete(f"/api/v1/articles/{article.slug}/", HTTP_IF_MATCH=etag)
    assert refused.status_code == 403
    deleted = as_user(editor).delete(f"/api/v1/articles/{article.slug}/", HTTP_IF_MATCH=etag)
    assert deleted.status_code == 204
    assert Article.objects.filter(pk=article.pk).exists() is False
