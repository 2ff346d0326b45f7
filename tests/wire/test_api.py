"""POST /api/v1/wire/: the newsroom sends items; each gets its own result."""

import json

import pytest
from rest_framework.authtoken.models import Token

from articles.models import Article
from tests.wire.conftest import SAMPLES
from wire.account import wire_user

URL = "/api/v1/wire/"


def ninjs_item(**changes) -> dict:
    data = json.loads((SAMPLES / "ninjs2-fr.json").read_text())
    data.pop("associations")
    return {**data, **changes}


@pytest.mark.parametrize("role", [None, "journalist", "archivist"])
def test_only_editors_and_the_wire_account_may_send_items(role, make_user, as_user):
    response = as_user(make_user(role)).post(URL, {"items": [ninjs_item()]}, format="json")

    assert response.status_code == 403
    assert Article.objects.count() == 0


def test_anonymous_senders_are_refused(api, db):
    response = api.post(URL, {"items": [ninjs_item()]}, format="json")

    assert response.status_code == 403
    assert Article.objects.count() == 0


def test_each_item_gets_its_result_and_the_good_ones_go_in(editor, as_user):
    newsml = (SAMPLES / "afp-newsml-g2.xml").read_text()
    items = [ninjs_item(), {"uri": "urn:x:vide"}, newsml, ninjs_item()]

    response = as_user(editor).post(URL, {"items": items}, format="json")

    assert response.status_code == 200
    results = response.json()["results"]
    assert [(r["source"], r["outcome"]) for r in results] == [
        ("items#1", "created"),
        ("items#2", "refused"),
        ("items#3", "created"),
        ("items#4", "unchanged"),
    ]
    assert results[1]["reason"] == "La dépêche n’a pas de titre."
    assert results[0]["article"] == Article.objects.get(headline__startswith="Budget").slug
    assert results[2]["guid"] == "urn:newsml:afp.com:20241113:KN-ENGAGES-1"
    assert Article.objects.filter(status="draft").count() == 2


def test_a_relative_photo_sent_through_the_api_is_refused_with_its_reason(editor, as_user):
    item = json.loads((SAMPLES / "ninjs2-fr.json").read_text())

    response = as_user(editor).post(URL, {"items": [item]}, format="json")

    result = response.json()["results"][0]
    assert result["outcome"] == "created"
    assert result["warnings"] == [
        "La photo photos/hemicycle.jpg est un chemin relatif, mais la dépêche n’a pas été lue "
        "dans un dossier : importez-la avec ses fichiers (manage.py import_wire)."
    ]


def test_the_wire_account_imports_in_its_own_name(as_user, db):
    user = wire_user()
    Token.objects.create(user=user)

    response = as_user(user).post(URL, {"items": [ninjs_item()]}, format="json")

    assert response.json()["results"][0]["outcome"] == "created"
    article = Article.objects.get()
    assert article.revisions.get().created_by == user
    assert list(article.bylines.values_list("person__name", flat=True)) == [
        "Jean Martin",
        "Léa Durand",
    ]


@pytest.mark.parametrize(
    "body",
    [
        '{"items": [',
        '{"items": []}',
        '{"items": {"uri": "x"}}',
        '{"entries": []}',
        "[]",
    ],
)
def test_a_request_that_is_malformed_as_a_whole_is_a_400_and_changes_nothing(body, editor, as_user):
    response = as_user(editor).post(URL, body, content_type="application/json")

    assert response.status_code == 400
    assert Article.objects.count() == 0


def test_more_items_than_a_request_may_carry_is_a_400_naming_the_field(editor, as_user):
    response = as_user(editor).post(URL, {"items": [ninjs_item()] * 201}, format="json")

    assert response.status_code == 400
    assert "items" in response.json()
    assert Article.objects.count() == 0


@pytest.mark.parametrize("bad", ["\x00", "\ud800"])
def test_an_item_holding_a_character_no_text_may_hold_is_refused(bad, editor, as_user):
    items = [ninjs_item(headlines=[{"value": f"Titre{bad}"}]), ninjs_item(uri=f"urn:x:{bad}")]

    response = as_user(editor).post(
        URL, json.dumps({"items": items}), content_type="application/json"
    )

    assert response.status_code == 200
    assert [r["outcome"] for r in response.json()["results"]] == ["refused", "refused"]
    assert Article.objects.count() == 0
