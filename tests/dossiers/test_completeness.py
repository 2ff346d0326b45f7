"""The completeness page lists the dossier's articles missing a credit, a caption, an author
or a quote attribution."""

import datetime as dt
import re

import pytest

from articles.models import Quote
from media.models import Photo
from tests.dossiers.reference import publish_in
from tests.factories import BylineFactory, PersonFactory, PhotoFactory

AT = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


@pytest.fixture
def dossier(reference_dossier):
    return reference_dossier[0]


def gaps(login, archivist, dossier) -> dict[str, list[str]]:
    response = login(archivist).get(f"/dossiers/{dossier.slug}/completude/")
    assert response.status_code == 200
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>.*?<ul>(.*?)</ul>", response.content.decode(), re.S)
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
