"""An article's history in the admin: list its revisions, compare two, restore one."""

import pytest
from django.contrib import messages
from django.test import Client
from django.urls import reverse

from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory, BylineFactory, PhotoFactory, SectionFactory, TagFactory

ADD_URL = "/admin/articles/article/add/"
# Guillemets with non-breaking spaces, a typographic apostrophe, «[…]»: kept byte for byte.
TYPED_BODY = (
    "<p>«\u00a0Je peux confirmer\u00a0», a déclaré l’émissaire, «\u00a0[…] sans délai\u00a0».</p>"
    "<h2>L’après-guerre</h2>"
    "<p>Un deuxième paragraphe.</p>"
)


def url(view, article, *args):
    return reverse(f"admin:articles_article_{view}", args=[article.pk, *args])


def shown_messages(response):
    return [(message.level, message.message) for message in response.context["messages"]]


@pytest.fixture
def edited_article(editor, client_for, article_data, change_data):
    """An article written in the admin (version 1), then rewritten (version 2)."""
    client = client_for(editor)
    client.post(ADD_URL, article_data(headline="Titre d’origine", body_html=TYPED_BODY))
    article = Article.objects.get()
    rewritten = change_data(
        article, headline="Titre réécrit", body_html="<p>Un tout autre texte.</p>"
    )
    assert client.post(url("change", article), rewritten).status_code == 302
    article.refresh_from_db()
    return article


def test_history_compare_and_restore_bring_back_the_body_exactly(
    editor, client_for, edited_article
):
    client = client_for(editor)
    [first] = edited_article.revisions.filter(version=1)

    change_form = client.get(url("change", edited_article)).content.decode()
    history = client.get(url("revisions", edited_article))
    compared = client.get(url("compare", edited_article), {"old": 1, "new": 2})
    confirm = client.get(url("restore", edited_article, 1))
    version_once_asked = Article.objects.get(pk=edited_article.pk).version
    restored = client.post(url("restore", edited_article, 1), follow=True)

    assert f'href="{url("revisions", edited_article)}"' in change_form
    assert "Historique des versions" in change_form
    assert [(r.version, r.created_by) for r in history.context["revisions"]] == [
        (2, editor),
        (1, editor),
    ]
    assert f'href="{url("restore", edited_article, 1)}"' in history.content.decode()
    changes = {change["label"]: change for change in compared.context["changes"]}
    assert (changes["titre"]["before"], changes["titre"]["after"]) == (
        "Titre d’origine",
        "Titre réécrit",
    )
    assert changes["texte"]["diff"] == [
        ("hunk", "", "…"),
        (
            "removed",
            "−",
            "«\u00a0Je peux confirmer\u00a0», a déclaré l’émissaire, «\u00a0[…] sans délai\u00a0».",
        ),
        ("removed", "−", "## L’après-guerre"),
        ("removed", "−", "Un deuxième paragraphe."),
        ("added", "+", "Un tout autre texte."),
    ]
    assert '<tr class="added"><td class="sign">+</td><td><ins>Un tout autre texte.</ins>' in (
        compared.content.decode()
    )
    assert [change["label"] for change in confirm.context["changes"]] == ["titre", "texte"]
    assert version_once_asked == 2
    assert shown_messages(restored) == [
        (messages.SUCCESS, "La version 1 est restaurée en version 3.")
    ]
    article = Article.objects.get(pk=edited_article.pk)
    assert article.body == first.content["body"]
    assert article.body[0]["html"] == (
        "«\u00a0Je peux confirmer\u00a0», a déclaré l’émissaire, «\u00a0[…] sans délai\u00a0»."
    )
    assert (article.headline, article.version) == ("Titre d’origine", 3)
    newest = article.revisions.first()
    assert (newest.version, newest.created_by, newest.note) == (3, editor, "version 1 restaurée")
    assert newest.content["body"] == first.content["body"]


def test_compare_shows_sections_and_tags_by_name(editor, client_for):
    article = ArticleFactory(section=SectionFactory(name="Monde"))
    workflow.save_article(article, by=editor)
    article.section = SectionFactory(name="Europe", parent=SectionFactory(name="International"))
    workflow.save_article(article, by=editor, tags=[TagFactory(name="Ukraine")])

    response = client_for(editor).get(url("compare", article), {"old": 3, "new": 2})

    assert [(c["label"], c["before"], c["after"]) for c in response.context["changes"]] == [
        ("rubrique", "Monde", "International › Europe"),
        ("mots-clés", "—", "Ukraine (sujet)"),
    ]


