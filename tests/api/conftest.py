import datetime as dt

import pytest

from tests.factories import (
    ArticleFactory,
    BylineFactory,
    DossierEntryFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    TagFactory,
)
from tests.visibility import HIDDEN_STATES, make_hidden

# The quotes' days: the one most of them were said, and the undated quotes' place.
DAY = dt.date(2024, 11, 13)
UNDATED = dt.date(1, 1, 1)


@pytest.fixture
def article(make_published):
    """«papier»: a published article with a photo, an author, a tag, a quote, a dossier."""
    article = make_published(slug="papier", lead_photo=PhotoFactory(caption="Légende A"))
    BylineFactory(article=article, person__name="Anne")
    article.tags.add(TagFactory(name="Sujet A"))
    QuoteFactory(text="Mots A", person__name="Paul").articles.add(article)
    DossierEntryFactory(article=article, dossier__title="Dossier A")
    return article


@pytest.fixture
def quotes(make_published, now):
    """Public quotes of two people, of every kind, several said the same day (a cursor
    must count its way past them) and two undated; between them, quotes carried only by
    an article in each hidden state, or by none. The public ones, newest said first."""
    patel, lefevre = PersonFactory(slug="vedant-patel"), PersonFactory(slug="zoe-lefevre")
    public = make_published(slug="public")
    hidden = [make_hidden(ArticleFactory(), state, now) for state in HIDDEN_STATES]
    shown = []
    for number in range(14):
        said_on = None if number in (6, 13) else DAY - dt.timedelta(days=number // 3 * 5)
        quote = QuoteFactory(
            person=patel if number % 2 else lefevre,
            kind=("full", "fragment", "document")[number % 3],
            said_on=said_on,
        )
        quote.articles.add(public, *hidden[: number % 2])
        shown.append(quote)
        unseen = QuoteFactory(person=patel, kind="full", said_on=said_on)
        unseen.articles.add(*hidden[number % 3 : number % 3 + 2])
    QuoteFactory(person=lefevre, said_on=DAY + dt.timedelta(days=1))  # carried by nothing
    return sorted(shown, key=lambda quote: (quote.said_on or UNDATED, quote.pk), reverse=True)
