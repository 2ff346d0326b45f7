"""The links a page gives to the next and previous ones, as DRF's cursor pagination writes them."""

import pytest
from rest_framework import pagination

from newsroom.api import CursorPagination

ADDRESSES = [
    "https://journal.example/api/v1/articles/",
    "https://journal.example/api/v1/articles/?section=politique&page_size=5",
    "https://journal.example/api/v1/articles/?cursor=cD0x&q=cor%C3%A9ens+-nord",
]
CURSORS = [
    pagination.Cursor(offset=0, reverse=False, position="2024-11-13 08:07:00.123456+00:00"),
    pagination.Cursor(offset=3, reverse=True, position="2024-11-13 08:07:00+00:00"),
    pagination.Cursor(offset=0, reverse=True, position="le-slug_d'une personne&co"),
    pagination.Cursor(offset=2, reverse=False, position=None),
    pagination.Cursor(offset=0, reverse=False, position="~~~"),  # a «+» in base64
]


@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize("cursor", CURSORS)
def test_a_link_to_another_page_is_the_one_drf_writes(address, cursor):
    paginator = CursorPagination()
    paginator.base_url = address
    written = paginator.encode_cursor(cursor)
    assert written == pagination.CursorPagination.encode_cursor(paginator, cursor)
    assert written.count("cursor=") == 1