def test_comparing_without_two_versions_goes_back_to_the_history(editor, client_for):
    article = workflow.save_article(ArticleFactory(), by=editor)

    response = client_for(editor).get(url("compare", article), {"old": "un"}, follow=True)

    assert response.redirect_chain == [(url("revisions", article), 302)]
    assert shown_messages(response) == [(messages.ERROR, "Choisissez deux versions à comparer.")]


def test_comparing_a_version_that_does_not_exist_is_not_found(editor, client_for):
    article = workflow.save_article(ArticleFactory(), by=editor)

    response = client_for(editor).get(url("compare", article), {"old": 2, "new": 9})

    assert response.status_code == 404


def test_restoring_needs_a_post_with_the_csrf_token(editor, edited_article):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    asked = client.get(url("restore", edited_article, 1))
    forged = client.post(url("restore", edited_article, 1))

    assert asked.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in asked.content.decode()
    assert forged.status_code == 403
    assert Article.objects.get(pk=edited_article.pk).version == 2


def test_a_journalist_cannot_restore_an_article_they_do_not_sign(
    journalist, client_for, edited_article
):
    before = Article.objects.get(pk=edited_article.pk)

    response = client_for(journalist).post(url("restore", edited_article, 1))

    assert response.status_code == 403  # the article is read-only for them
    after = Article.objects.get(pk=edited_article.pk)
    assert (after.headline, after.body, after.version) == (
        before.headline,
        before.body,
        before.version,
    )
    assert edited_article.revisions.count() == 2


def test_a_journalist_restores_a_draft_they_sign(journalist, client_for, edited_article):
    BylineFactory(article=edited_article, person=journalist.person)

    response = client_for(journalist).post(url("restore", edited_article, 1))

    assert response.status_code == 302
    assert Article.objects.get(pk=edited_article.pk).headline == "Titre d’origine"


def test_an_archivist_sees_the_history_but_cannot_restore(archivist, client_for, edited_article):
    client = client_for(archivist)

    history = client.get(url("revisions", edited_article))
    confirm = client.get(url("restore", edited_article, 1))
    refused = client.post(url("restore", edited_article, 1), follow=True)

    refusal = (
        "Vous ne pouvez modifier que les mots-clés, les dossiers et les champs SEO d’un article."
    )
    assert history.status_code == 200
    assert [revision.version for revision in history.context["revisions"]] == [2, 1]
    assert url("restore", edited_article, 1) not in history.content.decode()
    assert confirm.context["refusal"] == refusal
    assert 'value="Restaurer la version 1"' not in confirm.content.decode()
    assert shown_messages(refused) == [(messages.ERROR, refusal)]
    after = Article.objects.get(pk=edited_article.pk)
    assert (after.headline, after.version) == ("Titre réécrit", 2)


def test_an_article_without_revisions_says_its_history_starts_at_its_next_save(
    admin_client,
):
    article = ArticleFactory()

    response = admin_client.get(url("revisions", article))

    assert list(response.context["revisions"]) == []
    assert "Cet article n’a pas encore de version enregistrée" in response.content.decode()


def test_a_version_whose_slug_is_now_another_articles_is_not_restored(
    editor, client_for, edited_article, change_data
):
    client = client_for(editor)
    renamed = change_data(edited_article, slug="nouvelle-adresse")
    assert client.post(url("change", edited_article), renamed).status_code == 302
    ArticleFactory(slug=edited_article.revisions.get(version=1).content["slug"])
    before = Article.objects.get(pk=edited_article.pk)

    response = client.post(url("restore", edited_article, 1), follow=True)

    [message] = [text for level, text in shown_messages(response) if level == messages.ERROR]
    assert "ne peut pas être restaurée" in message
    assert "slug" in message
    after = Article.objects.get(pk=edited_article.pk)
    assert (after.slug, after.headline, after.version) == (
        before.slug,
        before.headline,
        before.version,
    )


def test_a_version_whose_lead_photo_was_deleted_is_not_restored(editor, client_for, edited_article):
    photo = PhotoFactory()
    first = edited_article.revisions.get(version=1)
    first.content = {**first.content, "lead_photo": photo.pk}
    first.save()
    photo.delete()
    before = Article.objects.get(pk=edited_article.pk)

    response = client_for(editor).post(url("restore", edited_article, 1), follow=True)

    [(level, message)] = shown_messages(response)
    assert level == messages.ERROR
    assert "photo principale" in message
    assert Article.objects.get(pk=edited_article.pk).version == before.version
