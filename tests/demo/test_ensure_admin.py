import pytest
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

User = get_user_model()


@pytest.fixture(autouse=True)
def environment(monkeypatch, settings):
    monkeypatch.delenv("NEWSROOM_ADMIN_USER", raising=False)
    monkeypatch.delenv("NEWSROOM_ADMIN_PASSWORD", raising=False)
    monkeypatch.setenv("PORT", "8123")
    settings.DEBUG = True


def test_creates_a_superuser_once_then_reuses_it(db, run):
    first = run("ensure_admin")
    second = run("ensure_admin")

    admin = User.objects.get()
    assert (admin.username, admin.is_superuser, admin.is_staff) == ("admin", True, True)
    assert admin.check_password("admin") is True
    assert first == "Admin: http://127.0.0.1:8123/admin/ — user admin, password admin\n"
    assert second == "Admin: http://127.0.0.1:8123/admin/ — user admin, password unchanged\n"


def test_existing_admin_keeps_its_password(db, run, monkeypatch):
    User.objects.create_superuser("admin", password="s3cret-pass")
    monkeypatch.setenv("NEWSROOM_ADMIN_PASSWORD", "another-pass")

    run("ensure_admin")

    assert User.objects.get().check_password("s3cret-pass") is True


def test_name_and_password_come_from_the_environment_and_the_password_is_not_printed(
    db, run, monkeypatch
):
    monkeypatch.setenv("NEWSROOM_ADMIN_USER", "chef")
    monkeypatch.setenv("NEWSROOM_ADMIN_PASSWORD", "long-secret-42")

    output = run("ensure_admin")

    assert User.objects.get(username="chef").check_password("long-secret-42") is True
    assert "long-secret-42" not in output
    assert "user chef, password from NEWSROOM_ADMIN_PASSWORD" in output


def test_default_password_is_refused_without_debug(db, run, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="NEWSROOM_ADMIN_PASSWORD"):
        run("ensure_admin")
    assert User.objects.exists() is False


def test_an_existing_user_who_is_not_a_superuser_is_not_promoted(db, run):
    User.objects.create_user("admin", password="x-pass-123")
    with pytest.raises(CommandError, match="not a superuser"):
        run("ensure_admin")
    assert User.objects.get().is_superuser is False
