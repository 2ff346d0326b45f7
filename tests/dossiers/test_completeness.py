"""The completeness page lists the dossier's articles missing a credit, a caption, an author
or a quote attribution."""

import datetime as dt
import re

import pytest

from articles import roles
from articles.models import Quote
from media.models import Photo
from tests.dossiers.reference import publish_in
from tests.factories import BylineFactory, PersonFactory, PhotoFactory

AT = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def gaps(login, archivist, dossier) -> dict[str, list[str]]:
    response = login(archivist).get(f"/dossiers/{dossier.slug}/completude/")
    assert response.status_code == 200
    rows = re.findall(
        r"<tr>\s*<td><a [^>]*>(.*?)</a></td>.*?<ul>(.*?)</ul>", response.content.decode(), re.S
    )
    return {headline: re.findall(r"<li>(.*?)</li>", items) for headline, items in rows}


def signed(article):
    BylineFactory(article=article)
    return article


def test_a_complete_dossier_has_nothing_to_fix(login, archivist, dossier):
    assert gaps(login, archivist, dossier) == {}


def photo_of(article, **fields):
    """Empty a published article's photo fields, as years-old archive content may have them."""
    Photo.objects.filter(pk=article.lead_photo_id).update(**fields)


def test_each_kind_of_gap_is_listed(login, archivist, dossier):
    for headline, fields in [("Sans crédit", {"credit": ""}), ("Sans légende", {"caption": ""})]:
        article = signed(publish_in(dossier, at=AT, headline=headline, lead_photo=PhotoFactory()))
        photo_of(article, **fields)
    own_caption = signed(
        publish_in(
            dossier,
            at=AT,
            headline="Légende propre à l’article",
            lead_photo=PhotoFactory(),
            lead_photo_caption="Une légende.",
        )
    )
    photo_of(own_caption, caption="")
    publish_in(dossier, at=AT, headline="Sans auteur", signature="")
    publish_in(dossier, at=AT, headline="Signé AFP", signature="AFP")
    quoted = signed(publish_in(dossier, at=AT, headline="Citation sans fonction"))
    Quote.objects.create(text="Mots.", person=PersonFactory(), role="").articles.add(quoted)
    assert gaps(login, archivist, dossier) == {
        "Sans crédit": ["crédit de la photo"],
        "Sans légende": ["légende de la photo"],
        "Sans auteur": ["auteur"],
        "Citation sans fonction": ["attribution d’une citation"],
    }


def fix_links(client, dossier) -> dict[str, list[tuple[str, str]]]:
    """Each article's «fix …» links: (label, address)."""
    page = client.get(f"/dossiers/{dossier.slug}/completude/").content.decode()
    rows = re.findall(r"<tr>\s*<td><a [^>]*>(.*?)</a></td>(.*?)</tr>", page, re.S)
    return {
        headline: [
            (label, url) for url, label in re.findall(r'<a href="([^"]+)">(corriger [^<]+)', row)
        ]
        for headline, row in rows
    }


@pytest.fixture
def gaps_of_each_kind(dossier):
    no_credit = signed(
        publish_in(dossier, at=AT, headline="Sans crédit", lead_photo=PhotoFactory())
    )
    photo_of(no_credit, credit="")
    unsigned = publish_in(dossier, at=AT, headline="Sans auteur", signature="")
    quoted = signed(publish_in(dossier, at=AT, headline="Citation sans fonction"))
    quote = Quote.objects.create(text="Mots.", person=PersonFactory(), role="")
    quote.articles.add(quoted)
    return no_credit, unsigned, quote


def test_an_editor_is_led_to_the_form_that_fixes_each_gap(
    login, editor, dossier, gaps_of_each_kind
):
    no_credit, unsigned, quote = gaps_of_each_kind
    assert fix_links(login(editor), dossier) == {
        "Sans crédit": [
            (
                "corriger la légende et le crédit de la photo",
                f"/admin/media/photo/{no_credit.lead_photo_id}/change/",
            )
        ],
        "Sans auteur": [
            (
                "corriger la signature de l’article",
                f"/admin/articles/article/{unsigned.pk}/change/#id_signature",
            )
        ],
        "Citation sans fonction": [
            (
                "corriger la fonction de la personne citée",
                f"/admin/articles/quote/{quote.pk}/change/",
            )
        ],
    }


@pytest.mark.parametrize(
    ("headline", "field"),
    [("Sans crédit", "credit"), ("Sans auteur", "signature"), ("Citation sans fonction", "role")],
)
def test_each_link_opens_a_form_where_the_editor_can_fix_it(
    login, editor, dossier, gaps_of_each_kind, headline, field
):
    client = login(editor)
    [(_label, url)] = fix_links(client, dossier)[headline]
    form = client.get(url).content.decode()
    assert re.search(rf'<(input|textarea)[^>]* name="{field}"', form), form[:2000]


def test_an_archivist_is_told_an_editor_fixes_them_and_led_to_no_form_they_cannot_use(
    login, archivist, dossier, gaps_of_each_kind
):
    client = login(archivist)
    page = client.get(f"/dossiers/{dossier.slug}/completude/").content.decode()
    assert fix_links(client, dossier) == {
        "Sans crédit": [],
        "Sans auteur": [],
        "Citation sans fonction": [],
    }
    assert page.count("à corriger par un éditeur") == 3
    assert "est modifié par un éditeur\u00a0: transmettez-lui cette page." in page


def test_what_an_archivist_is_not_led_to_they_could_not_change(
    login, archivist, dossier, gaps_of_each_kind
):
    """Why the archivist gets no link: what a published article shows is an editor's."""
    no_credit, unsigned, quote = gaps_of_each_kind
    client = login(archivist)
    for url, field in [
        (f"/admin/media/photo/{no_credit.lead_photo_id}/change/", "credit"),
        (f"/admin/articles/quote/{quote.pk}/change/", "role"),
    ]:
        form = client.get(url).content.decode()
        assert not re.search(rf'<(input|textarea)[^>]* name="{field}"', form), url
    assert roles.edit_refusal(archivist, unsigned, {"signature"}) == (
        "Vous ne pouvez modifier que les mots-clés, les dossiers et les champs SEO d’un article."
    )
