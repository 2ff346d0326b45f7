import pytest
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    BylineFactory,
    DossierEntryFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
    TagFactory,
)


@pytest.fixture
def newsroom(db):
    """One of everything, linked the way the reference article is."""
    photo = PhotoFactory(caption="Des soldats nord-coréens à l’entraînement.")
    person = PersonFactory(name="Vedant Patel")
    article = ArticleFactory(
        section=SectionFactory(name="Europe", parent=SectionFactory(name="International")),
        lead_photo=photo,
    )
    BylineFactory(article=article)
    quote = QuoteFactory(person=person, text="Je peux confirmer")
    quote.articles.add(article)
    tag = TagFactory(kind="person", person=person)
    article.tags.add(tag)
    entry = DossierEntryFactory(article=article, pin_position=1)
    return {
        "articles.article": article,
        "articles.section": article.section,
        "articles.person": person,
        "articles.tag": tag,
        "articles.quote": quote,
        "dossiers.dossier": entry.dossier,
        "media.photo": photo,
    }


@pytest.mark.parametrize(
    "model",
    [
        "articles.article",
        "articles.section",
        "articles.person",
        "articles.tag",
        "articles.quote",
        "dossiers.dossier",
        "media.photo",
    ],
)
@pytest.mark.parametrize("page", ["changelist", "add", "change"])
def test_every_admin_page_renders(admin_client, newsroom, model, page):
    obj = newsroom[model]
    args = [obj.pk] if page == "change" else []
    url = reverse(f"admin:{model.replace('.', '_')}_{page}", args=args)

    response = admin_client.get(url)

    assert response.status_code == 200


def autocomplete(client, source, field, term):
    app_label, model_name = source.split(".")
    params = {"app_label": app_label, "model_name": model_name, "field_name": field, "term": term}
    response = client.get(reverse("admin:autocomplete"), params)
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


def test_lead_photo_autocomplete_finds_photos_by_caption(admin_client, newsroom):
    found = autocomplete(admin_client, "articles.article", "lead_photo", "nord-coréens")

    assert found == ["Des soldats nord-coréens à l’entraînement."]


def test_quote_autocomplete_finds_quotes_by_who_said_them(admin_client, newsroom):
    found = autocomplete(admin_client, "articles.quote_articles", "quote", "Patel")

    assert found == ["Vedant Patel: «Je peux confirmer»"]


def test_quote_autocomplete_finds_quotes_by_their_words_in_full_text(admin_client, newsroom):
    found = autocomplete(admin_client, "articles.quote_articles", "quote", "confirmé")

    assert found == ["Vedant Patel: «Je peux confirmer»"]


def test_dossier_autocomplete_on_the_article_finds_dossiers_by_title(admin_client, newsroom):
    dossier = newsroom["dossiers.dossier"]

    found = autocomplete(admin_client, "dossiers.dossierentry", "dossier", dossier.title)

    assert found == [dossier.title]


def test_article_picker_finds_articles_while_the_word_is_being_typed(admin_client, newsroom):
    article = newsroom["articles.article"]
    begun = article.headline.split()[0][:3]

    found = autocomplete(admin_client, "articles.quote", "articles", begun)

    assert article.headline in found
