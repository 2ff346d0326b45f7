"""The article page is the desk: the status in the paper's words and the actions the
user's role allows from there, as buttons that come back to the page."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse

from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory, BylineFactory


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def desk(client, article) -> tuple[str, list[str]]:
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    status = re.search(r'class="badge">([^<]+)<', page)
    buttons = re.findall(r'<button type="submit" name="action" value="([a-z_]+)"', page)
    return (status.group(1) if status else ""), buttons


@pytest.fixture
def draft(journalist):
    article = ArticleFactory(slug="papier")
    BylineFactory(article=article, person=journalist.person)
    return article


def test_journalist_sees_the_draft_status_and_may_submit_it(journalist, draft):
    assert desk(client_for(journalist), draft) == ("brouillon", ["submit"])


def test_editor_may_submit_publish_or_schedule_a_draft(editor, draft):
    assert desk(client_for(editor), draft) == ("brouillon", ["submit", "publish_now", "schedule"])


def test_scheduled_article_says_when_and_offers_to_withdraw_or_return(editor, draft, now):
    when = dt.datetime(2031, 11, 13, 9, 7, tzinfo=ZoneInfo("Europe/Paris"))
    workflow.publish(draft, by=None, at=now, when=when)
    status, buttons = desk(client_for(editor), draft)
    assert status == "programmé pour le 13 novembre 2031 à 9h07"
    assert buttons == ["withdraw", "return_to_draft"]


def test_scheduled_article_s_publication_fields_do_not_say_it_is_live(editor, draft, now):
    when = dt.datetime(2031, 11, 13, 9, 7, tzinfo=ZoneInfo("Europe/Paris"))
    workflow.publish(draft, by=None, at=now, when=when)
    page = client_for(editor).get(reverse("admin:articles_article_change", args=[draft.pk]))
    fields = page.content.decode().split("<fieldset", 1)[1]  # below the desk's badge

    assert "programmé pour le 13 novembre 2031 à 9h07" in fields
    assert "en ligne à l’heure prévue" in fields
    assert "ce que vous voyez est en ligne" not in fields


def test_live_article_offers_update_correction_withdrawal(editor, draft, now):
    workflow.publish(draft, by=None, at=now - dt.timedelta(hours=1))
    status, buttons = desk(client_for(editor), draft)
    assert status == "publié"
    assert buttons == ["mark_updated", "correct", "withdraw", "return_to_draft"]


def test_journalist_sees_their_published_article_read_only_without_actions(journalist, draft, now):
    workflow.publish(draft, by=None, at=now - dt.timedelta(hours=1))
    client = client_for(journalist)
    page = client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    assert "Lecture seule" in page
    assert "<p>Un paragraphe de corps de texte.</p>" in page  # the body, shown to read
    assert desk(client, draft) == ("publié", [])


def test_publishing_from_the_article_page_comes_back_to_it(editor, draft):
    change_url = reverse("admin:articles_article_change", args=[draft.pk])
    response = client_for(editor).post(
        reverse("admin:articles_article_changelist"),
        {
            "action": "publish_now",
            "_selected_action": [draft.pk],
            f"seen_version_{draft.pk}": draft.version,
            "_next": change_url,
            "index": 0,
        },
    )
    assert response.status_code == 302
    assert response.url == change_url
    assert Article.objects.get(pk=draft.pk).status == Article.Status.PUBLISHED


def test_a_next_page_elsewhere_is_ignored(editor, draft):
    response = client_for(editor).post(
        reverse("admin:articles_article_changelist"),
        {
            "action": "submit",
            "_selected_action": [draft.pk],
            f"seen_version_{draft.pk}": draft.version,
            "_next": "https://ailleurs.example/",
            "index": 0,
        },
    )
    assert response.status_code == 302
    assert "ailleurs" not in response.url
