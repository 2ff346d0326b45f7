"""Two writes colliding in PostgreSQL, which breaks the deadlock by rolling one of them
back: the one rolled back gets a 503 that says what happened, with a short Retry-After,
and nothing of it is kept; sent again, it goes through."""

import threading
import time

import psycopg2
import pytest
from django.db import connection, connections

from articles.models import Person
from tests.factories import PersonFactory, QuoteFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MESSAGE = (
    "Une autre modification était enregistrée au même moment : celle-ci ne l’a pas été. "
    "Renvoyez-la."
)


def wait_until_a_statement_waits_for_a_lock(cursor, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        cursor.execute("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
        if cursor.fetchone():
            return
        time.sleep(0.02)
    raise AssertionError("no statement came to wait for the lock")


def test_a_rename_caught_in_a_deadlock_answers_503_saying_so_and_keeps_nothing(editor, as_user):
    person = PersonFactory(name="Vedant Patel")
    quote = QuoteFactory(person=person)
    client = as_user(editor)
    renamed = {"name": "Vedant K. Patel"}
    answers = []

    def rename():
        try:
            answers.append(client.patch(f"/api/v1/people/{person.slug}/", renamed, format="json"))
        finally:
            connections.close_all()  # this thread's own connection

    # Another transaction holds the quote. The rename locks the person, then their quotes
    # (articles/0032's speaker trigger), and waits; only then does the other transaction
    # ask for the person. PostgreSQL rolls back the one that has waited longest, the rename.
    other = psycopg2.connect(**connection.get_connection_params())
    watcher = psycopg2.connect(**connection.get_connection_params())
    watcher.autocommit = True
    try:
        with other.cursor() as cursor, watcher.cursor() as watching:
            cursor.execute("SELECT 1 FROM articles_quote WHERE id = %s FOR UPDATE", [quote.pk])
            renaming = threading.Thread(target=rename)
            renaming.start()
            wait_until_a_statement_waits_for_a_lock(watching)
            cursor.execute("SELECT 1 FROM articles_person WHERE id = %s FOR UPDATE", [person.pk])
            other.commit()
            renaming.join()
    finally:
        other.close()
        watcher.close()

    (response,) = answers
    assert response.status_code == 503
    assert response["Retry-After"] == "1"
    assert response.json() == {"detail": MESSAGE}
    assert Person.objects.get(pk=person.pk).name == "Vedant Patel"

    again = client.patch(f"/api/v1/people/{person.slug}/", renamed, format="json")
    assert again.status_code == 200
    assert Person.objects.get(pk=person.pk).name == "Vedant K. Patel"
