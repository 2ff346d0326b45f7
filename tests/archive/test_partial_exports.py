"""An archive of one dossier, or of a period, holds those articles and everything they
need to be imported on their own, and nothing else."""

import datetime as dt

import orjson
import pytest
from django.utils import timezone

from articles.models import Article, Byline, Revision, Section
from demo import REFERENCE_SLUG
from dossiers.models import Dossier, DossierEntry
from tests.archive.conftest import COPY, run
from tests.factories import ArticleFactory, DossierFactory, PersonFactory

pytestmark = pytest.mark.slow


def kinds_of(directory) -> dict[str, int]:
    manifest = orjson.loads((directory / "manifest.json").read_bytes())
    return {entry["kind"]: entry["rows"] for entry in manifest["kinds"]}


def test_dossier_export_holds_its_articles_and_what_they_need(
    copy_database, make_published, tmp_path
):
    run("load_demo")
    elsewhere = make_published(slug="hors-du-dossier", section__slug="ailleurs")
    Byline.objects.create(article=elsewhere, person=PersonFactory(slug="seulement-ailleurs"))
    other = DossierFactory(slug="autre-dossier")
    DossierEntry.objects.create(dossier=other, article=elsewhere)
    dossier = Dossier.objects.exclude(pk=other.pk).get()

    run("export_archive", str(tmp_path / "dossier"), dossier=dossier.slug)
    output = run("import_archive", str(tmp_path / "dossier"), database=COPY)

    wanted = set(dossier.articles.values_list("slug", flat=True))
    assert REFERENCE_SLUG in wanted
    assert set(Article.objects.using(COPY).values_list("slug", flat=True)) == wanted
    assert list(Dossier.objects.using(COPY).values_list("slug", flat=True)) == [dossier.slug]
    assert not Section.objects.using(COPY).filter(slug="ailleurs").exists()
    copied_people = set(Byline.objects.using(COPY).values_list("person__slug", flat=True))
    assert copied_people == set(
        Byline.objects.filter(article__in=dossier.articles.all()).values_list(
            "person__slug", flat=True
        )
    )
    reference = Article.objects.get(slug=REFERENCE_SLUG)
    assert Revision.objects.using(COPY).filter(article_id=reference.pk).count() == (
        reference.revisions.count()
    )
    assert kinds_of(tmp_path / "dossier")["articles.publiccopy"] == 0
    assert "public copies will be rendered on first read" in output or "kept" in output


def test_period_export_holds_the_articles_of_those_days(copy_database, make_published, tmp_path):
    paris = timezone.get_default_timezone()
    before = make_published(at=dt.datetime(2023, 12, 31, 23, 30, tzinfo=paris), slug="avant")
    first = make_published(at=dt.datetime(2024, 1, 1, 0, 10, tzinfo=paris), slug="premier-jour")
    last = make_published(at=dt.datetime(2024, 6, 30, 23, 59, tzinfo=paris), slug="dernier-jour")
    make_published(at=dt.datetime(2024, 7, 1, 0, 0, tzinfo=paris), slug="apres")
    ArticleFactory(slug="brouillon-d-aujourd-hui")
    DossierEntry.objects.create(dossier=DossierFactory(slug="le-dossier"), article=first)
    DossierEntry.objects.create(dossier=DossierFactory(slug="sans-rapport"), article=before)

    run("export_archive", str(tmp_path / "periode"), "--from=2024-01-01", "--to=2024-06-30")
    run("import_archive", str(tmp_path / "periode"), database=COPY)

    copied = Article.objects.using(COPY).order_by("published_at")
    assert list(copied.values_list("slug", flat=True)) == ["premier-jour", "dernier-jour"]
    assert [a.published_at for a in copied] == [first.published_at, last.published_at]
    assert list(Dossier.objects.using(COPY).values_list("slug", flat=True)) == ["le-dossier"]
    assert (
        Revision.objects.using(COPY).count()
        == Revision.objects.filter(article__in=[first, last]).count()
    )
