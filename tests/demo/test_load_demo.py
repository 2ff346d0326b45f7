import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from articles.models import Article, Byline, Person, Quote, Revision, Section, Tag
from demo import DOSSIER_SLUG, DRAFT_SLUG, SCHEDULED_AT, SCHEDULED_SLUG
from dossiers.models import Dossier, DossierEntry
from media.models import Photo
from tests.demo.seed import COMMITTED_COPY, seed_path

INTERTITLE = "«Intégration» à l’armée russe"
PATEL_ROLE = "porte-parole du département d’Etat américain"
DEMO_MODELS = (
    Section,
    Person,
    Tag,
    Photo,
    Dossier,
    Article,
    Article.tags.through,
    Byline,
    DossierEntry,
    Quote,
    Quote.articles.through,
    Revision,
)


def snapshot() -> dict[str, list[dict]]:
    return {model._meta.label: list(model.objects.order_by("pk").values()) for model in DEMO_MODELS}


def test_committed_copy_is_the_seed_byte_for_byte():
    seed = seed_path()
    if seed == COMMITTED_COPY:
        pytest.skip("the seed folder is not beside this checkout")
    assert COMMITTED_COPY.read_bytes() == seed.read_bytes()


def test_reference_article_fields_are_the_seed_text(reference_article, seed_lines):
    assert reference_article.kicker == seed_lines[2]
    assert reference_article.headline == seed_lines[3]
    assert reference_article.standfirst == seed_lines[5]
    assert reference_article.kicker == "Conflit"


def test_reference_body_is_every_seed_paragraph_and_the_intertitle_in_order(
    reference_article, seed_lines
):
    body_lines = seed_lines[seed_lines.index("publié le 13 novembre 2024 à 9h07") + 1 :]
    assert INTERTITLE in body_lines
    expected = [
        {"type": "intertitle", "text": line}
        if line == INTERTITLE
        else {"type": "paragraph", "html": line}
        for line in body_lines
    ]
    assert reference_article.body == expected
    assert len(expected) == 7


def test_reference_keeps_its_non_breaking_spaces_and_only_those(reference_article):
    article = reference_article
    assert "l’Ukraine\u00a0: des" in article.headline
    assert "12\u00a0novembre" in article.standfirst
    assert "plus de 10\u00a0000 soldats" in article.standfirst
    assert "\u00a0" not in article.body_text
    assert article.body_text.count("10 000") == 1
    assert "11 000" in article.body_text
    assert "[…]" in article.body_text


def test_reference_is_published_at_its_paris_time(reference_article):
    article = reference_article
    published = dt.datetime(2024, 11, 13, 8, 7, tzinfo=dt.UTC)
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at == published
    assert article.first_published_at == published
    assert Article.objects.public().filter(pk=article.pk).exists() is True
    assert article.signature == ""


def test_reference_is_in_europe_under_international(reference_article):
    section = reference_article.section
    assert (section.name, section.parent.name) == ("Europe", "International")
    assert section.parent.parent is None


def test_reference_lead_photo_has_the_exact_caption_and_credit(reference_article, seed_lines):
    photo = reference_article.lead_photo
    assert (
        photo.caption
        == "Des soldats nord-coréens à l'entraînement dans leur pays, le 2 octobre 2024."
    )
    assert photo.credit == "AFP"
    assert f"{photo.caption} (Photo/{photo.credit})" == seed_lines[6]
    assert photo.source == "AFP"
    assert photo.alt_text.startswith("Image de démonstration")
    assert reference_article.lead_caption == photo.caption


def test_reference_lead_photo_is_a_generated_jpeg_described_by_its_row(reference_article):
    photo = reference_article.lead_photo
    data = Path(photo.image.path).read_bytes()
    assert photo.content_hash == hashlib.sha256(data).hexdigest()
    assert (photo.width, photo.height, photo.format) == (1600, 900, "JPEG")
    with Image.open(photo.image.path) as image:
        assert (image.format, image.size) == ("JPEG", (1600, 900))
    assert Path(photo.image.path).is_relative_to(settings.MEDIA_ROOT)


def test_reference_carries_the_five_attributed_quotes(reference_article):
    quotes = list(reference_article.quotes.select_related("person").order_by("id"))
    assert [(q.speaker, q.role, q.said_on, q.kind) for q in quotes] == [
        ("Vedant Patel", PATEL_ROLE, dt.date(2024, 11, 12), "full"),
        ("Vedant Patel", PATEL_ROLE, dt.date(2024, 11, 12), "full"),
        ("Vedant Patel", PATEL_ROLE, dt.date(2024, 11, 12), "full"),
        ("Lloyd Austin", "ministre américain de la Défense", None, "fragment"),
        # The article does not name the deputy ambassador: the quote has a role, no person.
        ("", "ambassadeur américain adjoint à l’ONU", None, "fragment"),
    ]
    assert [q.text.split()[0] for q in quotes] == ["Je", "Nous", "Le", "retirer", "forcément"]
    assert quotes[3].context == "fin octobre 2024"
    assert quotes[4].person is None


