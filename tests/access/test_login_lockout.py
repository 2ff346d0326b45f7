"""Password guessing is stopped on both doors (the admin's login and the token endpoint):
failures are counted per client address in the database, so every worker counts the same;
the address is the TCP peer's unless a proxy is trusted; the answer says nothing of
whether the account exists."""

import datetime as dt
import os
import subprocess
import sys
import uuid

import pytest
import time_machine
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.core.cache import cache
from django.db import connection
from django.test import Client
from rest_framework.test import APIClient

from newsroom.db import url_of
from tests.project.test_redis_cache import REDIS_TEST_URL, ROOT, redis_or_skip

TOKEN = "/api/v1/auth/token/"
LOGIN = "/admin/login/"
RIGHT = "motdepasse-solide-42"
LOCKED = "Trop d’échecs de connexion depuis votre adresse : réessayez dans 15 minutes."


@pytest.fixture(autouse=True)
def three_failures_lock_out(settings):
    """A limit of 3, and the token throttle's counts (kept in memory) forgotten."""
    settings.AXES_FAILURE_LIMIT = 3
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def jade(make_user):
    return make_user("journalist", "jade")


def ask_token(client, password, *, username="jade", forwarded_for=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    return client.post(TOKEN, {"username": username, "password": password}, **headers)


def log_in(client, password, *, username="jade", forwarded_for=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def test_wrong_passwords_lock_the_token_endpoint_whatever_x_forwarded_for_says(jade):
    client = APIClient()
    codes = [
        ask_token(client, "devinette", forwarded_for=f"198.51.100.{n}").status_code
        for n in range(3)
    ]
    assert codes == [400, 400, 429]
    locked = ask_token(client, RIGHT, forwarded_for="198.51.100.99")
    assert locked.status_code == 429
    assert locked["Retry-After"] == "900"
    assert locked.json()["detail"].startswith(LOCKED)


def test_wrong_passwords_lock_the_admin_login_whatever_x_forwarded_for_says(jade, editor):
    client = Client()
    codes = [
        log_in(client, "devinette", forwarded_for=f"198.51.100.{n}").status_code for n in range(3)
    ]
    assert codes == [200, 200, 429]
    editor_login = log_in(client, RIGHT, username=editor.username, forwarded_for="198.51.100.9")
    assert editor_login.status_code == 429
    assert LOCKED in editor_login.content.decode()
    assert client.get("/admin/").status_code == 302  # still not logged in


def test_the_right_password_is_refused_during_the_lockout(jade):
    client = APIClient()
    for _ in range(3):
        ask_token(client, "devinette")
    assert ask_token(client, RIGHT).status_code == 429
    assert "token" not in ask_token(client, RIGHT).json()


def test_behind_a_trusted_proxy_clients_are_told_apart_by_x_forwarded_for(jade, settings):
    settings.TRUSTED_PROXIES = 1
    client = APIClient()
    codes = [
        ask_token(client, "devinette", forwarded_for="10.0.0.1, 203.0.113.7").status_code
        for _ in range(3)
    ]
    assert codes == [400, 400, 429]
    other = ask_token(client, RIGHT, forwarded_for="203.0.113.8")
    assert other.status_code == 200
    assert other.json()["token"] == jade.auth_token.key
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"


def test_the_count_is_shared_by_separate_clients_through_the_database(jade):
    log_in(Client(), "devinette")
    ask_token(APIClient(), "devinette")
    assert AccessAttempt.objects.get(ip_address="127.0.0.1").failures_since_start == 2
    assert ask_token(APIClient(), "devinette").status_code == 429
    assert log_in(Client(), RIGHT).status_code == 429


def test_the_lockout_ends_after_the_configured_time(jade, settings):
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=5)
    start = dt.datetime(2026, 12, 6, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        for _ in range(3):
            ask_token(APIClient(), "devinette")
    with time_machine.travel(start + dt.timedelta(minutes=4, seconds=59), tick=False):
        assert ask_token(APIClient(), RIGHT).status_code == 429
    with time_machine.travel(start + dt.timedelta(minutes=5, seconds=1), tick=False):
        assert ask_token(APIClient(), RIGHT).status_code == 200


@pytest.mark.parametrize("password", ["devinette", RIGHT])
def test_known_and_unknown_usernames_get_the_same_token_answer(jade, password):
    answers = []
    for username in ("jade", "inconnu"):
        for _ in range(3):
            ask_token(APIClient(), "devinette", username=username)
        locked = ask_token(APIClient(), password, username=username)
        answers.append((locked.status_code, locked.json(), locked["Retry-After"]))
        AccessAttempt.objects.all().delete()
    assert answers[0] == answers[1]
    assert answers[0][0] == 429


def test_known_and_unknown_usernames_get_the_same_admin_answer(jade):
    pages = []
    for username in ("jade", "inconnu"):
        wrong = log_in(Client(), "devinette", username=username)
        pages.append((wrong.status_code, wrong.context["form"].errors))
        log_in(Client(), "devinette", username=username)
        log_in(Client(), "devinette", username=username)
        locked = log_in(Client(), RIGHT, username=username)
        pages.append((locked.status_code, locked.context["form"].errors))
        AccessAttempt.objects.all().delete()
    assert pages[0:2] == pages[2:4]
    assert pages[1] == (429, {"__all__": [LOCKED]})


def test_with_redis_url_the_failures_are_counted_in_redis():
    shown = subprocess.run(  # noqa: S603 - our own interpreter and settings
        [sys.executable, "-c", "from newsroom import settings; print(settings.AXES_HANDLER)"],
        cwd=ROOT,
        env={**os.environ, "REDIS_URL": "redis://redis.example:6379/0", "SECRET_KEY": "x"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.strip() == "axes.handlers.cache.AxesCacheHandler"


@pytest.fixture
def failures_in_redis(settings):
    client = redis_or_skip()
    prefix = f"newsroom-test-{uuid.uuid4().hex}"
    in_redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_TEST_URL,
        "KEY_PREFIX": prefix,
    }
    settings.CACHES = {"default": in_redis, "shared": in_redis}
    settings.AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
    AxesProxyHandler.get_implementation(force=True)
    yield client, prefix
    settings.AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
    AxesProxyHandler.get_implementation(force=True)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_with_redis_the_count_is_shared_by_separate_clients_through_redis(jade, failures_in_redis):
    client, prefix = failures_in_redis
    log_in(Client(), "devinette")
    ask_token(APIClient(), "devinette")
    assert list(client.scan_iter(f"{prefix}:*")) != []
    assert AccessAttempt.objects.exists() is False
    assert ask_token(APIClient(), "devinette").status_code == 429
    assert log_in(Client(), RIGHT).status_code == 429


def test_logging_in_to_another_account_between_guesses_does_not_reset_the_count(jade, editor):
    client = APIClient()
    ask_token(client, "devinette")
    ask_token(client, "devinette")
    assert ask_token(client, RIGHT, username=editor.username).status_code == 200
    assert ask_token(client, "devinette").status_code == 429


def test_an_x_forwarded_for_that_is_no_address_counts_the_peer(jade, settings):
    settings.TRUSTED_PROXIES = 1
    for _ in range(3):
        ask_token(APIClient(), "devinette", forwarded_for="<script>")
    assert AccessAttempt.objects.get().ip_address == "127.0.0.1"
    assert ask_token(APIClient(), RIGHT, forwarded_for="not-an-address").status_code == 429


FRESH_PROCESS = """
import django
django.setup()
from django.test import Client
response = Client().post("/api/v1/auth/token/", {"username": "x", "password": "y"})
print(response.status_code)
"""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_fresh_process_sees_the_lockout_counted_by_another():
    for _ in range(3):
        ask_token(APIClient(), "devinette", username="inconnu")
    url = url_of(connection.settings_dict)
    shown = subprocess.run(  # noqa: S603 - our own interpreter and settings
        [sys.executable, "-c", FRESH_PROCESS],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DATABASE_URL": url,
            "SECRET_KEY": "x",
            "ALLOWED_HOSTS": "testserver",
            "LOGIN_FAILURE_LIMIT": "3",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.strip().splitlines()[-1] == "429"
