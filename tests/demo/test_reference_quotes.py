"""The reference article's five quotes: found in its text with the right speakers and
roles, and reachable through the people and quotes API once loaded."""

from demo import REFERENCE_SLUG

PATEL_ROLE = "porte-parole du département d’Etat américain"


def test_reference_quotes_are_suggested_with_their_speakers_and_roles(
    reference_article, journalist, as_user
):
    response = as_user(journalist).get(f"/api/v1/articles/{REFERENCE_SLUG}/quote-suggestions/")
    assert response.status_code == 200, response.content
    found = {s["text"]: s for s in response.json()["suggestions"]}
    for quote in reference_article.quotes.select_related("person"):
        suggestion = found[quote.text]
        assert (suggestion["speaker"] or "", suggestion["role"]) == (quote.speaker, quote.role)
        assert suggestion["person"] == (quote.person.slug if quote.person else None)


def test_three_reference_quotes_are_vedant_patels(api, reference_article):
    results = api.get("/api/v1/quotes/?person=vedant-patel").json()["results"]
    assert [q["text"].split()[0] for q in results] == ["Le", "Nous", "Je"]  # same day, newest id
    assert {(q["role"], q["said_on"]) for q in results} == {(PATEL_ROLE, "2024-11-12")}
    assert {a["slug"] for q in results for a in q["articles"]} == {REFERENCE_SLUG}


def test_lloyd_austins_person_resource_carries_his_quote_and_the_article(api, reference_article):
    person = api.get("/api/v1/people/lloyd-austin/").json()
    assert [(q["text"], q["role"], q["kind"]) for q in person["quotes"]["results"]] == [
        ("retirer ses troupes de Russie", "ministre américain de la Défense", "fragment")
    ]
    assert [a["slug"] for a in person["articles"]["results"]] == [REFERENCE_SLUG]
