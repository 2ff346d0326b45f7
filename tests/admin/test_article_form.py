import pytest
from django.urls import reverse

from articles.models import Article
from media.admin import fitted
from tests.factories import (
    ArticleFactory,
    DossierFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    TagFactory,
)

ADD_URL = "/admin/articles/article/add/"


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def form_errors(response):
    return response.context["adminform"].form.errors


def test_add_form_edits_the_body_with_the_prose_editor(admin_client):
    response = admin_client.get(ADD_URL)

    content = response.content.decode()
    assert response.status_code == 200
    assert 'name="body_html"' in content
    assert "data-django-prose-editor-configurable" in content
    assert "django_prose_editor/editor.js" in content
    assert 'name="body"' not in content


def test_change_form_shows_the_body_as_rich_text_never_as_json(admin_client):
    quote = QuoteFactory()
    article = ArticleFactory(
        body=[
            {"type": "paragraph", "html": "Un <em>paragraphe</em>."},
            {"type": "intertitle", "text": "Intertitre"},
            {"type": "quote", "quote": quote.pk},
        ]
    )

    response = admin_client.get(change_url(article))

    form = response.context["adminform"].form
    assert "body" not in form.fields
    assert form["body_html"].value() == (
        "<p>Un <em>paragraphe</em>.</p><h2>Intertitre</h2>"
        f'<div data-block="quote" data-id="{quote.pk}"></div>'
    )
    assert "&quot;type&quot;: &quot;paragraph&quot;" not in response.content.decode()


def test_the_body_help_text_points_to_the_menu_pickers_in_french(admin_client):
    response = admin_client.get(ADD_URL)

    help_text = response.context["adminform"].form.fields["body_html"].help_text
    assert str(help_text).startswith("Gras, italique, liens, listes à puces")
    assert "«Citation», «Photo», «Article lié» et «Intégration»" in help_text
    assert "[citation:" not in help_text


def test_adding_an_article_stores_the_rich_text_as_blocks_byte_for_byte(admin_client, article_data):
    quote = QuoteFactory()
    html = (
        "<p>Un <strong>paragraphe</strong> l’été «x»\u00a0!</p>"
        f"<h2>Intertitre</h2><p>[citation:{quote.pk}]</p>"
    )

    response = admin_client.post(ADD_URL, article_data(body_html=html))

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.body == [
        {"type": "paragraph", "html": "Un <strong>paragraphe</strong> l’été «x»\u00a0!"},
        {"type": "intertitle", "text": "Intertitre"},
        {"type": "quote", "quote": quote.pk},
    ]
    assert article.status == Article.Status.DRAFT


def test_markers_become_photo_embed_and_related_blocks(admin_client, article_data):
    photo, other = PhotoFactory(), ArticleFactory()
    html = (
        f"<p>[photo:{photo.pk}|Une légende «à part»]</p>"
        "<p>[embed:https://example.org/video]</p>"
        f"<p>[article:{other.pk}]</p>"
    )

    response = admin_client.post(ADD_URL, article_data(body_html=html))

    assert response.status_code == 302
    assert Article.objects.get(slug="un-titre").body == [
        {"type": "photo", "photo": photo.pk, "caption": "Une légende «à part»"},
        {"type": "embed", "url": "https://example.org/video"},
        {"type": "related", "article": other.pk},
    ]


def test_scripts_and_unsafe_links_are_removed_from_the_body(admin_client, article_data):
    html = (
        '<p>Avant<script>alert("x")</script> après '
        '<a href="javascript:alert(1)" onclick="steal()">lien</a> '
        '<a href="https://example.org" target="_blank">sûr</a></p>'
        "<script>document.cookie</script>"
    )

    response = admin_client.post(ADD_URL, article_data(body_html=html))

    assert response.status_code == 302
    assert Article.objects.get().body == [
        {
            "type": "paragraph",
            "html": 'Avant après <a>lien</a> <a href="https://example.org">sûr</a>',
        },
    ]


@pytest.mark.parametrize(
    ("marker", "message"),
    [
        (
            "[citation:999999]",
            "La citation n°\u00a0999999 du texte n’existe plus\u00a0: retirez sa carte.",
        ),
        (
            "[photo:999999]",
            "La photo n°\u00a0999999 du texte n’existe plus\u00a0: retirez sa carte.",
        ),
        ("[article:999999]", "L’article lié n°\u00a0999999 n’existe plus\u00a0: retirez sa carte."),
    ],
)
def test_a_marker_to_a_missing_item_is_a_form_error_and_saves_nothing(
    admin_client, article_data, marker, message
):
    response = admin_client.post(ADD_URL, article_data(body_html=f"<p>{marker}</p>"))

    assert response.status_code == 200
    assert form_errors(response) == {"body_html": [message]}
    assert Article.objects.exists() is False


