"""``jsonld`` in the article detail: schema.org NewsArticle, saying what the API says."""

import datetime as dt

from django.utils import timezone

from media import renditions
from tests.factories import CorrectionFactory, SectionFactory, TagFactory


def detail_of(api, slug="papier"):
    response = api.get(f"/api/v1/articles/{slug}/")
    assert response.status_code == 200, response.content
    return response.json()


def jsonld_of(api, slug="papier"):
    return detail_of(api, slug)["jsonld"]


def test_jsonld_is_a_news_article_with_page_dates_authors_and_publisher(api, article):
    detail = detail_of(api)
    data = detail["jsonld"]
    page = f"http://127.0.0.1:8000/{article.section.slug}/papier/"
    assert (data["@context"], data["@type"], data["url"]) == (
        "https://schema.org",
        "NewsArticle",
        page,
    )
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": page}
    assert data["headline"] == article.headline
    assert data["description"] == article.standfirst
    assert data["datePublished"] == data["dateModified"] == detail["published_at"]
    assert data["author"] == [{"@type": "Person", "name": "Anne"}]
    assert data["publisher"]["@type"] == "NewsMediaOrganization"
    assert data["publisher"]["name"] == "Libération"
    assert data["inLanguage"] == "fr"
    assert data["isAccessibleForFree"] is True


def test_jsonld_images_carry_the_caption_and_credit(api, article):
    renditions.refresh(article.lead_photo)  # the public sees the photo through these only
    images = jsonld_of(api)["image"]
    assert images[0]["url"].startswith("http://127.0.0.1:8000/")
    assert {(i["caption"], i["creditText"]) for i in images} == {("Légende A", "AFP")}


def test_jsonld_names_people_places_organisations_and_keywords(api, article):
    article.tags.add(
        TagFactory(kind="place", name="Koursk"), TagFactory(kind="organisation", name="ONU")
    )
    data = jsonld_of(api)
    assert {"@type": "Place", "name": "Koursk"} in data["mentions"]
    assert {"@type": "Organization", "name": "ONU"} in data["mentions"]
    assert data["keywords"] == ["Sujet A"]


def test_jsonld_marks_premium_articles_and_lists_corrections(api, article):
    article.is_premium = True
    article.save()
    CorrectionFactory(article=article, text="Une date était fausse.")
    data = jsonld_of(api)
    assert data["isAccessibleForFree"] is False
    assert [c["text"] for c in data["correction"]] == ["Une date était fausse."]


def test_jsonld_has_no_image_once_the_photo_rights_expire(api, article, now):
    article.lead_photo.rights_expire_at = now - dt.timedelta(seconds=1)
    article.lead_photo.save()
    assert "image" not in jsonld_of(api)


def test_page_url_follows_the_configured_pattern(api, article, settings):
    settings.ARTICLE_PAGE_URL = "https://www.example.fr/{section}/{year}/{month}/{day}/{slug}_{id}/"
    article.section = SectionFactory(slug="europe", parent=SectionFactory(slug="international"))
    article.save()
    day = timezone.localtime(article.published_at)
    data = detail_of(api)
    assert data["page_url"] == (
        f"https://www.example.fr/international/europe/{day:%Y/%m/%d}/papier_{article.public_id}/"
    )
    assert data["jsonld"]["url"] == data["page_url"]
