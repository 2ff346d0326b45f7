"""The hidden content, built once for the module in a transaction rolled back at its end,
and the crawl of the project over it."""

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone, translation

from tests.leaks.content import build
from tests.leaks.crawler import Crawler, NoConnectionClosing


@pytest.fixture(scope="session")
def leak_uploads(tmp_path_factory):
    return tmp_path_factory.mktemp("leak-uploads")


@pytest.fixture(autouse=True)
def uploads_in_tmp(settings, leak_uploads):
    """The files of the module's content, for every test of it (tests/conftest.py gives each
    test a fresh folder)."""
    settings.MEDIA_ROOT = leak_uploads


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker, leak_uploads):
    overrides = override_settings(
        MEDIA_ROOT=leak_uploads,
        ALLOWED_HOSTS=["testserver"],
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    )
    with django_db_blocker.unblock(), overrides, translation.override("fr"), NoConnectionClosing():
        with transaction.atomic():
            yield build(timezone.now())
            transaction.set_rollback(True)


SUMMARIES: list[str] = []
CARELESS = ("/careless/", "/api/v1/careless-search/")


@pytest.fixture(scope="module")
def crawl(content):
    """The project's URLs as this test run configures them, and two careless views planted
    beside them (tests/leaks/careless_urls.py: the suite must find their leaks by itself),
    asked anonymously."""
    with override_settings(ROOT_URLCONF="tests.leaks.careless_urls"):
        report = Crawler(content).run()
    planted = [leak for leak in report.leaks if leak.url.startswith(CARELESS)]
    SUMMARIES.append(
        f"{report.summary()}; {len(report.leaks) - len(planted)} leaks of the project, "
        f"{len(planted)} of the careless views planted"
    )
    return report


def pytest_terminal_summary(terminalreporter):
    """How many URLs the suite asked, at the end of every run that crawled."""
    for summary in SUMMARIES:
        terminalreporter.write_line(f"leak suite: {summary}")
