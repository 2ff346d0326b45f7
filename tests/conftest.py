import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from articles import workflow
from newsroom import response_cache
from tests.factories import ArticleFactory

pytest_plugins = ["tests.browser"]


@pytest.fixture(scope="session", autouse=True)
def response_cache_stops_listening_before_the_database_goes(django_db_setup):
    """A request to /api/ starts the response cache's listener on a connection of its own:
    stopped at the end, before the test database is dropped (it would hold it open)."""
    yield
    response_cache.cache.stop_listening()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def make_published(db, now):
    """Build articles through the real publish function."""

    def make(at=None, **fields):
        article = ArticleFactory(**fields)
        return workflow.publish(article, by=None, at=at or now - dt.timedelta(hours=1))

    return make


@pytest.fixture
def published_article(make_published):
    return make_published()


@pytest.fixture
def make_user(db):
    """A newsroom member with a role (journalist, editor, archivist) and an API token."""
    from django.contrib.auth.models import Group, User
    from rest_framework.authtoken.models import Token

    from articles.roles import GROUP_NAMES, person_of

    def make(role: str | None, username: str | None = None):
        user = User.objects.create_user(
            username or f"{role or 'lecteur'}-{User.objects.count()}",
            password="motdepasse-solide-42",
            is_staff=role is not None,
        )
        if role:
            user.groups.add(Group.objects.get(name=GROUP_NAMES[role]))
            person_of(user)
        Token.objects.create(user=user)
        return user

    return make


@pytest.fixture
def journalist(make_user):
    return make_user("journalist", "julie")


@pytest.fixture
def editor(make_user):
    return make_user("editor", "edouard")


@pytest.fixture
def archivist(make_user):
    return make_user("archivist", "armelle")


@pytest.fixture
def as_user():
    """An API client authenticated with the user's token."""

    def client_for(user):
        client = APIClient()
        if user is not None:
            client.credentials(HTTP_AUTHORIZATION=f"Token {user.auth_token.key}")
        return client

    return client_for


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def uploads_in_tmp(settings, tmp_path):
    """Files that tests upload land in pytest's temporary folder, not in var/uploads."""
    settings.MEDIA_ROOT = tmp_path
