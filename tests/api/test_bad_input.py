"""Input no code expects (nesting, NUL, forged cursors, odd offsets) is a 400 naming what
is wrong, never a 500, and the database is as it was."""

import base64
from urllib import parse

import pytest

from articles.models import Article, Person, Revision

GOOD = {
    "slug": "un-papier",
    "headline": "Un papier",
    "body": [{"type": "paragraph", "html": "Texte."}],
}


@pytest.fixture(autouse=True)
def in_english(settings):
    settings.LANGUAGE_CODE = "en"


def deeply_nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("url", ["/api/v1/articles/", "/api/v1/auth/token/"])
def test_json_nested_100000_deep_is_a_400(editor, as_user, url):
    response = as_user(editor).generic(
        "POST", url, deeply_nested(100_000), content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "JSON nested too deeply: at most 64 levels."}
    assert Article.objects.count() == 0


def test_json_65_levels_deep_is_a_400_and_64_is_read(editor, as_user):
    client = as_user(editor)
    too_deep = f'{{"slug": "un-papier", "body": {deeply_nested(64)}}}'
    response = client.generic(
        "POST", "/api/v1/articles/", too_deep, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "JSON nested too deeply: at most 64 levels."}

    deep_enough = f'{{"slug": "un-papier", "body": {deeply_nested(63)}}}'
    response = client.generic(
        "POST", "/api/v1/articles/", deep_enough, content_type="application/json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["headline", "body"]  # read, then refused field by field
    assert Article.objects.count() == 0
    assert Revision.objects.count() == 0


def test_brackets_inside_strings_are_not_nesting(editor, as_user):
    headline = "[" * 100 + '\\"{' * 50
    payload = f'{{"slug": "un-papier", "headline": "{headline}", "body": []}}'
    response = as_user(editor).generic(
        "POST", "/api/v1/articles/", payload, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["headline"] == "[" * 100 + '"{' * 50


def in_place(url, article):
    """``url`` with the dossier and the person of ``article`` (tests/api/conftest.py)."""
    dossier = article.dossiers.get().slug
    paul = Person.objects.get(name="Paul").slug
    return url.replace("sujet", dossier).replace("paul", paul)


ARTICLE_FILTERS = [
    "section",
    "tag",
    "dossier",
    "author",
    "person",
    "published_from",
    "published_to",
    "premium",
    "q",
    "cursor",
    "page_size",
]
LISTS = {
    "/api/v1/articles/": ARTICLE_FILTERS,
    "/api/v1/dossiers/sujet/articles/": ARTICLE_FILTERS,
    "/api/v1/dossiers/sujet/months/": [
        p for p in ARTICLE_FILTERS if p not in ("q", "cursor", "page_size")
    ],
    "/api/v1/quotes/": [
        "person",
        "article",
        "dossier",
        "kind",
        "said_from",
        "said_to",
        "q",
        "cursor",
        "page_size",
    ],
    "/api/v1/people/": ["cursor", "page_size"],
    "/api/v1/people/paul/quotes/": ["cursor", "page_size"],
    "/api/v1/people/paul/articles/": ["cursor", "page_size"],
    "/api/v1/tags/": ["kind", "cursor", "page_size"],
    "/api/v1/dossiers/": ["cursor", "page_size"],
}


@pytest.mark.parametrize(("url", "parameter"), [(url, p) for url, ps in LISTS.items() for p in ps])
def test_nul_in_a_query_parameter_is_a_400_naming_it(api, article, url, parameter):
    response = api.get(f"{in_place(url, article)}?{parameter}=%00")
    assert response.status_code == 400, response.content
    assert list(response.json()) == [parameter]


def cursor(text: str) -> str:
    return parse.quote(base64.b64encode(text.encode()).decode())


FORGED_POSITIONS = {
    "/api/v1/quotes/": "p=x",  # by the day said
    "/api/v1/people/paul/quotes/": "p=2024-02-30",
    "/api/v1/articles/": "p=2024-11-13+09:07:00%2B16:00",  # by the time published
    "/api/v1/people/paul/articles/": "p=x",
    "/api/v1/dossiers/sujet/articles/": "p=x",
    "/api/v1/people/": "p=%00",  # by slug
    "/api/v1/tags/": "p=%00",
    "/api/v1/dossiers/": "p=%00",
}


@pytest.mark.parametrize(("url", "position"), FORGED_POSITIONS.items())
def test_a_cursor_at_a_position_its_order_cannot_take_is_a_400(api, article, url, position):
    response = api.get(f"{in_place(url, article)}?cursor={cursor(position)}")
    assert response.status_code == 400, response.content
    assert response.json() == {
        "cursor": ["This cursor is not valid; use the next or previous link as given."]
    }


@pytest.mark.parametrize("text", ["", "o=5000", "o=1&r=1&p=2024-11-13&x=1", "p=a&p=b"])
def test_a_cursor_that_was_never_given_is_a_400(api, article, text):
    response = api.get(f"/api/v1/quotes/?cursor={cursor(text) or '%00'}")
    assert response.status_code == 400, response.content
    assert list(response.json()) == ["cursor"]


def test_cursors_as_given_still_page(api, article):
    response = api.get(f"/api/v1/quotes/?cursor={cursor('p=2024-11-13')}")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/articles/", "published_from"),
        ("/api/v1/articles/", "published_to"),
        ("/api/v1/dossiers/sujet/articles/", "published_from"),
        ("/api/v1/dossiers/sujet/months/", "published_to"),
    ],
)
@pytest.mark.parametrize("offset", ["%2B16:00", "-16:00", "%2B15:60"])
def test_a_utc_offset_beyond_15_59_is_a_400_naming_the_parameter(
    api, article, url, parameter, offset
):
    response = api.get(f"{in_place(url, article)}?{parameter}=2024-11-13T09:07:00{offset}")
    assert response.status_code == 400, response.content
    assert list(response.json()) == [parameter]


def test_a_utc_offset_of_15_59_is_taken(api, article):
    response = api.get("/api/v1/articles/?published_from=2000-11-13T09:07:00%2B15:59")
    assert response.status_code == 200
    assert [found["slug"] for found in response.json()["results"]] == ["papier"]
