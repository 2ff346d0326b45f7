"""With REDIS_URL, what the workers keep in Django's cache (the planner's estimates for
searches, a dossier's month counts) is kept in Redis, shared by every worker."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import redis
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory

ROOT = Path(__file__).resolve().parents[2]
REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


def redis_or_skip() -> redis.Redis:
    client = redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_TEST_URL} (set REDIS_TEST_URL to one)")
    return client


def test_redis_url_selects_the_redis_cache():
    shown = subprocess.run(  # noqa: S603 - our own interpreter and settings
        [
            sys.executable,
            "-c",
            "from newsroom import settings; print(settings.CACHES['default']['BACKEND'])",
        ],
        cwd=ROOT,
        env={**os.environ, "REDIS_URL": "redis://redis.example:6379/0", "SECRET_KEY": "x"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.strip() == "django.core.cache.backends.redis.RedisCache"


@pytest.fixture
def redis_cache(settings):
    client = redis_or_skip()
    prefix = f"newsroom-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": prefix,
        }
    }
    yield client, prefix
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def explains(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum("EXPLAIN (FORMAT JSON)" in query["sql"] for query in queries)


def test_a_searchs_planner_estimate_is_kept_in_redis_for_every_worker(api, redis_cache, db):
    client, prefix = redis_cache
    ArticleFactory(headline="Les négociations reprennent")
    url = "/api/v1/articles/?q=negociations"

    assert explains(api, url) == 1
    assert any(b"search-selective" in key for key in client.scan_iter(f"{prefix}:*"))
    caches.close_all()  # what a worker knows is in Redis, not in its process
    assert explains(api, url + "&published_from=2024-01-01") == 0
