"""What a worker keeps and gives to everyone depends on nothing the first asker chose: absolute
URLs come from SITE_URL, never from ``Host`` or ``X-Forwarded-Host``, and shared reads are
answered in the paper's language whatever ``Accept-Language`` asks."""

import json
import re

import pytest
from django.core.handlers.wsgi import WSGIHandler

from articles.hotpath import PublicReadsApp
from newsroom import response_cache
from newsroom.response_cache import CachedPublicResponses
from tests.api.test_hotpath import call
from tests.api.test_response_cache import listening

SITE = "https://journal.example"
START = ["/api/v1/", "/feeds/latest.rss", "/feeds/latest.atom", "/sitemap.xml"]
# The WSGI handler closes the connection after each request: the data must be committed.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
EVIL = [
    {"HTTP_HOST": "evil.example"},
    {"HTTP_HOST": "journal.example:6666"},
    {"HTTP_X_FORWARDED_HOST": "evil.example"},
]


@pytest.fixture
def worker(settings):
    """This process's response cache in front of the real stack, as in newsroom/wsgi.py."""
    settings.ALLOWED_HOSTS = ["*"]  # an operator who lets the proxy decide
    settings.USE_X_FORWARDED_HOST = True
    settings.SITE_URL = SITE
    listening(response_cache.cache)
    yield CachedPublicResponses(PublicReadsApp(WSGIHandler()))
    response_cache.cache.stop_listening()


@pytest.fixture
def content(article, make_published):
    """Two public articles, so every list has a next link."""
    make_published(slug="autre-papier")
    return article


def crawl(app, **extra) -> dict[str, bytes]:
    """Every public path reachable from the API root, the feeds and the sitemap, with one
    entry per page (page_size=1), following the links the answers give on SITE_URL."""
    seen, queue = {}, list(START)
    while queue:
        target = queue.pop(0)
        path, _, query = target.partition("?")
        if target in seen or not path.startswith(("/api/v1/", "/feeds/", "/sitemap")):
            continue
        status, _headers, body = call(app, path, QUERY_STRING=query, **extra)
        seen[target] = body
        if status.startswith("200") and body.startswith(b'{"next":') and not query:
            queue.append(f"{path}?page_size=1")
        if status.startswith("200"):
            for link in re.findall(re.escape(SITE) + r'(/[^"<\s]*)', body.decode()):
                queue.append(link.replace("&amp;", "&"))
    return seen


@pytest.mark.parametrize("trick", EVIL, ids=["host", "host-port", "x-forwarded-host"])
def test_no_answer_carries_the_host_a_client_sent(worker, content, trick):
    tricked = crawl(worker, **trick)
    plain = crawl(worker)
    assert len(plain) >= 25, sorted(plain)  # articles, ninjs, dossiers, people, photos, feeds…
    assert any("cursor=" in target for target in plain)  # next links were followed
    for target, body in [*tricked.items(), *plain.items()]:
        host = trick.get("HTTP_X_FORWARDED_HOST") or trick["HTTP_HOST"]
        assert host.encode() not in body, target


def test_a_shared_read_asked_in_english_is_answered_in_french(worker, content):
    english = call(worker, "/feeds/latest.rss", HTTP_ACCEPT_LANGUAGE="en")
    french = call(worker, "/feeds/latest.rss", HTTP_ACCEPT_LANGUAGE="fr")
    assert english[1]["Content-Language"] == "fr"
    assert french[1]["Content-Language"] == "fr"
    assert b"<language>fr</language>" in french[2]
    assert french[2] == english[2]


@pytest.mark.parametrize("path", ["/api/v1/articles/", "/api/v1/articles/papier/", "/sitemap.xml"])
def test_no_english_answer_is_kept_for_the_french(worker, content, path):
    call(worker, path, HTTP_ACCEPT_LANGUAGE="en")
    status, headers, _body = call(worker, path, HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    assert status == "200 OK"
    assert headers["Content-Language"] == "fr"
    assert "Accept-Language" not in headers.get("Vary", "")


def test_a_bad_shared_read_is_told_in_the_paper_s_language(worker, content):
    status, headers, body = call(
        worker, "/api/v1/articles/", QUERY_STRING="page_size=x", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert status.startswith("400")
    assert headers["Content-Language"] == "fr"
    assert json.loads(body)["page_size"] == ["Indiquez un nombre entier entre 1 et 100."]
