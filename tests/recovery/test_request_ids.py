"""Every request gets an id, returned in X-Request-ID and written on each line it logs
(JSON with LOG_FORMAT=json); a trusted proxy's id is kept, anyone else's replaced."""

import io
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsroom.logs import JsonFormatter, RequestIdFilter
from newsroom.response_cache import cache
from newsroom.wsgi import application

ROOT = Path(__file__).resolve().parents[2]


# serialized_rollback: the roles and content types come back after each flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def call(path, **extra):
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "HTTP_HOST": "testserver",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
        "wsgi.url_scheme": "http",
        **extra,
    }
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, dict(headers)

    b"".join(application(environ, start_response))
    return seen["status"], seen["headers"]


@pytest.fixture
def json_lines():
    """What the root logger writes through the project's filter and JSON formatter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)


@pytest.fixture
def served(settings):
    """Requests through the whole WSGI application, as gunicorn makes them (Django's
    handler closes the connection it finds in a transaction: so none is kept open)."""
    settings.ALLOWED_HOSTS = ["testserver"]
    yield
    cache.stop_listening()  # the response cache's listener, started by /api/ requests


def test_a_response_carries_a_new_request_id(served):
    status, headers = call("/api/v1/sections/")
    assert status == "200 OK"
    assert re.fullmatch(r"[0-9a-f]{32}", headers["X-Request-ID"])
    assert call("/api/v1/sections/")[1]["X-Request-ID"] != headers["X-Request-ID"]


def test_every_line_logged_by_a_request_names_its_id(served, json_lines):
    status, headers = call("/api/v1/articles/rien-de-tel/")
    assert status.startswith("404")
    lines = json_lines()
    assert lines
    assert {line["request_id"] for line in lines} == {headers["X-Request-ID"]}
    not_found = next(line for line in lines if line["logger"] == "django.request")
    assert not_found["level"] == "WARNING"
    assert not_found["status_code"] == 404
    assert not_found["message"] == "Not Found: /api/v1/articles/rien-de-tel/"


def test_a_trusted_proxy_s_request_id_is_kept(served, settings):
    settings.TRUSTED_PROXIES = 1
    _, headers = call("/healthz", HTTP_X_REQUEST_ID="lb-4f2a.17")
    assert headers["X-Request-ID"] == "lb-4f2a.17"


def test_a_request_id_from_anyone_else_is_replaced(served, settings):
    settings.TRUSTED_PROXIES = 0
    _, headers = call("/healthz", HTTP_X_REQUEST_ID="lb-4f2a.17")
    assert re.fullmatch(r"[0-9a-f]{32}", headers["X-Request-ID"])


def test_a_malformed_request_id_is_replaced_even_from_a_trusted_proxy(served, settings):
    settings.TRUSTED_PROXIES = 1
    _, headers = call("/healthz", HTTP_X_REQUEST_ID='x"\n{"level": "CRITICAL"}')
    assert re.fullmatch(r"[0-9a-f]{32}", headers["X-Request-ID"])


@pytest.mark.parametrize(
    ("log_format", "line"),
    [
        (
            "json",
            r'\{"time": "[-0-9T:.+]+", "level": "WARNING", "logger": "essai", '
            r'"message": "bonjour", "request_id": "-"\}',
        ),
        ("text", r"[-0-9 :,]+ WARNING essai \[-\] bonjour"),
    ],
)
def test_log_format_chooses_json_or_text_lines(log_format, line):
    environment = {**os.environ, "LOG_FORMAT": log_format}
    done = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "import logging; logging.getLogger('essai').warning('bonjour')",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert re.fullmatch(line, done.stderr.strip().splitlines()[-1])
