"""Newsroom accounts: one command makes a working account for a role; the login page
says plainly when an account is not allowed in."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client

from articles.models import Person


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("role", "group"),
    [("journalist", "Journalistes"), ("editor", "Éditeurs"), ("archivist", "Archivistes")],
)
def test_add_newsroom_user_makes_an_account_that_logs_in_to_the_admin(db, role, group):
    printed = run("add_newsroom_user", "claire", "--role", role, "--name", "Claire Dupont")
    password = printed.rsplit("password ", 1)[1].strip()

    client = Client()
    assert client.login(username="claire", password=password)
    assert client.get("/admin/").status_code == 200
    user = get_user_model().objects.get(username="claire")
    assert [each.name for each in user.groups.all()] == [group]  # named in French
    assert Person.objects.get(user=user).name == "Claire Dupont"


def test_a_journalist_made_by_the_command_may_write_an_article(db):
    run("add_newsroom_user", "julie", "--role", "journalist", "--password", "motdepasse-42")
    client = Client()
    client.login(username="julie", password="motdepasse-42")
    assert client.get("/admin/articles/article/add/").status_code == 200


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--role", "stagiaire"], "invalid choice"), (["--role", "editor"], "existe déjà")],
)
def test_add_newsroom_user_refuses_a_bad_role_or_a_taken_name(db, admin_user, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("add_newsroom_user", "admin", *args, stdout=io.StringIO())


def test_login_says_when_a_right_password_is_not_a_newsroom_account(db):
    get_user_model().objects.create_user("lecteur", password="motdepasse-42")
    page = (
        Client()
        .post("/admin/login/", {"username": "lecteur", "password": "motdepasse-42"})
        .content.decode()
    )
    assert "ne fait pas partie de la rédaction" in page


def test_login_with_a_wrong_password_says_so_and_how_accounts_are_made(db):
    page = Client().post("/admin/login/", {"username": "x", "password": "y"}).content.decode()
    assert "add_newsroom_user" in page


def test_demo_accounts_exist_for_each_role_and_the_journalist_signs_demo_articles(db, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    printed = run("ensure_demo_accounts")
    for username in ("journaliste", "editeur", "archiviste"):
        assert f"user {username}, password {username}" in printed
        assert Client().login(username=username, password=username)
    journalist = get_user_model().objects.get(username="journaliste")
    assert Person.objects.get(user=journalist).slug == "camille-berthier"
    assert run("ensure_demo_accounts").count("password") == 3  # again: nothing new


def test_demo_accounts_are_refused_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_demo_accounts", stdout=io.StringIO())
