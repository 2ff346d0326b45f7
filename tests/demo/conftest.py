import io

import pytest
from django.core.management import call_command

from articles.models import Article
from demo import REFERENCE_SLUG
from tests.demo.seed import seed_path


def _run(*args, **options) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, no_color=True, **options)
    return out.getvalue()


@pytest.fixture
def run():
    """Run a management command; return what it printed."""
    return _run


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return settings.MEDIA_ROOT


@pytest.fixture
def seed_lines() -> list[str]:
    """The seed page's non-empty lines, exactly as stored."""
    text = seed_path().read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line.strip()]


@pytest.fixture
def reference_article(db, run) -> Article:
    run("load_demo")
    run("refresh_renditions")  # as make run does: the public sees the photo's renditions
    return Article.objects.get(slug=REFERENCE_SLUG)
