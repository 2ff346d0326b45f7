"""Scheduled and embargoed articles appear at their second, with no job run, across DST."""

import datetime as dt
import zoneinfo

import pytest
import time_machine

from articles import workflow
from tests.factories import ArticleFactory, DossierEntryFactory

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
# The nights the clocks change in 2025: 26 October (03:00 → 02:00) and 30 March (02:00 → 03:00).
MOMENTS = [
    dt.datetime(2025, 10, 26, 2, 30, tzinfo=PARIS, fold=1),  # the second 02:30, UTC+1
    dt.datetime(2025, 10, 26, 3, 0, tzinfo=PARIS),
    dt.datetime(2025, 3, 30, 3, 0, tzinfo=PARIS),  # the first instant after the jump
    dt.datetime(2025, 3, 30, 1, 59, 59, tzinfo=PARIS),
]
SURFACES = [
    "/api/v1/articles/",
    "/api/v1/articles/{slug}/",
    "/api/v1/articles/?q=calendrier",
    "/api/v1/dossiers/le-dossier/articles/",
    "/api/v1/articles/{slug}/ninjs/",
    "/feeds/latest.rss",
    "/feeds/dossiers/le-dossier.atom",
    "/sitemap-news.xml",
]


def visible_everywhere(api, slug) -> list[bool]:
    seen = []
    for surface in SURFACES:
        response = api.get(surface.format(slug=slug))
        seen.append(response.status_code == 200 and slug in response.content.decode())
    return seen


@pytest.mark.parametrize("moment", MOMENTS, ids=lambda m: m.isoformat())
def test_scheduled_article_is_invisible_until_its_second(api, editor, moment):
    moment = moment.astimezone(dt.UTC)  # wall-clock arithmetic across a DST change is wrong
    article = ArticleFactory(headline="Le calendrier change")
    DossierEntryFactory(article=article, dossier__slug="le-dossier")
    workflow.publish(article, by=editor, at=moment - dt.timedelta(days=2), when=moment)

    with time_machine.travel(moment - dt.timedelta(seconds=1), tick=False):
        assert visible_everywhere(api, article.slug) == [False] * len(SURFACES)
    with time_machine.travel(moment, tick=False):
        assert visible_everywhere(api, article.slug) == [True] * len(SURFACES)


def test_schedule_given_in_paris_time_is_stored_as_the_right_instant(editor, as_user, db):
    article = ArticleFactory()
    response = as_user(editor).post(
        f"/api/v1/articles/{article.slug}/publish/",
        {"at": "2099-10-25T02:30:00+01:00"},
        format="json",
        HTTP_IF_MATCH=f'"{article.public_id}-{article.version}"',
    )
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.published_at == dt.datetime(2099, 10, 25, 1, 30, tzinfo=dt.UTC)
    assert response.json()["published_at"] == "2099-10-25T02:30:00+01:00"


@pytest.mark.parametrize("moment", MOMENTS[:2], ids=lambda m: m.isoformat())
def test_embargo_hides_a_published_article_until_it_lifts(api, editor, moment):
    moment = moment.astimezone(dt.UTC)
    article = ArticleFactory(headline="Le calendrier change", embargo_until=moment)
    DossierEntryFactory(article=article, dossier__slug="le-dossier")
    # Published "now" by mistake: the embargo still holds.
    workflow.publish(article, by=editor, at=moment - dt.timedelta(hours=3))

    with time_machine.travel(moment - dt.timedelta(seconds=1), tick=False):
        assert visible_everywhere(api, article.slug) == [False] * len(SURFACES)
    with time_machine.travel(moment, tick=False):
        assert visible_everywhere(api, article.slug) == [True] * len(SURFACES)


def test_scheduling_in_the_past_is_refused(editor, db):
    article = ArticleFactory()
    with pytest.raises(workflow.WorkflowError):
        workflow.schedule(article, by=editor, when=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
