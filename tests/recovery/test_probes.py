"""/healthz says the process answers; /readyz that it can serve (a new connection works,
every migration is applied). Both JSON, never cached, no login."""

import json

import pytest
from django.db import connection
from django.test import Client

# serialized_rollback: the roles and content types come back after each flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def get(path):
    response = Client().get(path)
    return response, json.loads(response.content)


def test_healthz_answers_without_the_database(database_down):
    response, body = get("/healthz")
    assert (response.status_code, body) == (200, {"status": "ok"})
    assert "no-store" in response["Cache-Control"]


def test_readyz_answers_200_when_the_database_is_up_and_migrated(db):
    response, body = get("/readyz")
    assert (response.status_code, body) == (200, {"status": "ok"})
    assert "no-store" in response["Cache-Control"]


def test_probes_cost_no_query_and_one(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert get("/healthz")[0].status_code == 200
    with django_assert_num_queries(1):  # the migrations applied; the files are read once
        assert get("/readyz")[0].status_code == 200


def test_readyz_answers_503_when_the_database_is_down(database_down):
    response, body = get("/readyz")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert body["status"] == "unavailable"
    assert "database" in body


@pytest.fixture
def unapplied_migration(db):
    """The accounts app's first migration is forgotten by the database, then recorded again."""
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM django_migrations WHERE app = 'accounts' AND name = '0001_audit_log'"
            " RETURNING applied"
        )
        (applied,) = cursor.fetchone()
    yield "accounts.0001_audit_log"
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO django_migrations (app, name, applied) VALUES (%s, %s, %s)",
            ["accounts", "0001_audit_log", applied],
        )


def test_readyz_answers_503_naming_a_migration_not_applied(unapplied_migration):
    response, body = get("/readyz")
    assert response.status_code == 503
    assert body == {"status": "unavailable", "migrations": [unapplied_migration]}
