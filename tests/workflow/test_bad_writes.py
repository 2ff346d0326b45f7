"""A bad write is a 400 that says what is wrong, and the database is as it was."""

import pytest

from articles.models import Article, Revision
from tests.factories import ArticleFactory, SectionFactory

GOOD = {
    "slug": "un-papier",
    "headline": "Un papier",
    "body": [{"type": "paragraph", "html": "Texte."}],
}


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"headline": 42}, "headline", None),
        ({"headline": ["liste"]}, "headline", None),
        ({"is_premium": "peut-être"}, "is_premium", None),
        ({"embargo_until": "demain"}, "embargo_until", None),
        ({"section": "no-such-section"}, "section", None),
        ({"tags": [999999]}, "tags", None),
        ({"colour": "rouge"}, "colour", "Unknown field."),
        ({"status": "published"}, "status", "This field is read-only."),
        ({"published_at": "2024-11-13T09:07:00+01:00"}, "published_at", "This field is read-only."),
        ({"version": 99}, "version", "This field is read-only."),
        ({"id": "2b1c6f0e-1111-4c1a-9c1a-111111111111"}, "id", "This field is read-only."),
        ({"headline": "Titre <script>alert(1)</script>"}, "headline", "HTML is not allowed"),
        ({"standfirst": "<img src=x onerror=alert(1)>"}, "standfirst", "HTML is not allowed"),
        ({"body": "pas une liste"}, "body", "list of blocks"),
        ({"body": [{"type": "video"}]}, "body", "unknown block type"),
        ({"body": [{"type": "paragraph"}]}, "body", "missing field"),
        ({"body": [{"type": "quote", "quote": 123456}]}, "body", "does not exist"),
        ({"body": [{"type": "embed", "url": "javascript:alert(1)"}]}, "body", "http(s) URL"),
        ({"body": [{"type": "paragraph", "html": "x" * 600_000}]}, "body", "too long"),
        (
            {"body": [{"type": "paragraph", "html": "Bonjour <script>alert(1)</script>"}]},
            "body",
            "Block 1: scripts and active content are not allowed: remove <script>.",
        ),
        (
            {"body": [{"type": "paragraph", "html": '<a href="#" onclick="steal()">lien</a>'}]},
            "body",
            "remove onclick=…",
        ),
        (
            {"body": [{"type": "paragraph", "html": '<a href="jav&#x61;script:alert(1)">x</a>'}]},
            "body",
            'remove href="javascript:alert(1)"',
        ),
        (
            {"body": [{"type": "photo", "photo": 1, "caption": "<b>Légende</b>"}]},
            "body",
            "a caption is plain text",
        ),
    ],
)
def test_bad_article_write_is_a_400_naming_the_field_and_saves_nothing(
    editor, as_user, change, field, message, settings
):
    settings.LANGUAGE_CODE = "en"
    response = as_user(editor).post(
        "/api/v1/articles/", {**GOOD, **change}, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400, response.content
    errors = response.json()
    assert field in errors
    if message:
        assert message in " ".join(map(str, errors[field]))
    assert Article.objects.count() == 0
    assert Revision.objects.count() == 0


def test_malformed_json_is_a_400(editor, as_user, db):
    response = as_user(editor).generic(
        "POST", "/api/v1/articles/", '{"headline": "x",', content_type="application/json"
    )
    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]
    assert Article.objects.count() == 0


def test_formatting_outside_the_allow_list_is_cleaned_and_the_text_kept(editor, as_user, db):
    html = (
        'Bonjour <span style="color:red">le <b>monde</b></span>\u00a0! '
        '<a href="https://example.org" target="_blank">lien</a>'
    )
    body = [{"type": "paragraph", "html": html}]
    response = as_user(editor).post("/api/v1/articles/", {**GOOD, "body": body}, format="json")
    assert response.status_code == 201
    assert Article.objects.get().body == [
        {
            "type": "paragraph",
            "html": 'Bonjour le <b>monde</b>\u00a0! <a href="https://example.org">lien</a>',
        }
    ]


def test_a_refused_edit_leaves_the_article_unchanged(editor, as_user, db):
    article = ArticleFactory(headline="Titre", section=SectionFactory())
    client = as_user(editor)
    etag = client.get(f"/api/v1/articles/{article.slug}/").headers["ETag"]
    response = client.patch(
        f"/api/v1/articles/{article.slug}/",
        {"headline": "Nouveau titre", "tags": [424242]},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 400
    article.refresh_from_db()
    assert (article.headline, article.version) == ("Titre", 1)


def test_text_round_trips_byte_for_byte_through_the_api(editor, as_user, db):
    headline = "Guerre avec l’Ukraine\u00a0: des Nord-Coréens «engagés» […]"
    response = as_user(editor).post(
        "/api/v1/articles/", {**GOOD, "headline": headline}, format="json"
    )
    assert response.json()["headline"] == headline
    assert Article.objects.get().headline.encode() == headline.encode()
