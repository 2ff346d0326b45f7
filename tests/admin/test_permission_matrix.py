"""The permission matrix, through the admin: every role × every action and edit.

The same rules as tests/workflow/test_permissions.py (the API side). Every action is
posted by hand, offered to the user or not: a refusal must come from the server.
"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, Correction
from tests.factories import ArticleFactory, BylineFactory, TagFactory

CHANGELIST_URL = "/admin/articles/article/"
ROLES = ["signing journalist", "other journalist", "editor", "archivist"]
TOMORROW = timezone.localtime() + dt.timedelta(days=1)

# (action, starting state, what the intermediate page asks for, who may)
ACTIONS = [
    ("submit", "draft", {}, {"signing journalist", "editor"}),
    ("return_to_draft", "ready", {}, {"signing journalist", "editor"}),
    ("return_to_draft", "published", {}, {"editor"}),
    ("publish_now", "ready", {}, {"editor"}),
    (
        "schedule",
        "ready",
        {"when_0": TOMORROW.strftime("%d/%m/%Y"), "when_1": "09:00:00", "apply": "1"},
        {"editor"},
    ),
    ("mark_updated", "published", {}, {"editor"}),
    ("correct", "published", {"text": "Une erreur de date.", "apply": "1"}, {"editor"}),
    ("withdraw", "published", {}, {"editor"}),
]

# (what is edited, starting state, who may)
EDITS = [
    ("text", "draft", {"signing journalist", "editor"}),
    ("text", "published", {"editor"}),
    ("metadata", "draft", {"signing journalist", "editor", "archivist"}),
    ("metadata", "published", {"editor", "archivist"}),
]


@pytest.fixture
def author(make_user):
    return make_user("journalist", "auteur")


@pytest.fixture
def user_in(make_user, author):
    def user(role):
        return author if role == "signing journalist" else make_user(role.split()[-1])

    return user


def article_in(state: str, signed_by) -> Article:
    article = ArticleFactory()
    BylineFactory(article=article, person=signed_by.person)
    if state in ("ready", "published"):
        workflow.submit(article, by=None)
    if state == "published":
        workflow.publish(article, by=None, at=timezone.now() - dt.timedelta(hours=1))
    article.refresh_from_db()
    return article


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("action", "state", "asked", "allowed"), ACTIONS)
def test_action_is_allowed_exactly_for_the_right_roles(
    client_for, user_in, author, role, action, state, asked, allowed
):
    user = user_in(role)
    article = article_in(state, signed_by=author)
    before = (article.status, article.version)

    client_for(user).post(
        CHANGELIST_URL, {"action": action, "_selected_action": [article.pk], **asked}
    )

    article.refresh_from_db()
    if role in allowed:
        assert article.version == before[1] + 1
        assert article.revisions.first().created_by == user
    else:
        assert (article.status, article.version) == before
        assert article.revisions.filter(created_by=user).exists() is False
    assert Correction.objects.exists() is (role in allowed and action == "correct")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("edited", "state", "allowed"), EDITS)
def test_edit_is_allowed_exactly_for_the_right_roles(
    client_for, user_in, author, change_data, role, edited, state, allowed
):
    user = user_in(role)
    article = article_in(state, signed_by=author)
    tag = TagFactory()
    unchanged = (article.headline, "", [])
    changes, expected = {
        "text": (
            {"headline": "Nouveau titre", "body_html": "<p>Un autre texte.</p>"},
            ("Nouveau titre", "", []),
        ),
        "metadata": (
            {"tags": [tag.pk], "seo_title": "Titre pour les moteurs"},
            (article.headline, "Titre pour les moteurs", [tag.pk]),
        ),
    }[edited]

    response = client_for(user).post(
        reverse("admin:articles_article_change", args=[article.pk]),
        change_data(article, **changes),
    )

    article.refresh_from_db()
    # What the newsroom sees: a published article's edits wait as its pending changes.
    content = article.pending or {
        "headline": article.headline,
        "seo_title": article.seo_title,
        "tags": [tag.pk for tag in article.tags.all()],
    }
    changed = (content["headline"], content["seo_title"], sorted(content["tags"]))
    if role in allowed:
        assert response.status_code == 302
        assert changed == expected
        assert article.revisions.first().created_by == user
    elif role == "archivist":  # opens the form (tags, SEO); the text is refused on save
        assert response.status_code == 200
        assert len(response.context["adminform"].form.non_field_errors()) == 1
    else:  # a journalist's page for an article they may not edit is read-only
        assert response.status_code == 403
    if role not in allowed:
        assert changed == unchanged
        assert article.revisions.filter(created_by=user).exists() is False
