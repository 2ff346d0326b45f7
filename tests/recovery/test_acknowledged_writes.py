"""A write answered with a 2xx is in the database; one that failed says so and leaves
nothing behind. Work after the commit (the CDN purge) cannot turn one into the other."""

import pytest
from django.db import OperationalError

from articles.api.views import PersonViewSet
from articles.models import Person

# serialized_rollback: the roles and content types come back after each flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class UnreachableCdn:
    def purge(self, keys):
        raise ConnectionError("the CDN does not answer")


def create_person(client, slug):
    return client.post("/api/v1/people/", {"name": "Anne Hidalgo", "slug": slug}, format="json")


def test_a_write_whose_purge_fails_after_the_commit_is_acknowledged_and_kept(
    editor, as_user, settings
):
    settings.PURGE_BACKEND = "tests.recovery.test_acknowledged_writes.UnreachableCdn"
    response = create_person(as_user(editor), "anne-hidalgo")
    assert response.status_code == 201
    assert Person.objects.filter(slug="anne-hidalgo").count() == 1


def test_a_write_that_loses_the_database_before_answering_says_so_and_leaves_nothing(
    editor, as_user, monkeypatch
):
    def connection_lost(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    # The person is saved, then the database goes away before the answer is written.
    monkeypatch.setattr(PersonViewSet, "get_success_headers", connection_lost)
    response = create_person(as_user(editor), "anne-hidalgo")
    assert response.status_code == 503
    assert Person.objects.filter(slug="anne-hidalgo").exists() is False
