import io
import json
import os
import subprocess
import sys

import psycopg2
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections

from newsroom.db import url_of

COPY = "copy"

# Runs in a separate process against the copy's database: the copy's own public API.
SERVE = """
import json, sys
import django
django.setup()
from django.test.utils import setup_test_environment
setup_test_environment()
from django.test import Client
client = Client()
answers = {url: [r.status_code, r.content.decode()] for url in json.loads(sys.argv[1])
           for r in [client.get(url)]}
print("ANSWERS " + json.dumps(answers))
"""


def run(*args, **options) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, no_color=True, **options)
    return out.getvalue()


def _server(params):
    return psycopg2.connect(
        dbname="postgres",
        user=params.get("USER") or None,
        password=params.get("PASSWORD") or None,
        host=params.get("HOST") or None,
        port=params.get("PORT") or None,
    )


def _environment(params) -> dict:
    """This process's environment, with the copy's database as the default one."""
    env = {
        **os.environ,
        "DATABASE_URL": url_of(params),
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }
    env.setdefault("SECRET_KEY", "test-only-secret-key")
    return env


@pytest.fixture
def copy_database(db):
    """A second, migrated and empty database, reachable as the alias «copy»."""
    params = dict(connections["default"].settings_dict)
    params["NAME"] = f"{params['NAME']}_copy"
    server = _server(params)
    server.autocommit = True
    with server.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{params["NAME"]}"')
        cursor.execute(f'CREATE DATABASE "{params["NAME"]}"')
    # Migrated by its own process, as an operator would: the data migrations (the role
    # groups) write to the default database of the process that runs them.
    subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
        cwd=settings.BASE_DIR,
        env=_environment(params),
        capture_output=True,
        check=True,
    )
    connections.settings[COPY] = params
    # Opened here: the test case allows only the databases it knew when it started.
    connections[COPY].connect()
    yield params
    connections[COPY].close()
    del connections[COPY]
    del connections.settings[COPY]
    with server.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{params["NAME"]}" WITH (FORCE)')
    server.close()


@pytest.fixture
def copy_api(copy_database):
    """Ask the copy's public API, from another process reading only the copy's database."""

    def ask(urls: list[str]) -> dict:
        done = subprocess.run(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", SERVE, json.dumps(urls)],
            cwd=settings.BASE_DIR,
            env=_environment(copy_database),
            capture_output=True,
            text=True,
            check=True,
        )
        line = next(x for x in done.stdout.splitlines() if x.startswith("ANSWERS "))
        return {url: tuple(answer) for url, answer in json.loads(line[8:]).items()}

    return ask
