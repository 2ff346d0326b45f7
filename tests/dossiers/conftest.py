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


@pytest.fixture
def archivist_client(login, archivist):
    return login(archivist)


@pytest.fixture
def dossier(reference_dossier):
    """The reference dossier (a module may override it with more articles)."""
    return reference_dossier[0]
