"""/sitemap.xml (index), /sitemaps/articles-YYYY-MM.xml (a month), /sitemap-news.xml."""

import datetime as dt
import zoneinfo

import pytest
import time_machine
from defusedxml import ElementTree
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import workflow
from tests.factories import ArticleFactory, PhotoFactory, SectionFactory
from tests.syndication.standards import sitemap_errors
from tests.visibility import HIDDEN_STATES, make_hidden

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
}
# Midnight on 1 November in Paris is still October in UTC: the month is Paris's.
NOW = dt.datetime(2024, 11, 14, 12, 0, tzinfo=PARIS)


def locs(content: bytes, tag: str = "s:url") -> list[str]:
    return [
        e.findtext("s:loc", namespaces=NS) for e in ElementTree.fromstring(content).findall(tag, NS)
    ]


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def archive(clock, make_published):
    """The reference day, the first minute of November and the last of October, in Paris."""
    monde = SectionFactory(slug="monde")
    europe = SectionFactory(slug="europe", parent=monde)
    return [
        make_published(
            at=dt.datetime(2024, 11, 13, 9, 7, tzinfo=PARIS),
            slug="reference",
            section=europe,
            headline="Guerre avec l’Ukraine : des Nord-Coréens «engagés»",
            lead_photo=PhotoFactory(caption="Des soldats à l'entraînement.", with_renditions=True),
        ),
        make_published(
            at=dt.datetime(2024, 11, 1, 0, 0, 30, tzinfo=PARIS), slug="toussaint", section=monde
        ),
        make_published(
            at=dt.datetime(2024, 10, 31, 23, 59, tzinfo=PARIS), slug="halloween", section=monde
        ),
    ]


def get(api, url):
    response = api.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return response.content


def test_index_lists_news_then_each_month_in_paris_time(api, archive):
    content = get(api, "/sitemap.xml")
    assert sitemap_errors(content, "siteindex.xsd") == []
    assert locs(content, "s:sitemap") == [
        "http://127.0.0.1:8000/sitemap-news.xml",
        "http://127.0.0.1:8000/sitemaps/articles-2024-11.xml",
        "http://127.0.0.1:8000/sitemaps/articles-2024-10.xml",
    ]
    lastmods = [e.text for e in ElementTree.fromstring(content).iterfind("s:sitemap/s:lastmod", NS)]
    assert lastmods[1] == "2024-11-13T09:07:00+01:00"


def test_month_sitemap_lists_its_article_pages_oldest_first(api, archive):
    content = get(api, "/sitemaps/articles-2024-11.xml")
    assert sitemap_errors(content) == []
    assert locs(content) == [
        "http://127.0.0.1:8000/monde/toussaint/",
        "http://127.0.0.1:8000/monde/europe/reference/",
    ]
    assert locs(get(api, "/sitemaps/articles-2024-10.xml")) == [
        "http://127.0.0.1:8000/monde/halloween/"
    ]


def test_month_sitemap_shows_the_lead_photo_with_its_caption(api, archive):
    root = ElementTree.fromstring(get(api, "/sitemaps/articles-2024-11.xml"))
    (image,) = root.findall("s:url/image:image", NS)
    assert image.findtext("image:loc", namespaces=NS).startswith("http://127.0.0.1:8000/")
    assert image.findtext("image:caption", namespaces=NS) == "Des soldats à l'entraînement."


def test_news_sitemap_lists_the_last_48_hours_with_title_and_date(api, archive):
    content = get(api, "/sitemap-news.xml")
    assert sitemap_errors(content) == []
    (url,) = ElementTree.fromstring(content).findall("s:url", NS)
    assert url.findtext("s:loc", namespaces=NS) == "http://127.0.0.1:8000/monde/europe/reference/"
    news = url.find("news:news", NS)
    assert news.findtext("news:publication/news:name", namespaces=NS) == "Libération"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "fr"
    assert news.findtext("news:publication_date", namespaces=NS) == "2024-11-13T09:07:00+01:00"
    assert (
        news.findtext("news:title", namespaces=NS)
        == "Guerre avec l’Ukraine : des Nord-Coréens «engagés»"
    )


def test_news_sitemap_is_kept_until_its_oldest_article_leaves_it(api, archive, settings):
    settings.CACHE_S_MAXAGE = 10**6
    response = api.get("/sitemap-news.xml")
    leaves = dt.datetime(2024, 11, 15, 9, 7, tzinfo=PARIS) - NOW
    assert f"s-maxage={int(leaves.total_seconds())}," in response["Cache-Control"]


