"""POST /api/v1/quotes/suggestions/ and GET /api/v1/articles/{slug}/quote-suggestions/:
the quotes found in a body, in the shape front-ends and tools rely on; newsroom only."""

import pytest

from tests.factories import ArticleFactory, PersonFactory

BODY = [
    {"type": "intertitle", "text": "Le conseil municipal"},
    {
        "type": "paragraph",
        "html": "«Nous ne céderons rien», a déclaré jeudi la maire de Nantes, Anne Dupuis.",
    },
    {"type": "photo", "photo": 1},
    {"type": "paragraph", "html": "«Le budget est tenu», a-t-elle ajouté."},
]
URL = "/api/v1/quotes/suggestions/"


def test_suggestions_answer_in_the_agreed_shape_in_reading_order(db, journalist, as_user):
    PersonFactory(name="Anne Dupuis", slug="anne-dupuis")
    response = as_user(journalist).post(URL, {"body": BODY}, format="json")

    assert response.status_code == 200, response.content
    assert response.json() == {
        "suggestions": [
            {
                "text": "Nous ne céderons rien",
                "speaker": "Anne Dupuis",
                "person": "anne-dupuis",
                "role": "maire de Nantes",
                "kind": "full",
                "block": 1,
            },
            {
                "text": "Le budget est tenu",
                "speaker": "Anne Dupuis",
                "person": "anne-dupuis",
                "role": "maire de Nantes",
                "kind": "full",
                "block": 3,
            },
        ]
    }


def test_a_speaker_known_by_an_alias_is_matched_to_the_person(db, journalist, as_user):
    PersonFactory(name="Vladimir Poutine", slug="vladimir-poutine", aliases=["Poutine"])
    body = [{"type": "paragraph", "html": "«La Russie tiendra», a affirmé Poutine."}]
    found = as_user(journalist).post(URL, {"body": body}, format="json").json()["suggestions"]
    assert [(s["speaker"], s["person"]) for s in found] == [("Poutine", "vladimir-poutine")]


def test_an_unknown_speaker_is_proposed_without_a_person(db, journalist, as_user):
    body = [{"type": "paragraph", "html": "«C’est un tournant», estime Léa Morel."}]
    found = as_user(journalist).post(URL, {"body": body}, format="json").json()["suggestions"]
    assert [(s["speaker"], s["person"]) for s in found] == [("Léa Morel", None)]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"body": "du texte"}, "body"),
        ({"body": [{"type": "paragraphe", "html": "x"}]}, "body"),
        ({"body": [{"type": "paragraph"}]}, "body"),
        ({"body": [{"type": "paragraph", "html": 12}]}, "body"),
        ({}, "body"),
        ({"body": [], "langue": "fr"}, "langue"),
    ],
)
def test_a_malformed_body_is_a_400_naming_the_problem(db, journalist, as_user, payload, field):
    response = as_user(journalist).post(URL, payload, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_malformed_json_is_a_400(db, journalist, as_user):
    response = as_user(journalist).generic(
        "POST", URL, '{"body": [', content_type="application/json"
    )
    assert response.status_code == 400


@pytest.mark.parametrize("role", [None, "reader"])
def test_suggestions_are_refused_without_a_newsroom_token(db, make_user, as_user, role):
    client = as_user(make_user(None) if role else None)
    response = client.post(URL, {"body": BODY}, format="json")
    assert response.status_code == 403
    assert "newsroom" in response.json()["detail"] or "rédaction" in response.json()["detail"]


def test_stored_article_suggestions_match_those_of_its_body(db, journalist, as_user):
    article = ArticleFactory(slug="conseil", body=[BODY[1], BODY[3]])
    client = as_user(journalist)
    stored = client.get(f"/api/v1/articles/{article.slug}/quote-suggestions/")
    posted = client.post(URL, {"body": article.body}, format="json")
    assert stored.status_code == 200, stored.content
    assert stored.json() == posted.json()
    assert len(stored.json()["suggestions"]) == 2


def test_stored_article_suggestions_are_refused_to_the_public(api, make_published):
    make_published(slug="publie", body=BODY)
    assert api.get("/api/v1/articles/publie/quote-suggestions/").status_code == 403


ODD_BODIES = [
    [{"type": "paragraph", "html": "«"}],
    [{"type": "paragraph", "html": "»"}],
    [{"type": "paragraph", "html": "«««« a dit »»»» »"}],
    [
        {
            "type": "paragraph",
            "html": "“«”»“ «",
        },
        {"type": "paragraph", "html": "«"},
    ],
    [{"type": "paragraph", "html": "Rien."}, {"type": "intertitle", "text": "«Titre»"}],
    [{"type": "paragraph", "html": "«Sans fin, a déclaré M."}],
    [{"type": "paragraph", "html": "a-t-il ajouté «» selon , pour : «"}],
    [{"type": "paragraph", "html": "«" + "mot " * 3000 + "», a dit Jean Dupont."}],
    [{"type": "paragraph", "html": "<em>«Des</em> mots<strong>»</strong>, a dit Mme."}],
]


@pytest.mark.parametrize("blocks", ODD_BODIES)
def test_odd_text_gets_an_answer_never_an_error(db, journalist, as_user, blocks):
    response = as_user(journalist).post(URL, {"body": blocks}, format="json")
    assert response.status_code == 200, response.content
    assert isinstance(response.json()["suggestions"], list)
