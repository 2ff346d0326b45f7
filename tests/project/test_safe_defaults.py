"""Production refuses to start with a key anyone can read, or with DEBUG on."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


def start(**env) -> subprocess.CompletedProcess:
    """``manage.py check`` in a fresh process with this environment (settings load first)."""
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "key",
    [
        "",
        "   ",
        "change-me-in-production",
        "test-only-secret-key",
        "bench-only",
        "build-only",
        "insecure-local-development-key",
        "django-insecure-9x!s2k@l1_q8r#v3b$n7m%z4c^w6e&t0y*u5i(o)p",
    ],
)
def test_production_refuses_an_empty_or_published_secret_key(key):
    done = start(DEBUG="0", SECRET_KEY=key)
    assert done.returncode == 1
    assert "ImproperlyConfigured: SECRET_KEY is" in done.stderr


def test_production_starts_with_a_random_secret_key():
    done = start(DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50))
    assert done.returncode == 0, done.stderr


def test_debug_starts_without_a_key_on_a_local_machine():
    done = start(DEBUG="1")
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    "production",
    [
        {"ALLOWED_HOSTS": "journal.example"},
        {"ALLOWED_HOSTS": "*"},
        {"BEHIND_TLS_PROXY": "1"},
        {"SECURE_SSL_REDIRECT": "1"},
        {"SECURE_HSTS_SECONDS": "31536000"},
    ],
)
def test_debug_is_refused_in_production(production):
    done = start(DEBUG="1", SECRET_KEY=secrets.token_urlsafe(50), **production)
    assert done.returncode == 1
    assert "ImproperlyConfigured: DEBUG=1 shows stack traces" in done.stderr
