"""The list of quotes, and a person's, hold every public quote once, newest said first,
page after page and back through the previous links, whatever the filter on a quote's
own columns (checked in the quotes' index since articles/0021), with quotes of hidden
articles said the same days between them."""

import datetime as dt
from urllib.parse import urlsplit

import pytest

from tests.api.conftest import DAY


def walk(api, start):
    """The quote ids seen following next links from ``start``, then previous links back
    to the first page, which must show the same pages."""
    pages, target, direction = [], start, "next"
    while target:
        response = api.get(target)
        assert response.status_code == 200, response.content
        page = response.json()
        pages.append((direction, [quote["id"] for quote in page["results"]]))
        link = page[direction] or (page["previous"] if direction == "next" else None)
        direction = "previous" if page[direction] is None else direction
        target = link and urlsplit(link)._replace(scheme="", netloc="").geturl()
    forward = [ids for direction, ids in pages if direction == "next"]
    back = [ids for direction, ids in pages if direction == "previous"]
    assert back == forward[-2::-1], "the previous links lead back through the same pages"
    return [pk for ids in forward for pk in ids]


@pytest.mark.parametrize("page_size", [1, 2, 5])
def test_every_public_quote_once_newest_said_first(api, quotes, page_size):
    seen = walk(api, f"/api/v1/quotes/?page_size={page_size}")
    assert seen == [quote.pk for quote in quotes]


@pytest.mark.parametrize(
    ("query", "holds"),
    [
        ("person=vedant-patel", lambda quote: quote.person.slug == "vedant-patel"),
        ("kind=fragment", lambda quote: quote.kind == "fragment"),
        (
            "said_from=2024-11-01",
            lambda quote: quote.said_on and quote.said_on >= DAY.replace(day=1),
        ),
        ("said_to=2024-11-01", lambda quote: quote.said_on and quote.said_on <= DAY.replace(day=1)),
        (
            "said_from=2024-10-20&said_to=2024-11-08&kind=full",
            lambda quote: (
                quote.said_on
                and dt.date(2024, 10, 20) <= quote.said_on <= dt.date(2024, 11, 8)
                and quote.kind == "full"
            ),
        ),
    ],
)
def test_each_filter_on_a_quote_s_own_columns_pages_through_its_quotes(api, quotes, query, holds):
    seen = walk(api, f"/api/v1/quotes/?page_size=2&{query}")
    assert seen == [quote.pk for quote in quotes if holds(quote)]
    assert seen


def test_a_person_s_quotes_page_through_their_public_quotes(api, quotes):
    seen = walk(api, "/api/v1/people/vedant-patel/quotes/?page_size=2")
    assert seen == [quote.pk for quote in quotes if quote.person.slug == "vedant-patel"]
