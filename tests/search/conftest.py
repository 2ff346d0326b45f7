import pytest

from articles import search
from articles.models import Article
from tests.dossiers.conftest import empty_cache, login  # noqa: F401 - shared
from tests.dossiers.reference import build_reference


@pytest.fixture
def reference_article(db):
    """The seed's reference article, published, quoting Vedant Patel."""
    return build_reference()[1]


@pytest.fixture
def found():
    """Slugs of the public articles a query finds, newest first."""

    def slugs(q, queryset=None):
        queryset = Article.objects.public() if queryset is None else queryset
        matches = search.search(queryset, q)
        return list(matches.order_by("-published_at", "-id").values_list("slug", flat=True))

    return slugs
