"""RSS and Atom feeds: the paper's latest articles, a section's, a dossier's."""

import datetime as dt

import feedparser
import pytest
from defusedxml import ElementTree
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import workflow
from tests.factories import (
    ArticleFactory,
    DossierEntryFactory,
    DossierFactory,
    PhotoFactory,
    SectionFactory,
)
from tests.visibility import HIDDEN_STATES, make_hidden

ATOM, MEDIA = "http://www.w3.org/2005/Atom", "http://search.yahoo.com/mrss/"
FEEDS = [
    "/feeds/latest.rss",
    "/feeds/latest.atom",
    "/feeds/sections/monde.rss",
    "/feeds/sections/monde.atom",
    "/feeds/dossiers/le-dossier.rss",
    "/feeds/dossiers/le-dossier.atom",
]


def media_of(content: bytes) -> list[tuple[str, str, str] | None]:
    """Each item's Media RSS picture: (url, description, credit), in RSS or Atom."""
    root = ElementTree.fromstring(content)
    items = root.findall("channel/item") or root.findall(f"{{{ATOM}}}entry")
    found = []
    for item in items:
        media = item.find(f"{{{MEDIA}}}content")
        found.append(
            None
            if media is None
            else (
                media.get("url"),
                media.findtext(f"{{{MEDIA}}}description"),
                media.findtext(f"{{{MEDIA}}}credit"),
            )
        )
    return found


def read(api, url):
    response = api.get(url)
    assert response.status_code == 200, response.content
    return feedparser.parse(response.content)


@pytest.fixture
def monde(db):
    return SectionFactory(slug="monde", name="Monde")


@pytest.fixture
def dossier(db):
    return DossierFactory(slug="le-dossier")


@pytest.fixture
def papers(make_published, monde, dossier, now):
    """Three public articles an hour apart, newest first, in «Monde» and «le-dossier»."""
    found = []
    for hours in (1, 2, 3):
        article = make_published(
            at=now - dt.timedelta(hours=hours),
            slug=f"papier-{hours}",
            headline=f"Guerre avec l’Ukraine : «engagés» {hours}",
            section=monde,
        )
        DossierEntryFactory(article=article, dossier=dossier)
        found.append(article)
    return found


@pytest.mark.parametrize("url", FEEDS)
def test_feed_lists_the_public_articles_newest_first(api, papers, url):
    feed = read(api, url)
    assert not feed.bozo, feed.bozo_exception
    assert [e.title for e in feed.entries] == [a.headline for a in papers]
    assert [e.id for e in feed.entries] == [f"urn:uuid:{a.public_id}" for a in papers]
    assert feed.entries[0].link == "http://127.0.0.1:8000/monde/papier-1/"
    assert feed.feed.language == "fr"


def test_feed_item_carries_standfirst_byline_date_and_section(api, make_published, monde):
    article = make_published(slug="signe", section=monde, signature="Libération et AFP")
    (entry,) = read(api, "/feeds/latest.rss").entries
    assert entry.summary == article.standfirst
    assert entry.author == "Libération et AFP"
    assert [t.term for t in entry.tags] == ["Monde"]
    published = dt.datetime(*entry.published_parsed[:6], tzinfo=dt.UTC)
    assert published == article.published_at.replace(microsecond=0)


@pytest.mark.parametrize("url", ["/feeds/latest.rss", "/feeds/latest.atom"])
def test_feed_shows_the_lead_photo_with_its_caption_and_credit(api, make_published, url):
    photo = PhotoFactory(
        caption="Des soldats à l'entraînement.", credit="AFP", with_renditions=True
    )
    make_published(lead_photo=photo, lead_photo_caption="")
    ((image, caption, credit),) = media_of(api.get(url).content)
    assert image.startswith("http://127.0.0.1:8000/")
    assert image.endswith(".jpg")
    assert (caption, credit) == ("Des soldats à l'entraînement.", "AFP")


def test_feed_uses_the_article_caption_override_never_another_credit(api, make_published):
    make_published(
        lead_photo=PhotoFactory(caption="Photo", credit="Reuters", with_renditions=True),
        lead_photo_caption="Pour cet article",
    )
    ((_, caption, credit),) = media_of(api.get("/feeds/latest.atom").content)
    assert (caption, credit) == ("Pour cet article", "Reuters")


