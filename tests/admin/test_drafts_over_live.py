"""Editing a published article keeps the changes pending over the live version, until an
editor publishes them (now or at a time), on exactly the version they reviewed."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory, QuoteFactory


def etag(article) -> str:
    article.refresh_from_db()
    return f'"{article.public_id}-{article.version}"'


def public_headline(api, article) -> str:
    return api.get(f"/api/v1/articles/{article.slug}/").json()["headline"]


@pytest.fixture
def live(make_published):
    return make_published(slug="papier", headline="Titre en ligne")


def test_editor_patch_on_a_live_article_waits_while_the_public_keeps_the_live_one(
    api, live, editor, as_user
):
    client = as_user(editor)
    response = client.patch(
        "/api/v1/articles/papier/",
        {"headline": "Titre corrigé"},
        format="json",
        HTTP_IF_MATCH=etag(live),
    )
    assert response.status_code == 200, response.content
    assert response.json()["headline"] == "Titre corrigé"
    assert response.json()["pending_changes"] == [
        {"field": "headline", "live": "Titre en ligne", "pending": "Titre corrigé"}
    ]
    assert public_headline(api, live) == "Titre en ligne"

    newsroom = client.get("/api/v1/articles/papier/")
    assert (newsroom.json()["headline"], newsroom["ETag"]) == ("Titre corrigé", etag(live))


def test_two_edits_pile_up_and_publish_makes_them_live_at_once(api, live, editor, as_user):
    client = as_user(editor)
    client.patch(
        "/api/v1/articles/papier/", {"headline": "B"}, format="json", HTTP_IF_MATCH=etag(live)
    )
    client.patch(
        "/api/v1/articles/papier/", {"kicker": "Exclusif"}, format="json", HTTP_IF_MATCH=etag(live)
    )
    response = client.post(
        "/api/v1/articles/papier/publish/", {}, format="json", HTTP_IF_MATCH=etag(live)
    )

    assert response.status_code == 200, response.content
    assert response.json()["pending_changes"] is None
    shown = api.get("/api/v1/articles/papier/").json()
    assert (shown["headline"], shown["kicker"]) == ("B", "Exclusif")
    assert live.revisions.first().note == "modifications en attente publiées"


def test_publishing_a_version_nobody_reviewed_is_a_412(api, journalist, editor, as_user):
    article = ArticleFactory(slug="papier", headline="Relu")
    article.bylines.create(person=journalist.person, position=0)
    workflow.submit(article, by=journalist)
    reviewed = etag(article)
    article.headline = "Pas relu"
    workflow.save_article(article, by=journalist, changed_fields={"headline"})

    response = as_user(editor).post(
        "/api/v1/articles/papier/publish/", {}, format="json", HTTP_IF_MATCH=reviewed
    )

    assert response.status_code == 412
    article.refresh_from_db()
    assert article.status == Article.Status.READY
    assert api.get("/api/v1/articles/papier/").status_code == 404


def test_a_transition_without_if_match_is_a_428(live, editor, as_user):
    response = as_user(editor).post("/api/v1/articles/papier/withdraw/", {}, format="json")
    assert response.status_code == 428
    live.refresh_from_db()
    assert live.status == Article.Status.PUBLISHED


def test_pending_changes_scheduled_for_later_go_live_at_their_second(
    api, live, editor, as_user, now
):
    client = as_user(editor)
    client.patch(
        "/api/v1/articles/papier/",
        {"headline": "Plus tard"},
        format="json",
        HTTP_IF_MATCH=etag(live),
    )
    at = (now + dt.timedelta(hours=2)).isoformat()
    response = client.post(
        "/api/v1/articles/papier/publish/", {"at": at}, format="json", HTTP_IF_MATCH=etag(live)
    )
    assert response.status_code == 200, response.content

    assert public_headline(api, live) == "Titre en ligne"
    with time_machine.travel(now + dt.timedelta(hours=1, minutes=59), tick=False):
        assert public_headline(api, live) == "Titre en ligne"
    with time_machine.travel(now + dt.timedelta(hours=2, seconds=1), tick=False):
        assert public_headline(api, live) == "Plus tard"
        assert api.get("/api/v1/articles/").json()["results"][0]["headline"] == "Plus tard"
    live.refresh_from_db()
    assert (live.headline, live.pending, live.pending_at) == ("Plus tard", None, None)


def test_journalist_cannot_touch_the_pending_changes_of_a_live_article(live, journalist, as_user):
    live.bylines.create(person=journalist.person, position=0)
    response = as_user(journalist).patch(
        "/api/v1/articles/papier/", {"headline": "X"}, format="json", HTTP_IF_MATCH=etag(live)
    )
    assert response.status_code == 403
    live.refresh_from_db()
    assert live.pending is None


def test_returning_to_draft_keeps_the_pending_changes_as_the_draft(live, editor):
    live.headline = "En attente"
    workflow.save_article(live, by=editor, changed_fields={"headline"})
    workflow.return_to_draft(live, by=editor)
    live.refresh_from_db()
    assert (live.status, live.headline, live.pending) == ("draft", "En attente", None)


def test_admin_edit_of_a_live_article_waits_and_publish_now_makes_it_live(
    api, live, editor, client, change_data
):
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[live.pk])
    response = client.post(url, change_data(live, headline="Titre du soir"))
    assert response.status_code == 302
    assert public_headline(api, live) == "Titre en ligne"

    page = client.get(url).content.decode()
    assert "Titre du soir" in page  # the form shows the pending changes
    assert '<table class="pending-changes">' in page
    assert "Titre en ligne" in page

    listing = client.get(reverse("admin:articles_article_changelist")).content.decode()
    live.refresh_from_db()
    assert f'name="seen_version_{live.pk}" value="{live.version}"' in listing
    client.post(
        reverse("admin:articles_article_changelist"),
        {
            "action": "publish_now",
            "_selected_action": [live.pk],
            f"seen_version_{live.pk}": live.version,
        },
    )
    assert public_headline(api, live) == "Titre du soir"


def test_admin_action_on_a_version_saved_since_is_refused(api, live, editor, client):
    client.force_login(editor)
    seen = live.version
    live.headline = "Changé entre-temps"
    workflow.save_article(live, by=editor, changed_fields={"headline"})
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [live.pk], f"seen_version_{live.pk}": seen},
    )
    assert public_headline(api, live) == "Titre en ligne"
    live.refresh_from_db()
    assert live.pending["headline"] == "Changé entre-temps"


def test_restoring_an_old_version_of_a_live_article_waits_for_an_editor(api, live, editor):
    first = live.revisions.last()
    live.headline = "Deuxième titre"
    workflow.save_article(live, by=editor, changed_fields={"headline"})
    workflow.publish(live, by=editor)
    assert public_headline(api, live) == "Deuxième titre"

    workflow.restore(live, first, by=editor)

    assert public_headline(api, live) == "Deuxième titre"
    live.refresh_from_db()
    assert live.pending["headline"] == "Titre en ligne"
    workflow.publish(live, by=editor)
    assert public_headline(api, live) == "Titre en ligne"


def quote_attached(change_data, article, quote) -> dict:
    """The article page's POST with one quote added in the «quotes carried» inline."""
    return change_data(article) | {
        "Quote_articles-TOTAL_FORMS": 1,
        "Quote_articles-0-quote": quote.pk,
        "Quote_articles-0-article": article.pk,
    }


