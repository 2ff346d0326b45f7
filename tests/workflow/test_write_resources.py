"""People and quotes are written through the same resources, with the same role rules."""

import pytest

from articles.models import Person, Quote
from tests.factories import ArticleFactory, PersonFactory


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("journalist", True), ("editor", True), ("archivist", False), (None, False)],
)
def test_creating_a_quote_follows_the_role(make_user, as_user, role, allowed):
    person = PersonFactory(slug="vedant-patel")
    article = ArticleFactory(slug="papier")
    response = as_user(make_user(role) if role else None).post(
        "/api/v1/quotes/",
        {
            "text": "«Je peux confirmer»",
            "person": "vedant-patel",
            "role": "porte-parole du département d’Etat américain",
            "articles": ["papier"],
        },
        format="json",
    )
    if allowed:
        assert response.status_code == 201, response.content
        quote = Quote.objects.get()
        assert (quote.person, list(quote.articles.all())) == (person, [article])
        assert quote.role == "porte-parole du département d’Etat américain"
    else:
        assert response.status_code in (401, 403)
        assert Quote.objects.count() == 0


def test_person_write_refuses_unknown_and_bad_fields(editor, as_user, db):
    client = as_user(editor)
    before = Person.objects.count()
    unknown = client.post("/api/v1/people/", {"slug": "x", "name": "X", "age": 3}, format="json")
    assert (unknown.status_code, unknown.json()) == (400, {"age": ["Champ inconnu."]})
    response = client.post("/api/v1/people/", {"slug": "pas un slug", "name": 12}, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"slug", "name"}
    assert Person.objects.count() == before


def test_archivist_may_correct_a_person_description(archivist, as_user, db):
    person = PersonFactory(slug="lloyd-austin")
    response = as_user(archivist).patch(
        "/api/v1/people/lloyd-austin/",
        {"description": "ministre américain de la Défense"},
        format="json",
    )
    assert response.status_code == 200, response.content
    person.refresh_from_db()
    assert person.description == "ministre américain de la Défense"


def test_quote_with_markup_is_refused(editor, as_user, db):
    PersonFactory(slug="p")
    response = as_user(editor).post(
        "/api/v1/quotes/", {"text": "<script>x</script>", "person": "p"}, format="json"
    )
    assert response.status_code == 400
    assert "text" in response.json()
    assert Quote.objects.count() == 0
