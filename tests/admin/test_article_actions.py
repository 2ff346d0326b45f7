import datetime as dt

import pytest
from django.contrib import messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory, CorrectionFactory

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


def test_each_role_is_offered_only_its_actions(admin_client, journalist, editor, archivist):
    def offered(user):
        client = Client()
        client.force_login(user)
        action_form = client.get(CHANGELIST_URL).context["action_form"]
        choices = action_form.fields["action"].choices if action_form else []
        return [name for name, _label in choices if name]

    assert offered(journalist) == ["submit", "return_to_draft"]
    assert offered(archivist) == ["file_in_dossier", "take_out_of_dossier"]
    assert offered(editor) == [
        "delete_selected",
        "submit",
        "return_to_draft",
        "publish_now",
        "schedule",
        "mark_updated",
        "correct",
        "withdraw",
        "file_in_dossier",
        "take_out_of_dossier",
    ]


def test_return_to_draft_takes_back_a_submitted_article(admin_client):
    article = ArticleFactory(headline="À reprendre")
    workflow.submit(article, by=None)

    response = run_action(admin_client, "return_to_draft", article)

    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert shown_messages(response) == [
        (messages.SUCCESS, "«À reprendre» est renvoyé en brouillon.")
    ]


def test_a_significant_update_sets_the_time_readers_see(admin_client, published_article):
    response = run_action(admin_client, "mark_updated", published_article)

    article = Article.objects.get(pk=published_article.pk)
    assert article.updated_at > published_article.published_at
    assert article.revisions.first().note == "mis à jour"
    assert shown_messages(response) == [
        (
            messages.SUCCESS,
            f"«{article.headline}» affiche l’heure de sa mise à jour importante.",
        )
    ]


def test_correct_asks_for_the_text_then_publishes_a_dated_correction(
    admin_client, published_article
):
    text = "Une version précédente de cet article donnait une date erronée («\u00a0mardi\u00a0»)."

    asked = run_action(admin_client, "correct", published_article)
    response = admin_client.post(
        CHANGELIST_URL,
        {
            "action": "correct",
            "_selected_action": [published_article.pk],
            "text": text,
            "apply": "Publier une correction",
        },
        follow=True,
    )

    assert 'name="text"' in asked.content.decode()
    [correction] = published_article.corrections.all()
    assert correction.text == text
    assert published_article.revisions.first().note == "corrigé"
    assert shown_messages(response) == [
        (messages.SUCCESS, f"Une correction est publiée sous «{published_article.headline}».")
    ]


def test_a_correction_with_markup_is_refused_on_the_intermediate_page(
    admin_client, published_article
):
    response = admin_client.post(
        CHANGELIST_URL,
        {
            "action": "correct",
            "_selected_action": [published_article.pk],
            "text": "Une erreur <script>alert(1)</script>",
            "apply": "Publier une correction",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["text"][0].startswith("Le HTML n’est pas")
    assert published_article.corrections.exists() is False


def test_corrections_are_shown_but_cannot_be_written_through_the_change_form(
    admin_client, published_article, change_data
):
    existing = CorrectionFactory(article=published_article, text="Texte d’origine.")
    inline = {
        "corrections-TOTAL_FORMS": 2,
        "corrections-INITIAL_FORMS": 1,
        "corrections-0-id": existing.pk,
        "corrections-0-article": published_article.pk,
        "corrections-0-text": "Texte réécrit.",
        "corrections-0-DELETE": "on",
        "corrections-1-text": "Une correction ajoutée par le formulaire.",
        "corrections-1-published_at_0": "13/11/2024",
        "corrections-1-published_at_1": "09:07:00",
    }

    form = admin_client.get(reverse("admin:articles_article_change", args=[published_article.pk]))
    saved = admin_client.post(
        reverse("admin:articles_article_change", args=[published_article.pk]),
        change_data(published_article, **inline),
    )

    assert "Texte d’origine." in form.content.decode()
    assert 'name="corrections-0-text"' not in form.content.decode()
    assert saved.status_code == 302
    assert list(published_article.corrections.values_list("text", flat=True)) == [
        "Texte d’origine."
    ]