def test_a_marker_without_a_number_is_a_form_error(admin_client, article_data):
    response = admin_client.post(ADD_URL, article_data(body_html="<p>[citation:douze]</p>"))

    assert response.status_code == 200
    assert form_errors(response) == {
        "body_html": ["[citation:douze] doit indiquer un numéro, par exemple [citation:12]."]
    }
    assert Article.objects.exists() is False


def test_the_change_form_cannot_set_the_status_or_the_publication_time(admin_client, article_data):
    article = ArticleFactory()

    response = admin_client.post(
        change_url(article),
        article_data(
            slug=article.slug,
            status="published",
            published_at_0="13/11/2024",
            published_at_1="09:07:00",
        ),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.status, article.published_at) == (Article.Status.DRAFT, None)


def test_the_change_form_shows_the_lead_photos_caption_and_credit(admin_client):
    photo = PhotoFactory(
        caption="Des soldats nord-coréens à l’entraînement dans leur pays, le 2 octobre 2024.",
        credit="Photo/AFP",
    )
    article = ArticleFactory(lead_photo=photo)

    content = admin_client.get(change_url(article)).content.decode()

    assert f'<img src="{photo.image.url}"' in content
    assert f"<strong>Légende\u00a0:</strong> {photo.caption}</p>" in content
    assert "<strong>Crédit\u00a0:</strong> Photo/AFP</p>" in content


def test_picking_a_lead_photo_fetches_its_caption_and_credit(admin_client):
    photo = PhotoFactory(caption="Une légende «exacte».", credit="Photo/AFP")

    form = admin_client.get(ADD_URL).content.decode()
    preview = admin_client.get(reverse("admin:media_photo_preview", args=[photo.pk]))
    width, height = fitted(*photo.display_size, 320)

    assert (
        'id="lead-photo-preview-url" type="application/json">"/admin/media/photo/0/preview/"'
        in (form)
    )
    assert preview.status_code == 200
    assert preview.content.decode() == (
        f'<img src="{photo.image.url}" alt="Photo de test" width="{width}" height="{height}">'
        "<p><strong>Légende\u00a0:</strong> Une légende «exacte».</p>"
        "<p><strong>Crédit\u00a0:</strong> Photo/AFP</p>"
    )


def test_the_photo_preview_of_a_missing_photo_is_not_found(admin_client):
    response = admin_client.get(reverse("admin:media_photo_preview", args=[999999]))

    assert response.status_code == 404


def test_the_article_form_saves_ordered_authors_dossiers_and_quotes(admin_client, article_data):
    first, second = PersonFactory(), PersonFactory()
    dossier, quote = DossierFactory(), QuoteFactory()
    inlines = {
        "bylines-TOTAL_FORMS": 2,
        "bylines-0-person": second.pk,
        "bylines-0-position": 1,
        "bylines-1-person": first.pk,
        "bylines-1-position": 0,
        "dossier_entries-TOTAL_FORMS": 1,
        "dossier_entries-0-dossier": dossier.pk,
        "dossier_entries-0-pin_position": 1,
        "Quote_articles-TOTAL_FORMS": 1,
        "Quote_articles-0-quote": quote.pk,
    }

    response = admin_client.post(ADD_URL, article_data(**inlines))

    assert response.status_code == 302
    article = Article.objects.get()
    assert [byline.person for byline in article.bylines.all()] == [first, second]
    assert list(article.dossier_entries.values_list("dossier", "pin_position")) == [(dossier.pk, 1)]
    assert list(article.quotes.all()) == [quote]


def test_the_change_form_loads_no_photos_tags_people_dossiers_or_quotes_it_does_not_use(
    admin_client,
):
    """Relations are autocomplete widgets: with an archive of any size, the form lists
    only what the article uses, never every photo, tag, person, dossier or quote."""
    article = ArticleFactory()
    unused = [
        str(PhotoFactory(caption="Une photo que personne n’a choisie")),
        TagFactory(name="Mot-clé jamais posé").name,
        PersonFactory(name="Personne jamais citée").name,
        DossierFactory(title="Dossier jamais ouvert").title,
        QuoteFactory(text="Des mots jamais repris").text,
    ]

    content = admin_client.get(change_url(article)).content.decode()

    assert [text for text in unused if text in content] == []


def test_the_body_editor_keeps_the_browsers_spellcheck(db):
    from articles.forms import ArticleForm

    html = str(ArticleForm()["body_html"])
    assert "NoSpellCheck" not in html
    assert "Heading" in html  # the editor's configuration is in the page
