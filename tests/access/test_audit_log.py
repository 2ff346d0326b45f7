"""The audit log records logins (and failures), publications, withdrawals and changes of
rights, from every door; editors read it in the admin, nobody changes it."""

import datetime as dt
import io

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from rest_framework.test import APIClient

from accounts.models import AuditEntry
from articles import workflow
from tests.factories import ArticleFactory

RIGHT = "motdepasse-solide-42"


@pytest.fixture(autouse=True)
def no_token_throttle_left():
    cache.clear()
    yield
    cache.clear()


def entries():
    return list(
        AuditEntry.objects.order_by("pk").values_list("action", "username", "address", "subject")
    )


def test_an_admin_login_and_a_failed_one_are_logged(journalist):
    Client().post("/admin/login/", {"username": journalist.username, "password": "devinette"})
    Client().post("/admin/login/", {"username": journalist.username, "password": RIGHT})
    assert entries() == [
        ("login_failed", journalist.username, "127.0.0.1", ""),
        ("login", journalist.username, "127.0.0.1", ""),
    ]
    assert AuditEntry.objects.get(action="login").by == journalist


def test_a_token_login_and_a_failed_one_are_logged_with_the_client_address(journalist, settings):
    settings.TRUSTED_PROXIES = 1
    data = {"username": "inconnu", "password": "devinette"}
    APIClient().post("/api/v1/auth/token/", data, HTTP_X_FORWARDED_FOR="203.0.113.5")
    data = {"username": journalist.username, "password": RIGHT}
    APIClient().post("/api/v1/auth/token/", data, HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert entries() == [
        ("login_failed", "inconnu", "203.0.113.5", ""),
        ("login", journalist.username, "203.0.113.6", ""),
    ]


def test_a_publication_and_a_withdrawal_are_logged(editor, now):
    article = ArticleFactory(headline="Le titre")
    workflow.publish(article, by=editor, at=now)
    workflow.withdraw(article, by=editor, at=now + dt.timedelta(minutes=5))
    logged = list(AuditEntry.objects.order_by("pk").values_list("action", "by", "at", "subject"))
    assert logged == [
        ("publish", editor.pk, now, str(article)),
        ("withdraw", editor.pk, now + dt.timedelta(minutes=5), str(article)),
    ]


def test_a_publication_through_the_api_is_logged_once(editor, as_user):
    article = ArticleFactory()
    response = as_user(editor).post(
        f"/api/v1/articles/{article.slug}/publish/",
        HTTP_IF_MATCH=f'"{article.public_id}-{article.version}"',
    )
    assert response.status_code == 200
    assert list(AuditEntry.objects.values_list("action", "by")) == [("publish", editor.pk)]


def test_an_editor_reads_the_audit_log_in_the_admin(client, editor, journalist):
    workflow.publish(ArticleFactory(headline="Titre publié"), by=editor)
    client.force_login(editor)
    page = client.get("/admin/accounts/auditentry/")
    assert page.status_code == 200
    assert "Titre publié" in page.content.decode()
    assert "<h1>Sélectionnez l’objet entrée du journal d’audit à afficher</h1>" in (
        page.content.decode()
    )
    entry = AuditEntry.objects.get(action="publish")
    assert client.get(f"/admin/accounts/auditentry/{entry.pk}/change/").status_code == 200


def test_nobody_changes_or_deletes_the_audit_log(client, admin_user, editor):
    workflow.publish(ArticleFactory(), by=editor)
    entry = AuditEntry.objects.get(action="publish")
    client.force_login(admin_user)
    assert client.get("/admin/accounts/auditentry/add/").status_code == 403
    assert client.post(f"/admin/accounts/auditentry/{entry.pk}/delete/").status_code == 403
    assert (
        client.post(f"/admin/accounts/auditentry/{entry.pk}/change/", {"subject": "x"}).status_code
        == 403
    )
    assert AuditEntry.objects.get(action="publish").subject == entry.subject


def test_a_journalist_may_not_read_the_audit_log(client, journalist):
    client.force_login(journalist)
    assert client.get("/admin/accounts/auditentry/").status_code == 403


def test_a_role_given_in_the_admin_is_logged_with_who_gave_it(client, admin_user, make_user):
    reader = make_user(None, "lecteur")
    client.force_login(admin_user)
    editors = Group.objects.get(name="Éditeurs")
    response = client.post(
        f"/admin/auth/user/{reader.pk}/change/",
        {
            "username": "lecteur",
            "is_active": "on",
            "is_staff": "on",
            "groups": [editors.pk],
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
        },
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="permissions")
    assert (entry.by, entry.subject, entry.detail) == (
        admin_user,
        "lecteur",
        "is_active |  |  → is_active is_staff | Éditeurs | ",
    )


def test_a_role_s_permissions_changed_in_the_admin_are_logged(client, admin_user):
    client.force_login(admin_user)
    archivists = Group.objects.get(name="Archivistes")
    kept = list(archivists.permissions.exclude(codename="change_tag").values_list("pk", flat=True))
    response = client.post(
        f"/admin/auth/group/{archivists.pk}/change/", {"name": "Archivistes", "permissions": kept}
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="permissions")
    assert (entry.by, entry.subject) == (admin_user, "Archivistes")
    assert "change_tag" in entry.detail.split(" → ")[0]
    assert "change_tag" not in entry.detail.split(" → ")[1]


def test_an_account_made_by_the_command_is_logged(db):
    call_command("add_newsroom_user", "claire", "--role", "editor", stdout=io.StringIO())
    entry = AuditEntry.objects.get(action="permissions")
    assert (entry.by, entry.subject, entry.detail) == (None, "claire", "— → is_staff | Éditeurs")
