"""Each format an agency sends becomes a draft article with everything the item carries."""

import datetime as dt
import json

import pytest

from articles.models import Article
from tests.wire.conftest import SAMPLES
from wire.models import WireItem

PARIS = dt.timezone(dt.timedelta(hours=1))


def tags_of(article) -> set[tuple[str, str]]:
    return {(tag.kind, tag.name) for tag in article.tags.all()}


def authors_of(article) -> list[str]:
    return [byline.person.name for byline in article.bylines.all()]


def test_a_newsml_g2_text_item_becomes_a_draft_with_headline_body_byline_tags_and_embargo(
    import_wire,
):
    out, err = import_wire(SAMPLES / "afp-newsml-g2.xml")

    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.headline == (
        "Guerre en Ukraine : des Nord-Coréens «engagés» dans des opérations de combat"
    )
    assert article.standfirst == (
        "Washington affirme que des soldats nord\u2011coréens combattent aux côtés des forces "
        "russes dans la région de Koursk."
    )
    assert article.body == [
        {
            "type": "paragraph",
            "html": "Des soldats nord\u2011coréens sont «engagés» dans des opérations de combat "
            "aux côtés des forces russes, a affirmé mardi le porte-parole du "
            "<b>département d’Etat américain</b>.",
        },
        {"type": "intertitle", "text": "Une première depuis des décennies"},
        {
            "type": "paragraph",
            "html": "«C’est la première fois […] que la Corée du Nord s’engage dans un conflit "
            'terrestre», a-t-il ajouté, selon <a href="https://www.state.gov/">un communiqué</a>.',
        },
    ]
    assert authors_of(article) == ["Marie Dupont"]
    assert article.signature == "AFP"
    assert article.language == "fr"
    assert article.embargo_until == dt.datetime(2024, 11, 14, 6, tzinfo=PARIS)
    assert tags_of(article) == {
        ("topic", "Conflit, guerre et paix"),
        ("place", "Ukraine"),
        ("organisation", "Département d’Etat américain"),
    }
    item = WireItem.objects.get()
    assert (item.guid, item.version, item.agency, item.urgency, item.format) == (
        "urn:newsml:afp.com:20241113:KN-ENGAGES-1",
        1,
        "AFP",
        2,
        "NewsML-G2",
    )
    assert item.article == article
    assert "créées : 1 ;" in out


def test_a_ninjs_1_item_becomes_a_draft_with_its_xhtml_paragraphs_and_people_places_tags(
    import_wire,
):
    import_wire(SAMPLES / "iptc" / "ninjsExComplex1.json")

    article = Article.objects.get()
    assert article.headline == "Captain of wrecked cruise ship on trial in Italy"
    assert [block["type"] for block in article.body] == ["paragraph"] * 4
    assert article.body[0]["html"].startswith("GROSSETO, Italy (AP) -- The trial of the captain")
    assert authors_of(article) == ["Paulo Santalucia", "Frances d'Emilio"]
    assert article.language == "en"
    assert ("person", "Francesco Schettino") in tags_of(article)
    assert ("place", "Italy") in tags_of(article)
    assert ("organisation", "Costa Crociere SpA") in tags_of(article)
    assert WireItem.objects.get().format == "ninjs 1.x"


def test_a_ninjs_2_item_becomes_a_draft_from_its_html_body_without_its_script(import_wire):
    import_wire(SAMPLES / "ninjs2-fr.json")

    article = Article.objects.get()
    assert article.headline == "Budget : l’Assemblée rejette la partie «recettes»"
    assert article.standfirst == (
        "Les députés ont rejeté mardi soir le volet recettes du projet de loi de finances."
    )
    assert article.body == [
        {
            "type": "paragraph",
            "html": "Les députés ont rejeté mardi soir, par 362 voix contre 192, la partie "
            "«recettes» du projet de loi de finances pour 2025.",
        },
        {"type": "intertitle", "text": "Retour au Sénat"},
        {
            "type": "paragraph",
            "html": "Le texte part au Sénat dans sa version initiale, <em>sans</em> les "
            "amendements votés.",
        },
    ]
    assert authors_of(article) == ["Jean Martin", "Léa Durand"]
    assert article.signature == "AFP"
    item = WireItem.objects.get()
    assert (item.format, item.urgency) == ("ninjs 2.x", 4)


@pytest.mark.parametrize(
    ("name", "headline", "blocks", "agency"),
    [
        ("dpa_text.json", "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?", 9, "dpa"),
        ("tt_text_image_2.json", "Militärövning i jätteformat hålls 2023", 4, "TT"),
        (
            "005_complex_text_article.json",
            "Captain of wrecked cruise ship on trial in Italy",
            4,
            "",
        ),
        ("ninjsExSimpleText1.json", "Captain of wrecked cruise ship on trial in Italy", 4, ""),
    ],
)
def test_the_iptc_examples_each_become_one_draft(import_wire, name, headline, blocks, agency):
    import_wire(SAMPLES / "iptc" / name)

    article = Article.objects.get()
    assert (article.headline, len(article.body), article.signature) == (headline, blocks, agency)
    assert article.status == Article.Status.DRAFT


def test_the_agency_name_in_a_byline_is_no_author(import_wire):
    import_wire(SAMPLES / "iptc" / "dpa_text.json")

    assert authors_of(Article.objects.get()) == ["Christian Hollmann"]


def test_a_folder_is_imported_whole_and_the_same_tags_are_shared(import_wire, sample, wire_dir):
    sample("afp-newsml-g2.xml")
    sample("newsml-message.xml")
    sample("ninjs2-fr.json")

    out, err = import_wire(wire_dir)

    assert Article.objects.count() == 3
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 3
    assert "Dépêches : 4 ; créées : 3 ;" in out
    assert "newsml-message.xml#2 : refusée : La dépêche n’a pas de titre." in err


def test_lists_and_block_quotes_of_the_item_stay_lists_and_block_quotes(import_wire, wire_dir):
    item = {
        "uri": "urn:x:listes",
        "headlines": [{"value": "Trois mesures"}],
        "bodies": [
            {
                "contenttype": "text/html",
                "value": "<p>Le gouvernement annonce :</p><ul><li>une <b>taxe</b> ;</li>"
                "<li>un fonds.</li></ul><blockquote><p>«Nous tiendrons.»</p></blockquote>"
                '<p onclick="x()">Fin.</p>',
            }
        ],
    }
    (wire_dir / "listes.json").write_text(json.dumps(item, ensure_ascii=False))

    import_wire(wire_dir)

    assert Article.objects.get().body == [
        {"type": "paragraph", "html": "Le gouvernement annonce :"},
        {"type": "list", "items": ["une <b>taxe</b> ;", "un fonds."]},
        {"type": "blockquote", "paragraphs": ["«Nous tiendrons.»"]},
        {"type": "paragraph", "html": "Fin."},
    ]
