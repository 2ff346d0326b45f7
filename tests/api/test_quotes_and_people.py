"""Quotes as data through the API: who said what and when, filtered, paginated, public only."""

import datetime as dt

import pytest

from articles.models import Quote
from tests.factories import (
    ArticleFactory,
    DossierEntryFactory,
    PersonFactory,
    QuoteFactory,
    TagFactory,
)
from tests.visibility import HIDDEN_STATES, make_hidden


def texts(response):
    assert response.status_code == 200, response.content
    return [quote["text"] for quote in response.json()["results"]]


@pytest.fixture
def patel(db):
    return PersonFactory(name="Vedant Patel", slug="vedant-patel", aliases=["Patel"])


def quote(article, person, text, said_on=None, **fields):
    found = QuoteFactory(person=person, text=text, said_on=said_on, **fields)
    found.articles.add(article)
    return found


def test_person_resource_carries_public_quotes_newest_first_with_role_date_and_article(
    api, make_published, patel
):
    early = make_published(slug="debut-novembre")
    late = make_published(slug="fin-novembre")
    quote(early, patel, "Premiers mots.", dt.date(2024, 11, 2), role="porte-parole")
    quote(late, patel, "Derniers mots.", dt.date(2024, 11, 28), role="ancien porte-parole")
    quote(late, patel, "Mots sans date.")

    person = api.get("/api/v1/people/vedant-patel/").json()

    assert person["aliases"] == ["Patel"]
    said = [(q["text"], q["role"], q["said_on"]) for q in person["quotes"]["results"]]
    assert said == [
        ("Derniers mots.", "ancien porte-parole", "2024-11-28"),
        ("Premiers mots.", "porte-parole", "2024-11-02"),
        ("Mots sans date.", "porte-parole", None),  # undated quotes come last
    ]
    assert [a["slug"] for a in person["quotes"]["results"][0]["articles"]] == ["fin-novembre"]
    assert [a["slug"] for a in person["articles"]["results"]] == ["fin-novembre", "debut-novembre"]


def test_person_articles_include_articles_tagged_with_them(api, make_published, patel):
    tagged = make_published(slug="portrait")
    tagged.tags.add(TagFactory(kind="person", person=patel, name="Vedant Patel"))
    make_published(slug="sans-rapport")

    person = api.get("/api/v1/people/vedant-patel/").json()

    assert [a["slug"] for a in person["articles"]["results"]] == ["portrait"]
    assert person["quotes"]["results"] == []


def test_person_quotes_and_articles_page_on_through_their_next_links(api, make_published, patel):
    for day in range(1, 26):
        article = make_published(slug=f"jour-{day}")
        quote(article, patel, f"Mots du jour {day}.", dt.date(2024, 11, day))

    person = api.get("/api/v1/people/vedant-patel/").json()
    assert len(person["quotes"]["results"]) == 20
    assert "/api/v1/people/vedant-patel/quotes/?cursor=" in person["quotes"]["next"]
    assert "/api/v1/people/vedant-patel/articles/?cursor=" in person["articles"]["next"]

    rest = api.get(person["quotes"]["next"]).json()
    assert texts_of(rest) == [f"Mots du jour {day}." for day in range(5, 0, -1)]
    assert rest["next"] is None
    more_articles = api.get(person["articles"]["next"]).json()
    assert len(more_articles["results"]) == 5


def texts_of(page):
    return [quote["text"] for quote in page["results"]]


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_quotes_and_people_of_unpublished_articles_stay_private(api, now, patel, state):
    hidden = make_hidden(ArticleFactory(), state, now)
    quote(hidden, patel, "Mots d’un brouillon.", dt.date(2024, 11, 12))
    hidden.tags.add(TagFactory(kind="person", person=patel, name="Vedant Patel"))

    assert api.get("/api/v1/people/vedant-patel/").status_code == 404
    assert api.get("/api/v1/people/vedant-patel/quotes/").status_code == 404
    assert api.get("/api/v1/people/vedant-patel/articles/").status_code == 404
    assert texts(api.get("/api/v1/quotes/")) == []
    assert texts(api.get("/api/v1/quotes/?q=brouillon")) == []
    assert api.get("/api/v1/people/").json()["results"] == []


def test_public_person_shows_only_what_public_articles_carry(api, make_published, now, patel):
    quote(make_published(slug="publie"), patel, "Mots publiés.")
    hidden = make_hidden(ArticleFactory(slug="brouillon"), "scheduled", now)
    quote(hidden, patel, "Mots programmés.")
    hidden.tags.add(TagFactory(kind="person", person=patel, name="Vedant Patel"))

    person = api.get("/api/v1/people/vedant-patel/").json()

    assert texts_of(person["quotes"]) == ["Mots publiés."]
    assert [a["slug"] for a in person["articles"]["results"]] == ["publie"]
    assert texts(api.get("/api/v1/people/vedant-patel/quotes/")) == ["Mots publiés."]


