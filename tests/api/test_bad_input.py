"""Input no code expects (nesting, NUL, forged cursors, odd offsets) is a 400 naming what
is wrong, never a 500, and the database is as it was."""

import pytest

from articles.models import Article, Revision

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
