import pytest

from tests.factories import (
    BylineFactory,
    DossierEntryFactory,
    PhotoFactory,
    QuoteFactory,
    TagFactory,
)


@pytest.fixture
def article(make_published):
    """«papier»: a published article with a photo, an author, a tag, a quote, a dossier."""
    article = make_published(slug="papier", lead_photo=PhotoFactory(caption="Légende A"))
    BylineFactory(article=article, person__name="Anne")
    article.tags.add(TagFactory(name="Sujet A"))
    QuoteFactory(text="Mots A", person__name="Paul").articles.add(article)
    DossierEntryFactory(article=article, dossier__title="Dossier A")
    return article
