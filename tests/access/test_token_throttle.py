"""The token endpoint's throttle is counted where every worker reads it: in the database
without Redis (a worker's own memory forgets nothing that matters)."""

from django.core.cache import caches
from django.db import connection
from rest_framework.test import APIClient

from newsroom.permissions import AuthThrottle


def test_the_token_throttle_is_counted_in_the_database(make_user, monkeypatch):
    monkeypatch.setattr(AuthThrottle, "rate", "2/minute", raising=False)
    make_user("journalist", "jade")
    wrong = {"username": "jade", "password": "devinette"}
    assert APIClient().post("/api/v1/auth/token/", wrong).status_code == 400
    assert APIClient().post("/api/v1/auth/token/", wrong).status_code == 400
    caches["default"].clear()  # as another worker would see it
    right = {"username": "jade", "password": "motdepasse-solide-42"}
    assert APIClient().post("/api/v1/auth/token/", right).status_code == 429
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM newsroom_shared_cache")
        assert cursor.fetchone() == (1,)
