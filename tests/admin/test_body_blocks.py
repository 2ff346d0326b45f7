"""Blocks without ids: the body editor's cards and pickers, bulleted lists and block quotes,
from the admin's form to every public representation, and in the revision diff."""

import pytest
from django.urls import reverse

from articles import body, workflow
from articles.models import Article
from tests.factories import ArticleFactory, PersonFactory, PhotoFactory, QuoteFactory

ADD_URL = "/admin/articles/article/add/"
SEARCH_URL = "/admin/articles/article/blocks/search/"
CARDS_URL = "/admin/articles/article/blocks/cards/"
LIST_AND_QUOTE = (
    "<p>Trois points :</p>"
    "<ul><li><p>le <strong>premier</strong>\u00a0;</p></li><li><p>le second</p>"
    "<ul><li><p>et un sous-point</p></li></ul></li></ul>"
    "<blockquote><p>«\u00a0Article premier.\u00a0»</p><p>Article 2.</p></blockquote>"
)


@pytest.fixture
def patel(db):
    return QuoteFactory(
        text="Je peux confirmer que plus de 10 000 soldats ont été envoyés",
        person=PersonFactory(name="Vedant Patel"),
        role="porte-parole du département d’Etat",
    )


def test_cards_from_the_editor_become_the_same_blocks_as_markers_did(
    admin_client, article_data, patel
):
    photo, other = PhotoFactory(), ArticleFactory(headline="L’autre papier")
    html = (
        "<p>Un paragraphe.</p>"
        f'<div data-block="quote" data-id="{patel.pk}"></div>'
        f'<div data-block="photo" data-id="{photo.pk}" data-caption="Une légende «à part»"></div>'
        '<div data-block="embed" data-url="https://example.org/video?a=1&amp;b=2"></div>'
        f'<div data-block="related" data-id="{other.pk}"></div>'
        f"<p>[citation:{patel.pk}]</p>"
    )

    response = admin_client.post(ADD_URL, article_data(body_html=html))

    assert response.status_code == 302
    article = Article.objects.get(slug="un-titre")
    assert article.body == [
        {"type": "paragraph", "html": "Un paragraphe."},
        {"type": "quote", "quote": patel.pk},
        {"type": "photo", "photo": photo.pk, "caption": "Une légende «à part»"},
        {"type": "embed", "url": "https://example.org/video?a=1&b=2"},
        {"type": "related", "article": other.pk},
        {"type": "quote", "quote": patel.pk},
    ]
    # Shown again in the editor as the same cards, so a save without changes keeps them.
    assert body.html_to_blocks(body.blocks_to_html(article.body)) == article.body


def test_a_card_to_a_quote_that_no_longer_exists_is_a_form_error(admin_client, article_data):
    html = '<div data-block="quote" data-id="999999"></div>'

    response = admin_client.post(ADD_URL, article_data(body_html=html))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["body_html"] == [
        "La citation n°\u00a0999999 du texte n’existe plus\u00a0: retirez sa carte."
    ]
    assert not Article.objects.exists()


