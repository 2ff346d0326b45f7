"""The reference article as a reader and an editor get it: the exact seed text, the photo's
exact caption and credit, through the API and in the admin."""

from articles.demo import REFERENCE_SLUG

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
