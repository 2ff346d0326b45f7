"""Two writes colliding in PostgreSQL, which breaks the deadlock by rolling one of them
back: the one rolled back gets a 503 that says what happened, with a short Retry-After,
and nothing of it is kept; sent again, it goes through."""

import threading
import time

import pytest

from articles.models import Person
from tests.factories import PersonFactory, QuoteFactory
from tests.quotes.test_copies_under_concurrent_writes import in_transaction

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MESSAGE = (
    "Une autre modification était enregistrée au même moment : celle-ci ne l’a pas été. "
    "Renvoyez-la."
)


def test_a_rename_caught_in_a_deadlock_answers_503_saying_so_and_keeps_nothing(editor, as_user):
    person = PersonFactory(name="Vedant Patel")
    quote = QuoteFactory(person=person)
    # Another transaction holds the quote, then asks for the person. The rename locks the
    # person, then their quotes (articles/0032's speaker trigger): each waits on the other,
    # and PostgreSQL rolls back the rename, which has waited longest.
    other = threading.Thread(
        target=in_transaction,
        args=(
            [
                ("SELECT 1 FROM articles_quote WHERE id = %s FOR UPDATE", [quote.pk]),
                ("SELECT pg_sleep(0.4)", []),
                ("SELECT 1 FROM articles_person WHERE id = %s FOR UPDATE", [person.pk]),
            ],
        ),
    )
    other.start()
    time.sleep(0.1)
    client = as_user(editor)
    renamed = {"name": "Vedant K. Patel"}
    response = client.patch(f"/api/v1/people/{person.slug}/", renamed, format="json")
    other.join()

    assert response.status_code == 503
    assert response["Retry-After"] == "1"
    assert response.json() == {"detail": MESSAGE}
    assert Person.objects.get(pk=person.pk).name == "Vedant Patel"

    again = client.patch(f"/api/v1/people/{person.slug}/", renamed, format="json")
    assert again.status_code == 200
    assert Person.objects.get(pk=person.pk).name == "Vedant K. Patel"
