import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from articles import workflow
from tests.factories import ArticleFactory


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
        return workflow.publish(article, at=at or now - dt.timedelta(hours=1))

    return make


@pytest.fixture
def published_article(make_published):
    return make_published()
