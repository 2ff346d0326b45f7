"""Input no code expects (nesting, NUL, forged cursors, odd offsets) is a 400 naming what
is wrong, never a 500, and the database is as it was."""

import base64
import json
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


def send(client, method, url, payload):
    """``payload`` as JSON with every non-ASCII character escaped, so that lone surrogates
    (``\\ud800``) travel as a client would send them."""
    return client.generic(
        method.upper(),
        url,
        json.dumps(payload),
        content_type="application/json",
        HTTP_IF_MATCH="*",
    )


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


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ({"type": "intertitle", "text": "Inter\x00titre"}, "Block 1: text holds a NUL character."),
        (
            {"type": "photo", "photo": 1, "caption": "Légende\x00"},
            "Block 1: caption holds a NUL character.",
        ),
        (
            {"type": "embed", "url": "https://example.org/\x00"},
            "Block 1: url holds a NUL character.",
        ),
        ({"type": "paragraph", "html": "Texte\x00"}, "Block 1: html holds a NUL character."),
        (
            {"type": "paragraph", "html": "Texte \ud800"},
            "Block 1: html holds a lone surrogate (\\ud800), which is no character.",
        ),
        (
            {"type": "intertitle", "text": "\udfff"},
            "Block 1: text holds a lone surrogate (\\udfff), which is no character.",
        ),
        (
            {"type": "photo", "photo": 1, "caption": "\ud800"},
            "Block 1: caption holds a lone surrogate (\\ud800), which is no character.",
        ),
        ({"type": "quote", "quote": 2**70}, "Block 1: quote must be a positive integer id."),
        ({"type": "photo", "photo": 2**63}, "Block 1: photo must be a positive integer id."),
        ({"type": "related", "article": 2**70}, "Block 1: article must be a positive integer id."),
    ],
)
@pytest.mark.parametrize("url", ["/api/v1/articles/", "/api/v1/quotes/suggestions/"])
def test_a_body_block_with_nul_a_lone_surrogate_or_an_id_past_bigint_is_a_400(
    editor, as_user, block, message, url
):
    payload = {**GOOD, "body": [block]} if url == "/api/v1/articles/" else {"body": [block]}
    response = send(as_user(editor), "post", url, payload)
    assert response.status_code == 400, response.content
    assert response.json() == {"body": [message]}
    assert Article.objects.count() == 0
    assert Revision.objects.count() == 0


WRITES = {
    "article": ("post", "/api/v1/articles/", GOOD),
    "person": ("post", "/api/v1/people/", {"name": "Paul Durand", "slug": "paul-durand"}),
    "quote": ("post", "/api/v1/quotes/", {"text": "Mots."}),
    "photo": ("patch", "/api/v1/photos/{photo}/", {}),
    "correction": ("post", "/api/v1/articles/papier/corrections/", {}),
}
TEXT_FIELDS = {
    "article": [
        "slug",
        "kicker",
        "headline",
        "standfirst",
        "lead_photo_caption",
        "signature",
        "seo_title",
        "seo_description",
        "language",
    ],
    "person": ["name", "slug", "description", "wikidata_id"],
    "quote": ["text", "organisation", "document", "role", "context"],
    "photo": [
        "caption",
        "credit",
        "creator",
        "copyright_notice",
        "source",
        "place",
        "alt_text",
        "usage_terms",
    ],
    "correction": ["text"],
}


@pytest.mark.parametrize("text", ["\x00", "\ud800"])
@pytest.mark.parametrize(
    ("resource", "field"), [(r, f) for r, fields in TEXT_FIELDS.items() for f in fields]
)
def test_nul_or_a_lone_surrogate_in_any_text_field_is_a_400_naming_it(
    editor, as_user, article, resource, field, text
):
    method, url, good = WRITES[resource]
    url = url.format(photo=article.lead_photo_id)
    response = send(as_user(editor), method, url, {**good, field: f"a{text}b"})
    assert response.status_code == 400, response.content
    assert list(response.json()) == [field]


@pytest.mark.parametrize("text", ["\x00", "\ud800"])
def test_nul_or_a_lone_surrogate_in_an_alias_is_a_400_naming_aliases(editor, as_user, text):
    person = {"name": "Paul Durand", "slug": "paul-durand", "aliases": [f"Du{text}rand"]}
    response = send(as_user(editor), "post", "/api/v1/people/", person)
    assert response.status_code == 400, response.content
    assert list(response.json()) == ["aliases"]


