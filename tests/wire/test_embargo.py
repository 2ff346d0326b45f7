"""An embargoed item stays embargoed: never public before its time, even once published."""

import datetime as dt

import time_machine

from articles import workflow
from articles.models import Article, Section
from tests.wire.conftest import SAMPLES

BEFORE = dt.datetime(2024, 11, 13, 9, tzinfo=dt.UTC)
EMBARGO = dt.datetime(2024, 11, 14, 5, tzinfo=dt.UTC)  # 06:00 in Paris


def test_an_embargoed_item_published_at_once_is_public_only_from_its_embargo(
    import_wire, editor, api
):
    with time_machine.travel(BEFORE, tick=False):
        import_wire(SAMPLES / "afp-newsml-g2.xml")
        article = Article.objects.get()
        article.section = Section.objects.create(name="International", slug="international")
        article = workflow.save_article(article, by=editor)
        workflow.publish(article, by=editor)

        assert api.get(f"/api/v1/articles/{article.slug}/").status_code == 404
        assert api.get("/api/v1/articles/").json()["results"] == []
        assert api.get(f"/api/v1/articles/{article.slug}/ninjs/").status_code == 404

    with time_machine.travel(EMBARGO - dt.timedelta(seconds=1), tick=False):
        assert api.get(f"/api/v1/articles/{article.slug}/").status_code == 404

    with time_machine.travel(EMBARGO, tick=False):
        assert api.get(f"/api/v1/articles/{article.slug}/").status_code == 200


def test_an_imported_draft_is_never_public(import_wire, api):
    import_wire(SAMPLES / "ninjs2-fr.json")

    slug = Article.objects.get().slug
    assert Article.objects.get().status == Article.Status.DRAFT
    assert api.get(f"/api/v1/articles/{slug}/").status_code == 404
    assert api.get("/api/v1/articles/").json()["results"] == []
