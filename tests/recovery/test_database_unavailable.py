"""With PostgreSQL gone, every request gets a 503 with Retry-After (JSON under /api/, a
short French page elsewhere), never a 500; once it is back, the next request is served."""

import json

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.recovery.conftest import unreachable_database

MESSAGE = "La base de données est momentanément injoignable. Réessayez dans quelques secondes."


# serialized_rollback: the roles and content types come back after each flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_api_answers_503_json_with_retry_after_while_the_database_is_down(database_down):
    response = Client().get("/api/v1/articles/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"detail": MESSAGE}


def test_a_write_through_the_api_answers_503_while_the_database_is_down(editor, as_user):
    client = as_user(editor)
    with unreachable_database():
        response = client.post("/api/v1/tags/", {"name": "Climat"}, format="json")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert json.loads(response.content) == {"detail": MESSAGE}


def test_the_admin_answers_a_short_french_page_with_503_while_the_database_is_down():
    client = Client()
    client.force_login(User.objects.create_superuser("chef", password="motdepasse-solide-42"))
    with unreachable_database():
        response = client.get("/admin/articles/article/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Content-Type"] == "text/html; charset=utf-8"
    page = response.content.decode()
    assert page.startswith('<!doctype html>\n<html lang="fr">')
    assert "<h1>Service indisponible</h1>" in page
    assert MESSAGE.replace("é", "&eacute;") in page or MESSAGE in page


def test_requests_are_served_again_as_soon_as_the_database_is_back(db):
    with unreachable_database():
        assert Client().get("/api/v1/sections/").status_code == 503
    assert Client().get("/api/v1/sections/").status_code == 200