def test_lists_and_block_quotes_written_in_the_editor_are_stored_as_blocks(
    admin_client, article_data
):
    response = admin_client.post(ADD_URL, article_data(body_html=LIST_AND_QUOTE))

    assert response.status_code == 302
    assert Article.objects.get().body == [
        {"type": "paragraph", "html": "Trois points :"},
        {
            "type": "list",
            "items": ["le <strong>premier</strong>\u00a0;", "le second", "et un sous-point"],
        },
        {"type": "blockquote", "paragraphs": ["«\u00a0Article premier.\u00a0»", "Article 2."]},
    ]


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ({"type": "list", "items": []}, "items doit être une liste de 1 à 200 textes."),
        ({"type": "list", "items": ["un", 2]}, "items[1] doit être du texte."),
        ({"type": "blockquote", "paragraphs": [" "]}, "paragraphs[0] est vide."),
        (
            {"type": "list", "items": ["<script>x()</script>"]},
            "les scripts et contenus actifs ne sont pas acceptés\u00a0: retirez <script>.",
        ),
    ],
)
def test_a_bad_list_or_block_quote_is_refused_naming_the_field(editor, as_user, block, message):
    response = as_user(editor).post(
        "/api/v1/articles/",
        {"headline": "Un titre", "slug": "un-titre", "body": [block]},
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {"body": [f"Bloc 1\u00a0: {message}"]}
    assert not Article.objects.exists()


def test_lists_and_block_quotes_reach_the_api_ninjs_json_ld_and_search_text(make_published, api):
    article = make_published(
        slug="points",
        body=[
            {"type": "paragraph", "html": "Trois points :"},
            {"type": "list", "items": ["le <strong>premier</strong>", "le second"]},
            {"type": "blockquote", "paragraphs": ["Article premier.", "Article 2."]},
        ],
    )

    detail = api.get("/api/v1/articles/points/").json()
    ninjs = api.get("/api/v1/articles/points/ninjs/").json()

    assert detail["body"][1:] == [
        {"type": "list", "items": ["le <strong>premier</strong>", "le second"]},
        {"type": "blockquote", "paragraphs": ["Article premier.", "Article 2."]},
    ]
    html = ninjs["bodies"][0]["value"]
    assert "<ul><li>le <strong>premier</strong></li><li>le second</li></ul>" in html
    assert '<blockquote class="excerpt"><p>Article premier.</p><p>Article 2.</p>' in html
    assert detail["jsonld"]["articleBody"] == (
        "Trois points :\n\n• le premier\n• le second\n\nArticle premier.\n\nArticle 2."
    )
    article.refresh_from_db()
    assert "le second" in article.body_text
    assert "Article 2." in article.body_text


def test_the_preview_page_shows_lists_block_quotes_and_quotes(editor, client_for, patel):
    article = ArticleFactory(
        body=[
            {"type": "list", "items": ["le <em>premier</em>", "le second"]},
            {"type": "blockquote", "paragraphs": ["Article premier."]},
            {"type": "quote", "quote": patel.pk},
        ]
    )

    page = client_for(editor).get(reverse("admin:articles_article_preview", args=[article.pk]))

    content = page.content.decode()
    assert "<ul><li>le <em>premier</em></li><li>le second</li></ul>" in content
    assert '<blockquote class="excerpt"><p>Article premier.</p></blockquote>' in content
    assert "Vedant Patel" in content


def test_the_quote_picker_finds_quotes_by_part_of_the_speakers_name_or_by_words(
    journalist, client_for, patel
):
    QuoteFactory(text="Autre chose", person=PersonFactory(name="Lloyd Austin"))
    client = client_for(journalist)

    by_name = client.get(SEARCH_URL, {"kind": "quote", "q": "Patel"}).json()
    by_words = client.get(SEARCH_URL, {"kind": "quote", "q": "soldats envoy"}).json()

    expected = {
        "ref": patel.pk,
        "text": patel.text,
        "speaker": "Vedant Patel",
        "role": "porte-parole du département d’Etat",
    }
    assert by_name["results"] == [expected]
    assert by_words["results"] == [expected]


def test_the_photo_picker_finds_photos_by_caption_or_credit(journalist, client_for):
    wanted = PhotoFactory(caption="Des soldats à l’entraînement", credit="KCNA via AFP")
    PhotoFactory(caption="Un paysage", credit="Reuters")
    client = client_for(journalist)

    [by_credit] = client.get(SEARCH_URL, {"kind": "photo", "q": "KCNA"}).json()["results"]
    [by_caption] = client.get(SEARCH_URL, {"kind": "photo", "q": "soldats"}).json()["results"]

    assert by_credit == by_caption
    assert (by_credit["ref"], by_credit["caption"], by_credit["credit"]) == (
        wanted.pk,
        "Des soldats à l’entraînement",
        "KCNA via AFP",
    )
    assert by_credit["thumbnail"] == wanted.image.url


def test_the_related_article_picker_finds_articles_by_headline_words(journalist, client_for):
    wanted = ArticleFactory(headline="Guerre en Ukraine : la chronologie du conflit")
    ArticleFactory(headline="Le budget voté")

    found = client_for(journalist).get(SEARCH_URL, {"kind": "related", "q": "chronolog"}).json()

    assert found["results"] == [
        {"ref": wanted.pk, "headline": wanted.headline, "status": "brouillon"}
    ]


def test_cards_are_loaded_by_kind_and_id_in_one_request(journalist, client_for, patel):
    photo, other = PhotoFactory(credit="AFP"), ArticleFactory(headline="L’autre papier")

    answer = client_for(journalist).get(
        CARDS_URL, {"quote": f"{patel.pk},999999", "photo": str(photo.pk), "related": other.pk}
    )

    data = answer.json()
    assert list(data["quote"]) == [str(patel.pk)]
    assert data["photo"][str(photo.pk)]["credit"] == "AFP"
    assert data["related"][str(other.pk)]["headline"] == "L’autre papier"


@pytest.mark.parametrize(
    ("url", "params", "field"),
    [
        (SEARCH_URL, {"kind": "dossier", "q": "x"}, "kind"),
        (SEARCH_URL, {"kind": "quote", "q": "x" * 201}, "q"),
        (CARDS_URL, {"quote": "1,deux"}, "quote"),
        (CARDS_URL, {"photo": "9" * 30}, "photo"),
    ],
)
def test_bad_picker_input_is_a_400_naming_the_field(journalist, client_for, url, params, field):
    response = client_for(journalist).get(url, params)

    assert response.status_code == 400
    assert response.json()["field"] == field


def test_the_pickers_are_for_the_newsroom_only(client, make_user, patel):
    reader = make_user(None)
    client.force_login(reader)

    for url, params in [(SEARCH_URL, {"kind": "quote", "q": "Patel"}), (CARDS_URL, {})]:
        response = client.get(url, params)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_the_revision_diff_reads_cards_lists_and_block_quotes_as_text(
    editor, client_for, article_data, change_data, patel
):
    photo = PhotoFactory(caption="Des soldats à l’entraînement", credit="KCNA via AFP")
    other = ArticleFactory(headline="Guerre en Ukraine : la chronologie")
    client = client_for(editor)
    client.post(ADD_URL, article_data(body_html="<p>Un paragraphe.</p>"))
    article = Article.objects.get(slug="un-titre")
    rewritten = (
        "<p>Un paragraphe.</p>"
        f'<div data-block="quote" data-id="{patel.pk}"></div>'
        f'<div data-block="photo" data-id="{photo.pk}"></div>'
        f'<div data-block="related" data-id="{other.pk}"></div>'
        '<div data-block="embed" data-url="https://example.org/v"></div>'
        "<ul><li><p>un</p></li><li><p>deux</p></li></ul>"
        "<blockquote><p>Cité.</p></blockquote>"
    )
    saved = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        change_data(article, body_html=rewritten),
    )
    assert saved.status_code == 302

    compared = client.get(
        reverse("admin:articles_article_compare", args=[article.pk]), {"old": 1, "new": 2}
    )

    [change] = [c for c in compared.context["changes"] if c["label"] == "texte"]
    assert [text for kind, _sign, text in change["diff"] if kind == "added"] == [
        "Citation\u00a0: «\u00a0Je peux confirmer que plus de 10 000 soldats ont été envoyés\u00a0»"
        " — Vedant Patel, porte-parole du département d’Etat",
        "Photo\u00a0: Des soldats à l’entraînement (KCNA via AFP)",
        "Article lié\u00a0: Guerre en Ukraine : la chronologie",
        "Intégration\u00a0: https://example.org/v",
        "• un",
        "• deux",
        "> Cité.",
    ]
    assert "{'quote'" not in compared.content.decode()


