import pytest
from django.test import Client

from tests.dossiers.reference import build_reference


@pytest.fixture(autouse=True)
def empty_cache():
    """Month counts are cached; each test starts without them."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def reference_dossier(db):
    return build_reference()


@pytest.fixture
def login():
    """A browser-like client logged in as ``user``."""

    def client_for(user):
        client = Client()
        client.force_login(user)
        return client

    return client_for