def test_quote_attached_on_a_live_article_page_shows_at_once_with_a_revision(
    api, live, editor, client, change_data
):
    quote = QuoteFactory(text="Mots ajoutés")
    api.get("/api/v1/articles/papier/")  # stored
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[live.pk])

    assert client.post(url, quote_attached(change_data, live, quote)).status_code == 302

    shown = api.get("/api/v1/articles/papier/").json()
    assert [q["text"] for q in shown["quotes"]] == ["Mots ajoutés"]
    assert live.revisions.first().created_by == editor


def test_archivist_cannot_attach_a_quote_to_a_live_article_from_its_page(
    live, archivist, client, change_data
):
    quote = QuoteFactory()
    client.force_login(archivist)
    url = reverse("admin:articles_article_change", args=[live.pk])
    client.post(url, quote_attached(change_data, live, quote))
    assert list(live.quotes.all()) == []


def test_an_article_linking_to_one_with_scheduled_changes_shows_them_at_their_second(
    api, live, editor, make_published, now
):
    make_published(slug="lien", body=[{"type": "related", "article": live.pk}])

    def linked_headline():
        return api.get("/api/v1/articles/lien/").json()["body"][0]["article"]["headline"]

    assert linked_headline() == "Titre en ligne"  # stored
    live.headline = "Plus tard"
    workflow.save_article(live, by=editor, changed_fields={"headline"})
    workflow.publish(live, by=editor, when=now + dt.timedelta(hours=2))
    assert linked_headline() == "Titre en ligne"
    with time_machine.travel(now + dt.timedelta(hours=2, seconds=1), tick=False):
        assert linked_headline() == "Plus tard"  # read before the article itself
