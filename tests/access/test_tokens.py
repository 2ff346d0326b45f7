"""An API token is rotated or revoked on demand (by its holder through the API, by an
administrator in the admin), and dies with the account's right to hold one."""

import pytest
from django.contrib.auth.models import Group
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.models import AuditEntry


def with_token(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def can_write(key) -> int:
    return (
        with_token(key)
        .post("/api/v1/people/", {"slug": "q", "name": "Q"}, format="json")
        .status_code
    )


def test_rotating_gives_a_new_token_and_kills_the_old_one(editor):
    old = editor.auth_token.key
    response = with_token(old).post("/api/v1/auth/token/rotate/")
    assert response.status_code == 200
    new = response.json()["token"]
    assert new != old
    assert Token.objects.get(user=editor).key == new
    assert can_write(old) == 401
    assert can_write(new) == 201
    assert AuditEntry.objects.get(action="token_rotated").by == editor


def test_revoking_kills_the_token(editor):
    key = editor.auth_token.key
    assert with_token(key).post("/api/v1/auth/token/revoke/").status_code == 204
    assert Token.objects.filter(user=editor).exists() is False
    assert can_write(key) == 401
    assert AuditEntry.objects.get(action="token_revoked").by == editor


def test_rotating_or_revoking_needs_a_login(db):
    assert APIClient().post("/api/v1/auth/token/rotate/").status_code == 401
    assert APIClient().post("/api/v1/auth/token/revoke/").status_code == 401


@pytest.mark.parametrize(("action", "left"), [("rotate_token", True), ("revoke_token", False)])
def test_an_administrator_rotates_or_revokes_tokens_in_the_admin(
    client, admin_user, journalist, action, left
):
    old = journalist.auth_token.key
    client.force_login(admin_user)
    response = client.post(
        "/admin/auth/user/", {"action": action, "_selected_action": [journalist.pk]}
    )
    assert response.status_code == 302
    assert Token.objects.filter(user=journalist).exists() is left
    assert Token.objects.filter(key=old).exists() is False


def test_a_deactivated_account_loses_its_token(journalist):
    key = journalist.auth_token.key
    journalist.is_active = False
    journalist.save()
    assert Token.objects.filter(key=key).exists() is False


def test_an_account_leaving_its_newsroom_group_loses_its_token(journalist):
    journalist.groups.remove(Group.objects.get(name="Journalistes"))
    assert Token.objects.filter(user=journalist).exists() is False


def test_an_account_removed_from_the_group_by_the_group_loses_its_token(journalist, editor):
    Group.objects.get(name="Journalistes").user_set.clear()
    assert Token.objects.filter(user=journalist).exists() is False
    assert Token.objects.filter(user=editor).exists() is True


def test_an_account_deactivated_in_the_admin_loses_its_token(client, admin_user, journalist):
    client.force_login(admin_user)
    response = client.post(
        f"/admin/auth/user/{journalist.pk}/change/",
        {
            "username": journalist.username,
            "is_staff": "on",
            "groups": [],
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
        },
    )
    assert response.status_code == 302
    assert Token.objects.filter(user=journalist).exists() is False
    entry = AuditEntry.objects.get(action="permissions")
    assert entry.by == admin_user
    assert entry.detail == "is_active is_staff | Journalistes |  → is_staff |  | "