def test_a_body_is_measured_in_characters_not_bytes(editor, as_user):
    """245,000 characters, 735,000 bytes in UTF-8: within MAX_BODY_CHARS (500,000)."""
    paragraphs = [{"type": "paragraph", "html": "’" * 18_800} for _ in range(13)]
    response = as_user(editor).post(
        "/api/v1/articles/", {**GOOD, "body": paragraphs}, format="json"
    )
    assert response.status_code == 201, response.content[:300]
    assert len(Article.objects.get().body_text) == 13 * 18_800 + 12 * 2


def test_a_body_over_max_body_chars_characters_is_a_400(editor, as_user, settings):
    settings.MAX_BODY_CHARS = 1000
    paragraphs = [{"type": "paragraph", "html": "e" * 1000}]
    response = as_user(editor).post(
        "/api/v1/articles/", {**GOOD, "body": paragraphs}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"body": ["The body is too long: at most 1000 characters."]}
    assert Article.objects.count() == 0


@pytest.mark.parametrize("url", ["/api/v1/articles/", "/api/v1/auth/token/"])
def test_a_request_body_over_the_upload_limit_is_a_json_400(editor, as_user, settings, url):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    payload = {**GOOD, "body": [{"type": "paragraph", "html": "x" * 10_000}]}
    response = as_user(editor).post(url, payload, format="json")
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/json"
    assert response.json() == {"detail": "The request body is too large: at most 10000 bytes."}
    assert Article.objects.count() == 0


def test_a_form_with_too_many_fields_is_a_json_400(db, api, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    form = "&".join(f"f{n}=x" for n in range(20))
    response = api.generic(
        "POST", "/api/v1/auth/token/", form, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "The request has too many fields: at most 10."}


UNCLOSED_TAG = "x <img src=x onerror=alert(1) "


@pytest.mark.parametrize(
    ("resource", "field"), [(r, f) for r, fields in TEXT_FIELDS.items() for f in fields]
)
def test_an_unclosed_tag_in_any_text_field_is_a_400_naming_it(
    editor, as_user, article, resource, field
):
    method, url, good = WRITES[resource]
    url = url.format(photo=article.lead_photo_id)
    response = send(as_user(editor), method, url, {**good, field: UNCLOSED_TAG})
    assert response.status_code == 400, response.content
    assert list(response.json()) == [field]


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ({"type": "intertitle", "text": UNCLOSED_TAG}, "an intertitle is plain text"),
        ({"type": "photo", "photo": 1, "caption": "fin </i"}, "a caption is plain text"),
    ],
)
def test_an_unclosed_tag_in_an_intertitle_or_a_caption_is_a_400(editor, as_user, block, message):
    response = send(as_user(editor), "post", "/api/v1/articles/", {**GOOD, "body": [block]})
    assert response.status_code == 400
    assert message in response.json()["body"][0]


def test_a_less_than_sign_in_plain_text_is_kept(editor, as_user):
    text = "Si 3 < 5, alors <3"
    body = [{"type": "intertitle", "text": text}]
    response = send(
        as_user(editor), "post", "/api/v1/articles/", {**GOOD, "headline": text, "body": body}
    )
    assert response.status_code == 201, response.content
    assert (response.json()["headline"], response.json()["body"]) == (text, body)


def test_the_person_api_refuses_markup_in_a_name(editor, as_user):
    person = {"name": "Paul <b", "slug": "paul"}
    response = send(as_user(editor), "post", "/api/v1/people/", person)
    assert response.json() == {"name": ["HTML is not allowed here: remove the tags (<b)."]}
    assert not Person.objects.filter(slug="paul").exists()


def test_a_time_before_paris_had_whole_minute_offsets_is_answered_in_utc(editor, as_user):
    """Found by schemathesis: Paris local mean time (+00:09:21) is no RFC 3339 offset."""
    response = as_user(editor).post(
        "/api/v1/articles/",
        {**GOOD, "embargo_until": "0222-10-06T01:50:30Z"},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["embargo_until"] == "0222-10-06T01:50:30Z"