def test_a_quote_put_in_the_body_is_carried_by_the_article(admin_client, article_data, patel):
    html = f'<p>Un paragraphe.</p><div data-block="quote" data-id="{patel.pk}"></div>'

    admin_client.post(ADD_URL, article_data(body_html=html))

    assert list(patel.articles.all()) == [Article.objects.get(slug="un-titre")]


def test_pending_changes_to_the_body_read_as_text(
    editor, client_for, change_data, make_published, patel
):
    article = make_published(body=[{"type": "paragraph", "html": "Le texte en ligne."}])
    client = client_for(editor)
    change = reverse("admin:articles_article_change", args=[article.pk])
    waiting = f'<p>Le texte en ligne.</p><div data-block="quote" data-id="{patel.pk}"></div>'

    assert client.post(change, change_data(article, body_html=waiting)).status_code == 302
    page = client.get(change).content.decode()

    assert "Citation\u00a0: «\u00a0Je peux confirmer" in page
    assert "{&#x27;type&#x27;" not in page


def test_a_read_only_article_page_describes_its_cards_in_words(
    journalist, client_for, make_published, patel
):
    article = make_published(body=[{"type": "quote", "quote": patel.pk}])  # not julie's

    page = client_for(journalist).get(reverse("admin:articles_article_change", args=[article.pk]))

    content = page.content.decode()
    assert "Citation\u00a0: «\u00a0Je peux confirmer" in content
    assert "data-django-prose-editor" not in content


def test_a_quote_put_in_a_live_body_is_carried_once_the_changes_are_published(
    editor, client_for, change_data, make_published, patel
):
    article = make_published(body=[{"type": "paragraph", "html": "Le texte en ligne."}])
    change = reverse("admin:articles_article_change", args=[article.pk])
    waiting = f'<p>Le texte en ligne.</p><div data-block="quote" data-id="{patel.pk}"></div>'
    client_for(editor).post(change, change_data(article, body_html=waiting))
    assert not patel.articles.exists()  # waiting: the public does not see it yet

    article.refresh_from_db()
    workflow.publish(article, by=editor)

    assert list(patel.articles.all()) == [article]
