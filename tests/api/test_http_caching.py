"""Public responses are ready for a CDN; newsroom responses never are."""

import datetime as dt
import http.server
import threading

import pytest

from articles import workflow
from newsroom import surrogate_keys
from tests.factories import ArticleFactory, BylineFactory, DossierEntryFactory, PhotoFactory

PURGED = []


class RecordingPurger:
    def purge(self, keys):
        PURGED.append(keys)


@pytest.fixture
def article(make_published):
    article = make_published(slug="papier", lead_photo=PhotoFactory())
    BylineFactory(article=article, person__slug="anne")
    DossierEntryFactory(article=article, dossier__slug="le-dossier")
    return article


def test_detail_carries_cache_headers_and_surrogate_keys(api, article):
    response = api.get("/api/v1/articles/papier/")
    assert response.headers["ETag"].startswith('"')
    assert "Last-Modified" in response.headers
    cache_control = response.headers["Cache-Control"]
    for part in (
        "public",
        "max-age=60",
        "s-maxage=600",
        "stale-while-revalidate",
        "stale-if-error",
    ):
        assert part in cache_control
    keys = response.headers["Surrogate-Key"].split()
    assert f"article-{article.public_id}" in keys
    assert f"section-{article.section.slug}" in keys
    assert "dossier-le-dossier" in keys
    assert "person-anne" in keys
    assert f"photo-{article.lead_photo_id}" in keys


@pytest.mark.parametrize(
    "url", ["/api/v1/articles/", "/api/v1/articles/papier/", "/api/v1/people/"]
)
def test_matching_etag_gets_304_without_a_body(api, article, url):
    etag = api.get(url).headers["ETag"]
    response = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""


@pytest.mark.parametrize("url", ["/api/v1/articles/", "/api/v1/people/"])
def test_a_list_pages_etag_changes_with_what_it_shows_and_only_then(api, article, url):
    """The ETag a list page carries (``caching.content_etag``) is its content's digest: the
    same page read twice validates alike; once another article shows, it does not."""
    first = api.get(url)
    assert api.get(url).headers["ETag"] == first.headers["ETag"]
    other = ArticleFactory(slug="autre-papier")
    BylineFactory(article=other, person__slug="bruno")
    workflow.publish(other, by=None)
    changed = api.get(url)
    assert changed.content != first.content
    assert changed.headers["ETag"] != first.headers["ETag"]
    assert api.get(url, HTTP_IF_NONE_MATCH=first.headers["ETag"]).status_code == 200


@pytest.mark.parametrize("url", ["/api/v1/articles/", "/api/v1/articles/papier/", "/api/v1/tags/"])
def test_public_response_sets_no_cookie_and_does_not_vary_on_one(api, article, url):
    api.cookies["sessionid"] = "not-a-session"
    response = api.get(url)
    assert response.cookies == {}
    assert "cookie" not in response.headers.get("Vary", "").lower()


def test_logged_in_response_is_private_and_not_stored(editor, as_user, article):
    directives = as_user(editor).get("/api/v1/articles/").headers["Cache-Control"].split(", ")
    assert "private" in directives
    assert "no-store" in directives
    assert "public" not in directives


def test_lists_expire_when_the_next_scheduled_article_goes_live(api, article, now, editor):
    upcoming = ArticleFactory()
    workflow.publish(upcoming, by=editor, at=now, when=now + dt.timedelta(seconds=30))
    cache_control = api.get("/api/v1/articles/").headers["Cache-Control"]
    max_age = int(cache_control.split("max-age=")[1].split(",")[0])
    assert 0 < max_age <= 30


@pytest.mark.parametrize("url", ["/api/v1/articles/", "/api/v1/dossiers/le-dossier/articles/"])
def test_lists_expire_when_a_shown_photos_rights_expire(api, article, now, url):
    photo = article.lead_photo
    photo.rights_expire_at = now + dt.timedelta(seconds=45)
    photo.save()
    cache_control = api.get(url).headers["Cache-Control"]
    s_maxage = int(cache_control.split("s-maxage=")[1].split(",")[0])
    assert 0 < s_maxage <= 45


def test_publishing_purges_the_front_lists_its_section_and_its_dossiers(
    settings, editor, django_capture_on_commit_callbacks, db
):
    settings.PURGE_BACKEND = "tests.api.test_http_caching.RecordingPurger"
    PURGED.clear()
    article = ArticleFactory()
    DossierEntryFactory(article=article, dossier__slug="le-dossier")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(article, by=editor)
    keys = set().union(*PURGED)
    assert {
        "articles",
        f"section-list-{article.section.slug}",
        "dossier-list-le-dossier",
        f"article-{article.public_id}",
    } <= keys


def test_http_purger_sends_purge_with_the_keys(settings):
    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 - the HTTP method's name
            received.append((self.command, self.headers["Surrogate-Key"]))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.handle_request)
    thread.start()
    settings.PURGE_URLS = [f"http://127.0.0.1:{server.server_port}/"]
    from newsroom.purge import HttpPurger

    HttpPurger().purge(["article-1", "articles"])
    thread.join(timeout=5)
    server.server_close()
    assert received == [("PURGE", "article-1 articles")]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/sections/",
        "/api/v1/people/",
        "/api/v1/quotes/",
        "/api/v1/tags/",
        "/api/v1/dossiers/",
        "/api/v1/articles/",
    ],
)
def test_every_public_list_carries_etag_last_modified_and_keys(api, article, url):
    response = api.get(url)
    assert response.status_code == 200
    assert response.headers["ETag"].startswith('"')
    assert "Last-Modified" in response.headers
    assert response.headers["Surrogate-Key"]
    assert response.headers["Cache-Control"].startswith("public, ")


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("/api/v1/sections/", surrogate_keys.SECTIONS),
        ("/api/v1/people/", surrogate_keys.PEOPLE),
        ("/api/v1/quotes/", surrogate_keys.QUOTES),
        ("/api/v1/tags/", surrogate_keys.TAGS),
        ("/api/v1/dossiers/", surrogate_keys.DOSSIERS),
        ("/api/v1/articles/", surrogate_keys.ARTICLES),
    ],
)
def test_every_public_list_carries_the_key_its_changes_purge(api, article, url, key):
    assert key in api.get(url).headers["Surrogate-Key"].split()
