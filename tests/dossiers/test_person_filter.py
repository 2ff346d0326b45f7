"""The person filter takes a part of a name, case and accents ignored, finds every person
quoted who bears it, suggests names as one types, and says so when it finds no one."""

import datetime as dt

import pytest
from django.db.models import Exists, OuterRef

from articles.models import Person, Quote
from tests.dossiers.reference import headlines, publish_in, text_of
from tests.factories import PersonFactory


def quoted_in(dossier, name, *, day):
    person = PersonFactory(name=name)
    article = publish_in(dossier, at=dt.datetime(2025, 1, day, tzinfo=dt.UTC), headline=name)
    Quote.objects.create(text=f"Mots de {name}.", person=person, role="x").articles.add(article)
    return person


@pytest.mark.parametrize("name", ["Patel", "patel", "vedant", "Védant", "VEDANT PATEL"])
def test_a_part_of_a_name_finds_the_person_case_and_accents_ignored(
    archivist_client, dossier, name
):
    response = archivist_client.get(f"/dossiers/{dossier.slug}/", {"personne": name})
    assert len(headlines(response)) == 1
    assert "Personne citée : <strong>Vedant Patel</strong>" in text_of(response)


def test_a_part_of_several_names_finds_all_of_them(archivist_client, dossier):
    quoted_in(dossier, "Priti Patel", day=2)
    response = archivist_client.get(f"/dossiers/{dossier.slug}/", {"personne": "patel"})
    assert "<strong>Priti Patel</strong>, <strong>Vedant Patel</strong>" in text_of(response)
    assert headlines(response)[0] == "Priti Patel"
    assert len(headlines(response)) == 2


def test_a_full_name_finds_that_person_only(archivist_client, dossier):
    quoted_in(dossier, "Vedant Patel-Shah", day=2)
    response = archivist_client.get(f"/dossiers/{dossier.slug}/", {"personne": "Vedant Patel"})
    assert "Personne citée : <strong>Vedant Patel</strong></p>" in text_of(response)


def test_an_alias_finds_the_person(archivist_client, dossier):
    putin = quoted_in(dossier, "Vladimir Poutine", day=2)
    Person.objects.filter(pk=putin.pk).update(name="Vladimir Putin", aliases=["Poutine"])
    response = archivist_client.get(f"/dossiers/{dossier.slug}/", {"personne": "poutine"})
    assert "Personne citée : <strong>Vladimir Putin</strong></p>" in text_of(response)


def test_a_typo_still_finds_the_person(archivist_client, dossier):
    response = archivist_client.get(f"/dossiers/{dossier.slug}/", {"personne": "vedant patell"})
    assert headlines(response)[0].startswith("Guerre")


def test_a_name_nobody_quoted_bears_is_said_not_a_400(archivist_client, dossier):
    response = archivist_client.get(f"/dossiers/{dossier.slug}/", {"personne": "Zorglub"})
    page = text_of(response)
    assert "Aucune personne citée dans les articles n’a un nom contenant «Zorglub»" in page
    assert headlines(response) == []


def test_people_never_quoted_are_not_found(archivist_client, dossier):
    PersonFactory(name="Armande Patelin")  # in no quote
    response = archivist_client.get(f"/dossiers/{dossier.slug}/", {"personne": "patel"})
    assert "Armande" not in text_of(response)


def test_the_suggestions_are_the_people_quoted_whose_name_holds_the_text(archivist_client, dossier):
    quoted_in(dossier, "Priti Patel", day=2)
    PersonFactory(name="Armande Patelin")
    response = archivist_client.get("/dossiers/personnes/", {"q": "pate"})
    assert response.json() == {
        "people": [
            {"name": "Priti Patel", "slug": Person.objects.get(name="Priti Patel").slug},
            {"name": "Vedant Patel", "slug": "vedant-patel"},
        ]
    }


@pytest.mark.parametrize("text", ["", "p", "\x00\x00"])
def test_the_suggestions_of_too_little_are_none(archivist_client, dossier, text):
    assert archivist_client.get("/dossiers/personnes/", {"q": text}).json() == {"people": []}


def test_the_person_box_offers_the_suggestions(archivist_client, dossier):
    page = text_of(archivist_client.get(f"/dossiers/{dossier.slug}/", {"personne": "patel"}))
    assert 'list="people-suggestions" autocomplete="off" data-suggest="/dossiers/personnes/"' in (
        page
    )
    assert '<datalist id="people-suggestions"><option value="Vedant Patel"></datalist>' in page


def test_the_people_quoted_are_read_in_one_query(
    archivist_client, dossier, django_assert_num_queries
):
    for day in range(1, 4):
        quoted_in(dossier, f"Patel {day}", day=day)
    quoted = Person.objects.filter(Exists(Quote.objects.filter(person=OuterRef("pk"))))
    assert quoted.filter(name__contains="Patel").count() == 4
    # Session, user, two for permissions, the people.
    with django_assert_num_queries(5):
        response = archivist_client.get("/dossiers/personnes/", {"q": "patel"})
    assert len(response.json()["people"]) == 4