def test_each_quote_is_words_of_the_body_between_guillemets(reference_article):
    for quote in reference_article.quotes.all():
        assert f"«{quote.text}»" in reference_article.body_text


def test_quotes_are_those_listed_in_the_seed_readme(reference_article):
    readme = seed_path().with_name("README.md")
    if not readme.exists():
        pytest.skip("the seed folder is not beside this checkout")
    listed = re.findall(r"^\d\. «(.+)» — ", readme.read_text(encoding="utf-8"), re.MULTILINE)
    assert sorted(reference_article.quotes.values_list("text", flat=True)) == sorted(listed)
    assert len(listed) == 5


def test_reference_tags_are_its_people_places_and_organisations(reference_article):
    tags = {(tag.kind, tag.name) for tag in reference_article.tags.all()}
    assert tags == {
        ("person", "Vedant Patel"),
        ("person", "Lloyd Austin"),
        ("person", "Vladimir Poutine"),
        ("place", "Koursk"),
        ("place", "Pyongyang"),
        ("place", "Kyiv"),
        ("organisation", "KCNA"),
        ("organisation", "ONU"),
    }
    for tag in reference_article.tags.filter(kind=Tag.Kind.PERSON):
        assert tag.person.name == tag.name


def test_dossier_holds_the_reference_and_the_other_demo_articles(reference_article, seed_lines):
    dossier = Dossier.objects.get(slug=DOSSIER_SLUG)
    assert dossier.title == "Guerre entre l'Ukraine et la Russie"
    assert seed_lines[4] == f"{dossier.title}dossier"
    assert dossier.cover_photo == reference_article.lead_photo
    public = dossier.articles.public()
    assert public.count() == 7
    assert reference_article in public


def test_other_published_demo_articles_have_bylines_and_dates_in_2024(reference_article):
    others = Article.objects.public().exclude(pk=reference_article.pk)
    assert others.count() == 6
    for article in others:
        assert article.bylines.exists() is True
        assert article.published_at.year == 2024
        assert article.section.slug in {"europe", "international"}
        assert article.body
    assert len({article.published_at.date() for article in others}) == 6


def test_draft_and_scheduled_demo_articles_are_not_public(reference_article):
    hidden = Article.objects.filter(slug__in=[DRAFT_SLUG, SCHEDULED_SLUG])
    assert hidden.count() == 2
    assert Article.objects.public().filter(slug__in=[DRAFT_SLUG, SCHEDULED_SLUG]).exists() is False
    assert Article.objects.get(slug=DRAFT_SLUG).status == Article.Status.DRAFT


def test_scheduled_demo_article_becomes_public_at_its_second(reference_article):
    scheduled = Article.objects.get(slug=SCHEDULED_SLUG)
    assert scheduled.published_at == SCHEDULED_AT
    before = Article.objects.public(at=SCHEDULED_AT - dt.timedelta(seconds=1))
    assert before.filter(pk=scheduled.pk).exists() is False
    assert Article.objects.public(at=SCHEDULED_AT).filter(pk=scheduled.pk).exists() is True


def test_second_load_creates_and_changes_nothing(reference_article, run, uploads):
    before = snapshot()
    files = sorted(uploads.rglob("*"))

    output = run("load_demo")

    after = snapshot()
    assert {label: len(rows) for label, rows in after.items()} == {
        label: len(rows) for label, rows in before.items()
    }
    assert after == before
    assert sorted(uploads.rglob("*")) == files
    assert "0 rows created, 0 updated" in output


def test_first_load_writes_every_demo_row(db, run):
    output = run("load_demo")
    assert Article.objects.count() == 9
    assert Quote.objects.count() == 5
    assert Photo.objects.count() == 1
    assert Dossier.objects.count() == 1
    assert "rows created" in output
    assert "0 rows created" not in output


def test_load_restores_a_changed_demo_article(reference_article, run, seed_lines):
    Article.objects.filter(pk=reference_article.pk).update(headline="Changed")

    output = run("load_demo")

    reference_article.refresh_from_db()
    assert reference_article.headline == seed_lines[3]
    assert "0 rows created, 1 updated" in output


def test_demo_articles_are_written_through_the_workflow_with_revisions(reference_article):
    revisions = list(reference_article.revisions.order_by("version"))
    assert [revision.version for revision in revisions] == [1, 2]
    assert revisions[-1].content["headline"] == reference_article.headline
    assert revisions[-1].content["status"] == Article.Status.PUBLISHED


def test_load_puts_back_a_lead_photo_file_that_went_missing(reference_article, run):
    photo = reference_article.lead_photo
    path = Path(photo.image.path)
    path.unlink()

    output = run("load_demo")

    assert hashlib.sha256(path.read_bytes()).hexdigest() == photo.content_hash
    assert "0 rows created, 1 updated" in output