def test_empty_month_bad_month_and_empty_news_are_404(api, archive):
    assert api.get("/sitemaps/articles-2024-09.xml").status_code == 404
    assert api.get("/sitemaps/articles-2024-13.xml").status_code == 404
    assert api.get("/sitemaps/articles-2024-11-2.xml").status_code == 404
    with time_machine.travel(NOW + dt.timedelta(days=3), tick=False):
        assert api.get("/sitemap-news.xml").status_code == 404
        assert "sitemap-news" not in api.get("/sitemap.xml").content.decode()


def test_month_lastmod_counts_a_significant_update_of_an_older_article(api, archive, editor):
    with time_machine.travel(NOW - dt.timedelta(hours=2), tick=False):
        workflow.mark_updated(archive[2], by=editor)  # October's only article
    sitemaps = ElementTree.fromstring(get(api, "/sitemap.xml")).findall("s:sitemap", NS)
    october = sitemaps[2]
    assert october.findtext("s:loc", namespaces=NS).endswith("articles-2024-10.xml")
    assert october.findtext("s:lastmod", namespaces=NS) == "2024-11-14T10:00:00+01:00"
    (url,) = ElementTree.fromstring(get(api, "/sitemaps/articles-2024-10.xml")).findall("s:url", NS)
    assert url.findtext("s:lastmod", namespaces=NS) == "2024-11-14T10:00:00+01:00"


def test_month_sitemap_stops_at_the_protocol_limit_and_says_so(api, archive, monkeypatch, caplog):
    monkeypatch.setattr("syndication.sitemaps.SITEMAP_SIZE", 1)
    assert locs(get(api, "/sitemaps/articles-2024-11.xml")) == [
        "http://127.0.0.1:8000/monde/toussaint/"
    ]
    assert "2024-11 has more than 1 articles" in caplog.text


@pytest.mark.parametrize("state", HIDDEN_STATES)
@pytest.mark.parametrize(
    "url", ["/sitemap.xml", "/sitemaps/articles-2024-11.xml", "/sitemap-news.xml"]
)
def test_no_sitemap_lists_an_article_that_is_not_public(api, archive, state, url):
    before = get(api, url)
    hidden = make_hidden(ArticleFactory(slug="cache", section=archive[1].section), state, NOW)
    hidden.refresh_from_db()
    content = get(api, url)
    assert b"cache" not in content
    # Not even a trace: a month, a last-change time or a count moved by the hidden article.
    assert content == before


def test_hidden_articles_alone_make_no_month(api, clock, db):
    make_hidden(ArticleFactory(slug="cache"), "scheduled", NOW)
    assert api.get("/sitemap.xml").status_code == 404


def test_sitemap_drops_a_photo_whose_rights_have_expired(api, archive):
    archive[0].lead_photo.rights_expire_at = NOW - dt.timedelta(seconds=1)
    archive[0].lead_photo.save()
    assert b"image:image" not in get(api, "/sitemaps/articles-2024-11.xml")
    assert b"image:image" not in get(api, "/sitemap-news.xml")


def test_sitemaps_refuse_query_parameters(api, archive):
    response = api.get("/sitemap.xml?page=2")
    assert response.status_code == 400
    assert response.content.decode().startswith("page:")


def test_sitemaps_are_public_cacheable_and_answer_304(api, archive):
    response = api.get("/sitemaps/articles-2024-11.xml")
    assert response["Cache-Control"].startswith("public")
    assert "articles" in response["Surrogate-Key"].split()
    again = api.get("/sitemaps/articles-2024-11.xml", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize(
    ("url", "queries"),
    [("/sitemap.xml", 2), ("/sitemaps/articles-2024-11.xml", 1), ("/sitemap-news.xml", 1)],
)
def test_sitemaps_cost_a_fixed_number_of_queries(api, archive, make_published, url, queries):
    for count in (3, 30):
        while len(archive) < count:
            moment = NOW - dt.timedelta(hours=len(archive))
            archive.append(make_published(at=moment, lead_photo=PhotoFactory()))
        with CaptureQueriesContext(connection) as captured:
            assert api.get(url).status_code == 200
        assert len(captured) == queries, [q["sql"][:150] for q in captured]
