import pytest
from django.test import Client

from articles import body
from tests.factories import SectionFactory

INLINE_PREFIXES = ["bylines", "corrections", "dossier_entries", "Quote_articles"]


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    """Keep files written by the tests out of var/uploads."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def article_data(db):
    """The POST of the article form, with empty inlines; keyword arguments override fields."""

    def data(**fields):
        values = {
            "kicker": "Conflit",
            "headline": "Un titre",
            "slug": "un-titre",
            "standfirst": "Un chapô.",
            "body_html": "<p>Un paragraphe.</p>",
            "lead_photo": "",
            "lead_photo_caption": "",
            "section": SectionFactory().pk,
            "signature": "",
            "language": "fr",
            "published_at_0": "",
            "published_at_1": "",
            "embargo_until_0": "",
            "embargo_until_1": "",
            "updated_at_0": "",
            "updated_at_1": "",
            "seo_title": "",
            "seo_description": "",
            "expected_version": 1,
            "_save": "Enregistrer",
        }
        for prefix in INLINE_PREFIXES:
            values |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
        return values | fields

    return data


@pytest.fixture
def change_data(article_data):
    """The change form's POST for ``article`` as it is, with ``fields`` changed."""

    def data(article, **fields):
        as_it_is = {
            "kicker": article.kicker,
            "headline": article.headline,
            "slug": article.slug,
            "standfirst": article.standfirst,
            "body_html": body.blocks_to_html(article.body),
            "section": article.section_id,
            "tags": [tag.pk for tag in article.tags.all()],
            "seo_title": article.seo_title,
            "seo_description": article.seo_description,
            "expected_version": article.version,
        }
        return article_data(**(as_it_is | fields))

    return data


@pytest.fixture
def client_for():
    """A test client logged in as ``user``."""

    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make
