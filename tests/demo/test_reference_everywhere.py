"""The reference article as a reader and an editor get it: the exact seed text, the photo's
exact caption and credit, through the API and in the admin."""

import pytest

from demo import REFERENCE_SLUG

CAPTION = "Des soldats nord-coréens à l'entraînement dans leur pays, le 2 octobre 2024."


def test_api_detail_shows_the_reference_as_the_seed_has_it(reference_article, api, seed_lines):
    data = api.get(f"/api/v1/articles/{REFERENCE_SLUG}/").json()
    assert (data["kicker"], data["headline"], data["standfirst"]) == (
        seed_lines[2],
        seed_lines[3],
        seed_lines[5],
    )
    assert data["published_at"] == "2024-11-13T09:07:00+01:00"
    assert (data["lead_photo"]["caption"], data["lead_photo"]["credit"]) == (CAPTION, "AFP")
    assert [d["title"] for d in data["dossiers"]] == ["Guerre entre l'Ukraine et la Russie"]
    assert len(data["quotes"]) == 5


def test_admin_shows_the_reference_photo_caption_and_credit(reference_article, admin_client):
    page = admin_client.get(f"/admin/articles/article/{reference_article.pk}/change/")
    text = page.content.decode()
    assert CAPTION.replace("'", "&#x27;") in text
    assert "AFP" in text


def test_json_ld_shows_the_reference_photo_caption_and_credit(reference_article, api):
    data = api.get(f"/api/v1/articles/{REFERENCE_SLUG}/").json()["jsonld"]
    assert data["headline"] == reference_article.headline
    assert data["datePublished"] == "2024-11-13T09:07:00+01:00"
    assert data["image"][0]["caption"] == CAPTION
    assert data["image"][0]["creditText"] == "AFP"


def test_ninjs_shows_the_reference_text_photo_caption_and_credit(
    reference_article, api, seed_lines
):
    item = api.get(f"/api/v1/articles/{REFERENCE_SLUG}/ninjs/").json()
    assert item["headlines"][0]["value"] == seed_lines[3]
    assert item["descriptions"][0]["value"] == seed_lines[5]
    (photo,) = [a for a in item["associations"] if a["name"] == "featuremedia"]
    assert {"role": "caption", "value": CAPTION} in photo["descriptions"]
    assert {"role": "creditline", "value": "AFP"} in photo["descriptions"]
    assert "<h2>«Intégration» à l’armée russe</h2>" in item["bodies"][0]["value"]


@pytest.mark.parametrize("url", ["/feeds/latest.rss", "/feeds/dossiers/{dossier}.atom"])
def test_feeds_show_the_reference_photo_caption_and_credit(reference_article, api, url):
    dossier = reference_article.dossiers.get().slug
    content = api.get(url.format(dossier=dossier)).content.decode()
    item = content[content.index(reference_article.headline) :]
    item = item[: item.index("</media:content>")]
    assert f'<media:description type="plain">{CAPTION}</media:description>' in item
    assert "<media:credit>AFP</media:credit>" in item