def test_feed_drops_a_photo_whose_rights_have_expired(api, make_published, now):
    make_published(lead_photo=PhotoFactory(rights_expire_at=now - dt.timedelta(seconds=1)))
    assert media_of(api.get("/feeds/latest.rss").content) == [None]


def test_section_feed_includes_subsections_and_nothing_else(api, make_published, monde):
    europe = SectionFactory(slug="europe", parent=monde)
    make_published(slug="de-europe", section=europe)
    make_published(slug="d-ailleurs", section=SectionFactory(slug="sport"))
    links = [e.link for e in read(api, "/feeds/sections/monde.rss").entries]
    assert links == ["http://127.0.0.1:8000/monde/europe/de-europe/"]


@pytest.mark.parametrize("state", HIDDEN_STATES)
@pytest.mark.parametrize("url", FEEDS)
def test_no_feed_shows_an_article_that_is_not_public(api, papers, monde, now, state, url):
    before = api.get(url).content
    hidden = make_hidden(ArticleFactory(slug="cache", section=monde), state, now)
    DossierEntryFactory(article=hidden, dossier=papers[0].dossiers.get())
    response = api.get(url)
    assert response.status_code == 200
    assert b"cache" not in response.content
    assert str(hidden.public_id).encode() not in response.content
    assert response.content == before  # not even a build date moved by it


def test_feed_of_an_unknown_section_or_dossier_is_a_404(api, db):
    assert api.get("/feeds/sections/inconnue.rss").status_code == 404
    assert api.get("/feeds/dossiers/inconnu.atom").status_code == 404


def test_feed_of_a_dossier_with_only_hidden_articles_is_a_404(api, db, now):
    hidden = make_hidden(ArticleFactory(), "scheduled", now)
    DossierEntryFactory(article=hidden, dossier__slug="secret")
    assert api.get("/feeds/dossiers/secret.rss").status_code == 404


def test_feed_refuses_query_parameters_naming_them(api, papers):
    response = api.get("/feeds/latest.rss?utm_source=x")
    assert response.status_code == 400
    assert response.content.decode().startswith("utm_source:")


def test_feed_is_public_cacheable_tagged_and_answers_304(api, papers):
    response = api.get("/feeds/sections/monde.rss")
    assert response["Cache-Control"].startswith("public, max-age=")
    keys = response["Surrogate-Key"].split()
    assert {"articles", "section-list-monde", f"article-{papers[0].public_id}"} <= set(keys)
    assert "Set-Cookie" not in response
    assert "Cookie" not in response.get("Vary", "")
    again = api.get("/feeds/sections/monde.rss", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_feed_is_kept_no_longer_than_the_next_scheduled_publication(api, papers, now, settings):
    settings.CACHE_S_MAXAGE = 7200
    make_hidden(ArticleFactory(), "scheduled", now)  # goes live in an hour
    response = api.get("/feeds/latest.rss")
    s_maxage = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert 3500 < s_maxage <= 3600


def test_feed_follows_an_edit_at_once(api, papers):
    api.get("/feeds/latest.atom")
    papers[0].headline = "Un titre corrigé"
    workflow.save_article(papers[0], by=None)
    workflow.publish(papers[0], by=None)  # the changes waited for an editor
    assert read(api, "/feeds/latest.atom").entries[0].title == "Un titre corrigé"


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/feeds/latest.rss", 1),
        ("/feeds/sections/monde.atom", 2),
        ("/feeds/dossiers/le-dossier.rss", 2),
    ],
)
def test_feed_costs_a_fixed_number_of_queries(api, make_published, monde, dossier, url, queries):
    for count in (1, 30):
        while len(monde.articles.all()) < count:
            article = make_published(section=monde, lead_photo=PhotoFactory())
            DossierEntryFactory(article=article, dossier=dossier)
        api.get(url)  # stores what later requests reuse
        with CaptureQueriesContext(connection) as captured:
            assert api.get(url).status_code == 200
        assert len(captured) == queries, [q["sql"][:120] for q in captured]
