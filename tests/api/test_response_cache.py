"""Each worker's copy of public responses: served again without Django, and never kept past
a change, whichever process makes it. These tests commit for real (the purge notification
is only delivered on commit) and run the listener thread against the test database."""

import datetime as dt
import json
import time

import psycopg2
import pytest
import time_machine
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection, transaction
from django.utils import timezone

from articles import preview, workflow
from articles.hotpath import PublicReadsApp
from newsroom import response_cache
from newsroom.response_cache import CachedPublicResponses, ResponseCache
from tests.api.test_freshness import CHANGES, DETAIL_ONLY
from tests.api.test_hotpath import call
from tests.factories import (
    ArticleFactory,
)

# serialized_rollback: the roles and content types come back after each flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class CountingApp:
    """The real stack, counting what reaches it."""

    def __init__(self):
        self.calls = 0
        self.app = PublicReadsApp(WSGIHandler())

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.app(environ, start_response)


def wait_until(condition, timeout=5.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def listening(cache: ResponseCache) -> ResponseCache:
    cache.start_listening()
    wait_until(lambda: cache.listening)
    return cache


@pytest.fixture
def worker(settings):
    """This process's cache in front of the real stack, listening for purges."""
    settings.ALLOWED_HOSTS = ["testserver"]
    inner = CountingApp()
    listening(response_cache.cache)
    yield CachedPublicResponses(inner)
    response_cache.cache.stop_listening()


@pytest.fixture
def other_worker():
    """Another worker's cache: it only hears of changes through PostgreSQL."""
    cache = listening(ResponseCache(2**20))
    yield cache
    cache.stop_listening()


def get_json(app, path, **extra):
    status, _headers, body = call(app, path, **extra)
    assert status == "200 OK", body
    return json.loads(body)


def test_a_repeated_public_request_is_answered_without_django(worker, article):
    first = call(worker, "/api/v1/articles/")
    second = call(worker, "/api/v1/articles/")
    assert worker.app.calls == 1
    assert second[2] == first[2]
    assert second[1]["ETag"] == first[1]["ETag"]
    assert int(second[1]["Age"]) >= 0
    assert "Age" not in first[1]


def test_a_kept_response_answers_conditional_and_head_requests(worker, article):
    path = "/api/v1/articles/papier/"
    etag = call(worker, path)[1]["ETag"]
    status, headers, body = call(worker, path, HTTP_IF_NONE_MATCH=etag)
    assert (status, body, headers["ETag"]) == ("304 Not Modified", b"", etag)
    assert "Content-Length" not in headers
    assert "Surrogate-Key" in headers
    status, headers, body = call(worker, path, REQUEST_METHOD="HEAD")
    assert (status, body) == ("200 OK", b"")
    assert worker.app.calls == 1


@pytest.mark.parametrize(
    "extra",
    [
        {"HTTP_AUTHORIZATION": "Token x"},
        {"HTTP_COOKIE": "sessionid=abc"},
    ],
)
def test_requests_with_credentials_are_never_answered_from_the_cache(worker, article, extra):
    call(worker, "/api/v1/articles/")
    call(worker, "/api/v1/articles/", **extra)
    assert worker.app.calls == 2


def test_not_found_and_bad_requests_are_not_kept(worker, article):
    for _ in range(2):
        assert call(worker, "/api/v1/articles/inconnu/")[0].startswith("404")
        assert call(worker, "/api/v1/articles/", QUERY_STRING="published_from=hier")[0].startswith(
            "400"
        )
    assert worker.app.calls == 4


def test_a_preview_is_never_kept(worker):
    path = f"/api/v1/preview/{preview.make_token(ArticleFactory(slug='brouillon'))}/"
    for _ in range(2):
        status, headers, _body = call(worker, path)
        assert (status, headers["Cache-Control"]) == ("200 OK", "private, no-store")
    assert worker.app.calls == 2


@pytest.mark.parametrize("change", CHANGES)
def test_every_change_shows_at_once_in_the_kept_detail_and_list(worker, article, change):
    apply, read, expected = CHANGES[change]
    get_json(worker, "/api/v1/articles/papier/"), get_json(worker, "/api/v1/articles/")
    apply(article)
    assert read(get_json(worker, "/api/v1/articles/papier/")) == expected
    assert read(get_json(worker, "/api/v1/articles/")["results"][0]) == expected


@pytest.mark.parametrize("change", DETAIL_ONLY)
def test_every_change_shows_at_once_in_the_kept_detail(worker, article, change):
    apply, read, expected = DETAIL_ONLY[change]
    get_json(worker, "/api/v1/articles/papier/")
    apply(article)
    assert read(get_json(worker, "/api/v1/articles/papier/")) == expected


def test_a_withdrawn_article_leaves_the_kept_responses_at_once(worker, article):
    get_json(worker, "/api/v1/articles/papier/"), get_json(worker, "/api/v1/articles/")
    workflow.withdraw(article, by=None)
    assert call(worker, "/api/v1/articles/papier/")[0].startswith("404")
    assert get_json(worker, "/api/v1/articles/")["results"] == []


def test_a_scheduled_article_appears_at_its_second_through_the_cache(worker, make_published):
    now = timezone.now().replace(microsecond=0)
    make_published(slug="deja-la", at=now - dt.timedelta(hours=1))
    scheduled = ArticleFactory(slug="a-l-heure")
    with time_machine.travel(now, tick=False):
        workflow.publish(scheduled, by=None, when=now + dt.timedelta(minutes=5))
        listing = get_json(worker, "/api/v1/articles/")
        assert [a["slug"] for a in listing["results"]] == ["deja-la"]
    with time_machine.travel(now + dt.timedelta(minutes=5) - dt.timedelta(seconds=1), tick=False):
        assert [a["slug"] for a in get_json(worker, "/api/v1/articles/")["results"]] == ["deja-la"]
        assert call(worker, "/api/v1/articles/a-l-heure/")[0].startswith("404")
    with time_machine.travel(now + dt.timedelta(minutes=5), tick=False):
        listing = get_json(worker, "/api/v1/articles/")
        assert [a["slug"] for a in listing["results"]] == ["a-l-heure", "deja-la"]
        assert call(worker, "/api/v1/articles/a-l-heure/")[0] == "200 OK"


def _kept(cache, key=("http", "testserver", "/api/v1/articles/", "")):
    now = time.time()
    entry = response_cache.Entry("200 OK", [], b"{}", '"x"', (), now, now + 600, [])
    cache.put(key, entry, cache.generation)
    assert cache.entries
    return cache


def test_another_worker_empties_its_copy_when_a_change_commits(other_worker, article):
    _kept(other_worker)
    article.headline = "Un autre titre"
    workflow.save_article(article, by=None, changed_fields={"headline"})
    workflow.publish(article, by=None)  # the edit waited for an editor
    wait_until(lambda: not other_worker.entries)


def test_a_rolled_back_change_empties_nothing(other_worker, article):
    _kept(other_worker)
    with transaction.atomic():
        article.headline = "Un autre titre"
        workflow.save_article(article, by=None, changed_fields={"headline"})
        workflow.publish(article, by=None)
        transaction.set_rollback(True)
    time.sleep(0.3)
    assert other_worker.entries


def test_a_worker_that_loses_its_listener_keeps_nothing_until_it_listens_again(other_worker):
    _kept(other_worker)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = %s",
            [f"LISTEN {response_cache.CHANNEL}"],
        )
    wait_until(lambda: not other_worker.listening)
    assert not other_worker.entries
    wait_until(lambda: other_worker.listening)
    _kept(other_worker)


def test_a_notification_from_any_client_empties_the_cache(other_worker):
    _kept(other_worker)
    conn = psycopg2.connect(**connection.get_connection_params())
    try:
        conn.autocommit = True
        conn.cursor().execute(f"NOTIFY {response_cache.CHANNEL}")
    finally:
        conn.close()
    wait_until(lambda: not other_worker.entries)


def test_the_cache_stays_within_its_size(other_worker):
    other_worker.max_bytes = 10_000
    for index in range(50):
        _kept(other_worker, key=("http", "testserver", f"/api/v1/articles/{index}/", ""))
    assert other_worker.size <= 10_000
    assert ("http", "testserver", "/api/v1/articles/49/", "") in other_worker.entries
    assert ("http", "testserver", "/api/v1/articles/0/", "") not in other_worker.entries
