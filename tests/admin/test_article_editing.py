"""Saving an article in the admin goes through the workflow's checks: role, version, revision."""

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine
from django.test import Client
from django.urls import reverse

from articles import body
from articles.models import Article
from tests.factories import ArticleFactory, BylineFactory, TagFactory

ADD_URL = "/admin/articles/article/add/"


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def unchanged(article, article_data, **fields):
    """The change form's POST for ``article`` as it is, with ``fields`` changed."""
    as_it_is = {
        "kicker": article.kicker,
        "headline": article.headline,
        "slug": article.slug,
        "standfirst": article.standfirst,
        "body_html": body.blocks_to_html(article.body),
        "section": article.section_id,
        "expected_version": article.version,
    }
    return article_data(**(as_it_is | fields))


def test_saving_in_the_admin_bumps_the_version_and_keeps_a_revision(
    admin_client, admin_user, article_data
):
    article = ArticleFactory()

    response = admin_client.post(
        change_url(article), unchanged(article, article_data, headline="Nouveau titre")
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.version, article.modified_by) == (2, admin_user)
    revision = article.revisions.get()
    assert (revision.version, revision.created_by) == (2, admin_user)
    assert revision.content["headline"] == "Nouveau titre"


def test_a_stale_save_is_refused_and_the_first_one_survives(admin_client, editor, article_data):
    article = ArticleFactory(headline="Titre d’origine")
    first = client_for(editor).post(
        change_url(article), unchanged(article, article_data, headline="Titre de la première")
    )

    stale = admin_client.post(
        change_url(article), unchanged(article, article_data, headline="Titre de la seconde")
    )

    assert first.status_code == 302
    assert stale.status_code == 200
    [error] = stale.context["adminform"].form.non_field_errors()
    assert error.startswith("edouard a enregistré cet article le ")
    assert 'value="Titre de la seconde"' in stale.content.decode()
    article.refresh_from_db()
    assert (article.headline, article.version) == ("Titre de la première", 2)


def test_a_stale_save_names_who_saved_and_when_and_keeps_all_the_typed_text(
    admin_client, editor, change_data
):
    article = ArticleFactory(headline="Titre d’origine")
    typed = {
        "headline": "Titre de la seconde",
        "standfirst": "Un chapô «\u00a0tapé\u00a0» par la seconde.",
        "body_html": "<p>Le texte tapé par la seconde, l’été [\u2026].</p>",
    }
    opened_by_the_second = change_data(article, **typed)
    first_save = dt.datetime(2024, 11, 13, 9, 7, tzinfo=ZoneInfo("Europe/Paris"))
    with time_machine.travel(first_save, tick=False):
        client_for(editor).post(
            change_url(article), change_data(article, headline="Titre de la première")
        )

    stale = admin_client.post(change_url(article), opened_by_the_second)

    form = stale.context["adminform"].form
    assert form.non_field_errors() == [
        "edouard a enregistré cet article le 13 novembre 2024 à 9h07 pendant que vous le "
        "modifiiez. Votre texte est conservé ci-dessous\u00a0: copiez ce dont vous avez "
        "besoin, rechargez l’article et refaites vos modifications."
    ]
    assert {name: form[name].value() for name in typed} == typed
    content = stale.content.decode()
    assert 'value="Titre de la seconde"' in content
    assert "Un chapô «\u00a0tapé\u00a0» par la seconde.</textarea>" in content
    assert "&lt;p&gt;Le texte tapé par la seconde, l’été [\u2026].&lt;/p&gt;</textarea>" in content
    article.refresh_from_db()
    assert (article.headline, article.version) == ("Titre de la première", 2)


def test_a_journalist_cannot_edit_an_article_they_do_not_sign(journalist, article_data):
    article = ArticleFactory()
    client = client_for(journalist)

    page = client.get(change_url(article)).content.decode()
    response = client.post(
        change_url(article), unchanged(article, article_data, headline="Réécrit")
    )

    # The page opens read-only and says why, instead of refusing after the save.
    assert "Lecture seule" in page
    assert "Vous ne pouvez modifier que les articles que vous signez." in page
    assert 'name="headline"' not in page
    assert response.status_code == 403
    assert Article.objects.get(pk=article.pk).headline == article.headline


def test_a_journalist_edits_the_article_they_sign(journalist, article_data):
    article = ArticleFactory()
    BylineFactory(article=article, person=journalist.person)

    response = client_for(journalist).post(
        change_url(article),
        unchanged(
            article,
            article_data,
            headline="Réécrit",
            **{"bylines-TOTAL_FORMS": 1, "bylines-INITIAL_FORMS": 1},
            **{"bylines-0-id": article.bylines.get().pk, "bylines-0-article": article.pk},
            **{"bylines-0-person": journalist.person.pk, "bylines-0-position": 0},
        ),
    )

    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).headline == "Réécrit"


def test_a_journalist_who_creates_an_article_signs_it(journalist, article_data):
    response = client_for(journalist).post(ADD_URL, article_data())

    assert response.status_code == 302
    article = Article.objects.get()
    assert [byline.person for byline in article.bylines.all()] == [journalist.person]
    assert article.revisions.get().content["authors"] == [journalist.person.pk]


def test_an_archivist_may_change_the_tags_but_not_the_text(archivist, article_data):
    article = ArticleFactory()
    tag = TagFactory()
    client = client_for(archivist)

    tagged = client.post(change_url(article), unchanged(article, article_data, tags=[tag.pk]))
    article.refresh_from_db()
    rewritten = client.post(change_url(article), unchanged(article, article_data, kicker="Autre"))

    assert tagged.status_code == 302
    assert list(article.tags.all()) == [tag]
    assert rewritten.status_code == 200
    assert rewritten.context["adminform"].form.non_field_errors() == [
        "Vous ne pouvez modifier que les mots-clés, les dossiers et les champs SEO d’un article."
    ]