def test_quotes_filter_by_person_article_dossier_dates_kind_and_words(api, make_published, patel):
    austin = PersonFactory(name="Lloyd Austin", slug="lloyd-austin")
    in_dossier = make_published(slug="dans-le-dossier")
    DossierEntryFactory(article=in_dossier, dossier__slug="guerre")
    elsewhere = make_published(slug="ailleurs")
    quote(in_dossier, patel, "Les soldats nord-coréens sont en Russie.", dt.date(2024, 11, 12))
    quote(elsewhere, patel, "Rien à ajouter.", dt.date(2024, 10, 3))
    quote(in_dossier, austin, "retirer ses troupes", dt.date(2024, 10, 30), kind="fragment")

    assert len(texts(api.get("/api/v1/quotes/?person=vedant-patel"))) == 2
    assert texts(api.get("/api/v1/quotes/?article=ailleurs")) == ["Rien à ajouter."]
    assert len(texts(api.get("/api/v1/quotes/?dossier=guerre"))) == 2
    november = "/api/v1/quotes/?person=vedant-patel&said_from=2024-11-01&said_to=2024-11-30"
    assert texts(api.get(november)) == ["Les soldats nord-coréens sont en Russie."]
    assert texts(api.get("/api/v1/quotes/?kind=fragment")) == ["retirer ses troupes"]
    # French, accents ignored: «coreens» finds «nord-coréens».
    found = api.get("/api/v1/quotes/?q=coreens&person=vedant-patel")
    assert texts(found) == ["Les soldats nord-coréens sont en Russie."]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("said_from=12-11-2024", "said_from"),
        ("said_to=2024-13-01", "said_to"),
        ("kind=citation", "kind"),
        ("person=personne-inconnue", "person"),
        ("article=pas-d-article", "article"),
        ("dossier=pas-de-dossier", "dossier"),
    ],
)
def test_bad_quote_filters_are_a_400_naming_them(api, db, query, field):
    response = api.get(f"/api/v1/quotes/?{query}")
    assert response.status_code == 400
    assert field in response.json()


def test_quote_said_by_an_organisation_from_a_document(api, make_published, editor, as_user):
    article = make_published(slug="communique")
    response = as_user(editor).post(
        "/api/v1/quotes/",
        {
            "text": "Aucune frappe n’a visé de civils.",
            "kind": "document",
            "organisation": "ministère des Armées",
            "document": "communiqué du 3 mars",
            "articles": ["communique"],
        },
        format="json",
    )
    assert response.status_code == 201, response.content

    listed = api.get("/api/v1/quotes/?article=communique").json()["results"][0]
    assert (listed["speaker"], listed["person"], listed["kind"], listed["document"]) == (
        "ministère des Armées",
        None,
        "document",
        "communiqué du 3 mars",
    )
    assert article.quotes.get().organisation == "ministère des Armées"


def test_unattributed_quote_is_accepted_and_shown_without_speaker(
    api, make_published, editor, as_user
):
    make_published(slug="anonyme")
    response = as_user(editor).post(
        "/api/v1/quotes/",
        {"text": "On ne lâchera rien.", "kind": "full", "articles": ["anonyme"]},
        format="json",
    )
    assert response.status_code == 201, response.content
    listed = api.get("/api/v1/quotes/").json()["results"][0]
    assert (listed["speaker"], listed["person"]) == ("", None)


def test_quote_said_by_both_a_person_and_an_organisation_is_refused(db, patel, editor, as_user):
    response = as_user(editor).post(
        "/api/v1/quotes/",
        {"text": "Mots.", "person": "vedant-patel", "organisation": "département d’Etat"},
        format="json",
    )
    assert response.status_code == 400
    assert "organisation" in response.json()
    assert not Quote.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"wikidata_id": "7747"}, "wikidata_id"),
        ({"wikidata_id": "Q7747; DROP"}, "wikidata_id"),
        ({"aliases": "Poutine"}, "aliases"),
        ({"aliases": ["<script>alert(1)</script>"]}, "aliases"),
    ],
)
def test_person_fields_are_checked(db, editor, as_user, fields, field):
    response = as_user(editor).post(
        "/api/v1/people/", {"name": "Vladimir Poutine", "slug": "poutine", **fields}, format="json"
    )
    assert response.status_code == 400
    assert field in response.json()


def test_two_people_cannot_share_a_wikidata_id(db, editor, as_user):
    PersonFactory(name="Vladimir Poutine", slug="vladimir-poutine", wikidata_id="Q7747")
    response = as_user(editor).post(
        "/api/v1/people/",
        {"name": "V. Poutine", "slug": "v-poutine", "wikidata_id": "Q7747"},
        format="json",
    )
    assert response.status_code == 400


def test_the_newsroom_reads_a_person_it_just_created_the_public_does_not(
    api, db, journalist, as_user
):
    client = as_user(journalist)
    created = client.post(
        "/api/v1/people/", {"name": "Léa Morel", "slug": "lea-morel"}, format="json"
    )
    assert created.status_code == 201, created.content

    assert client.get("/api/v1/people/lea-morel/").json()["name"] == "Léa Morel"
    assert api.get("/api/v1/people/lea-morel/").status_code == 404
