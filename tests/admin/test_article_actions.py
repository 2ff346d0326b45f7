import datetime as dt

import pytest
from django.contrib import messages
from django.test import Client
from django.utils import timezone

from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory

CHANGELIST_URL = "/admin/articles/article/"


def run_action(client, action, *articles):
    data = {"action": action, "_selected_action": [article.pk for article in articles]}
    return client.post(CHANGELIST_URL, data, follow=True)


def shown_messages(response):
    return [(message.level, message.message) for message in response.context["messages"]]


def test_publish_now_publishes_a_complete_article(admin_client):
    article = ArticleFactory(headline="Un titre complet")

    response = run_action(admin_client, "publish_now", article)

    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at is not None
    assert shown_messages(response) == [(messages.SUCCESS, "«Un titre complet» est publié.")]


def test_publish_now_refuses_an_article_without_section_with_the_workflow_message(admin_client):
    article = ArticleFactory(headline="Sans rubrique", section=None)

    response = run_action(admin_client, "publish_now", article)

    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert shown_messages(response) == [
        (
            messages.ERROR,
            "«Sans rubrique»\u00a0: Cet article ne peut pas encore être publié\u00a0: "
            "il lui manque une rubrique.",
        )
    ]


def test_one_refused_article_does_not_stop_the_others(admin_client):
    refused = ArticleFactory(section=None)
    accepted = ArticleFactory()

    run_action(admin_client, "publish_now", refused, accepted)

    assert Article.objects.get(pk=refused.pk).status == Article.Status.DRAFT
    assert Article.objects.get(pk=accepted.pk).status == Article.Status.PUBLISHED


def test_withdraw_takes_a_published_article_offline(admin_client, published_article):
    response = run_action(admin_client, "withdraw", published_article)

    published_article.refresh_from_db()
    assert published_article.status == Article.Status.WITHDRAWN
    assert shown_messages(response) == [
        (messages.SUCCESS, f"«{published_article.headline}» est retiré de la publication.")
    ]


def test_withdraw_refuses_a_draft_with_the_workflow_message(admin_client, admin_user):
    article = ArticleFactory(headline="Un brouillon")
    with pytest.raises(workflow.WorkflowError) as refusal:
        workflow.withdraw(article, by=admin_user)
    reason = " ".join(refusal.value.messages)

    response = run_action(admin_client, "withdraw", article)

    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert shown_messages(response) == [(messages.ERROR, f"«Un brouillon»\u00a0: {reason}")]


def test_submit_hands_a_draft_to_the_editors(admin_client):
    article = ArticleFactory(headline="À relire")

    response = run_action(admin_client, "submit", article)

    article.refresh_from_db()
    assert article.status == Article.Status.READY
    assert shown_messages(response) == [(messages.SUCCESS, "«À relire» est soumis aux éditeurs.")]


def test_schedule_asks_for_the_time_then_schedules(admin_client, now):
    article = ArticleFactory(headline="Programmé")
    when = timezone.localtime(now + dt.timedelta(days=1)).replace(microsecond=0)

    asked = run_action(admin_client, "schedule", article)
    response = admin_client.post(
        CHANGELIST_URL,
        {
            "action": "schedule",
            "_selected_action": [article.pk],
            "when_0": when.strftime("%d/%m/%Y"),
            "when_1": when.strftime("%H:%M:%S"),
            "apply": "Programmer",
        },
        follow=True,
    )

    assert asked.status_code == 200
    assert 'name="when_0"' in asked.content.decode()
    article.refresh_from_db()
    assert (article.status, article.published_at) == (Article.Status.PUBLISHED, when)
    assert Article.objects.public().exists() is False
    assert shown_messages(response) == [(messages.SUCCESS, "«Programmé» est programmé.")]


def test_only_editors_are_offered_the_publication_actions(admin_client, journalist):
    journalist_client = Client()
    journalist_client.force_login(journalist)

    def offered(client):
        choices = client.get(CHANGELIST_URL).context["action_form"].fields["action"].choices
        return [name for name, _label in choices if name]

    assert offered(journalist_client) == ["submit"]
    assert offered(admin_client) == [
        "delete_selected",
        "submit",
        "publish_now",
        "schedule",
        "withdraw",
    ]
