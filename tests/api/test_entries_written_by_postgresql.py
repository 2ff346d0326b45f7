"""The lists of quotes, people and tags are written by PostgreSQL (``list_entry``), not by
their serializers; what a client reads is the same: every entry equals what the
serializer that documents it writes, and times read as the API writes them elsewhere."""

import datetime as dt
import json
import zoneinfo

import pytest
from django.db import connection
from django.utils import timezone

from articles.api import serializers
from articles.models import Person, Quote, Tag
from newsroom.api import RFC3339DateTimeField
from tests.factories import ArticleFactory, PersonFactory, QuoteFactory, TagFactory
from tests.visibility import make_hidden

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
UTC = dt.UTC

TIMES = [
    dt.datetime(2024, 11, 13, 9, 7, tzinfo=PARIS),  # winter: +01:00
    dt.datetime(2024, 7, 14, 23, 59, 59, 999999, tzinfo=PARIS),  # summer, microseconds
    dt.datetime(2024, 3, 31, 1, 59, 59, 500000, tzinfo=UTC),  # just after the change to summer
    dt.datetime(2024, 10, 27, 0, 30, tzinfo=UTC),  # 2:30 in Paris, the first of two
    dt.datetime(2024, 10, 27, 1, 30, tzinfo=UTC),  # 2:30 in Paris, the second
    dt.datetime(2024, 11, 13, 9, 7, 0, 10, tzinfo=PARIS),  # ten microseconds
    dt.datetime(1938, 6, 1, 12, tzinfo=PARIS),  # Paris at +00:00 then: DRF writes Z
    dt.datetime(1900, 1, 1, 12, tzinfo=PARIS),  # local mean time, +00:09:21: in UTC
    dt.datetime(1, 1, 1, 12, tzinfo=UTC),
    dt.datetime(9999, 12, 31, 12, tzinfo=UTC),
]


@pytest.mark.parametrize("at", TIMES, ids=str)
def test_postgresql_writes_a_time_as_the_api_does(db, at):
    with connection.cursor() as cursor:
        cursor.execute("SELECT rfc3339(%s, 'Europe/Paris')", [at])
        (written,) = cursor.fetchone()
    assert written == RFC3339DateTimeField().to_representation(at)


# Offsets of every kind: none, whole hours either side, half and quarter hours, and a
# zone that changes by half an hour.
ZONES = [
    "UTC",
    "America/New_York",
    "Asia/Tokyo",
    "America/St_Johns",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Pacific/Kiritimati",
]


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("at", TIMES[:-2], ids=str)  # Python has no year 0 nor 10000
def test_postgresql_writes_a_time_as_the_api_does_in_any_time_zone(db, at, zone):
    with connection.cursor() as cursor:
        cursor.execute("SELECT rfc3339(%s, %s)", [at, zone])
        (written,) = cursor.fetchone()
    with timezone.override(zone):
        assert written == RFC3339DateTimeField().to_representation(at)


def test_postgresql_writes_no_time_for_none(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT rfc3339(NULL, 'Europe/Paris')")
        assert cursor.fetchone() == (None,)


def entries(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.fixture
def corpus(make_published, now):
    """Quotes with and without a person, dated or not, carried by one or more articles,
    some not public; people with aliases and without; tags about people and topics."""
    patel = PersonFactory(name="Vedant Patel", slug="vedant-patel", aliases=["Patel", "V. P."])
    quiet = PersonFactory(name="Zoé Lefèvre", slug="zoe-lefevre", description="", aliases=[])
    early = make_published(slug="debut", at=now - dt.timedelta(days=3, microseconds=250))
    late = make_published(slug="fin", at=dt.datetime(2024, 7, 14, 9, 7, tzinfo=PARIS))
    hidden = make_hidden(ArticleFactory(slug="pas-encore"), "scheduled", now)
    both = QuoteFactory(
        person=patel, text="« Dit deux fois. »\nEt revenu.", said_on=dt.date(2024, 7, 14)
    )
    both.articles.add(early, late, hidden)
    undated = QuoteFactory(person=quiet, text='Des "guillemets" et \\ une barre.', said_on=None)
    undated.articles.add(late)
    QuoteFactory(
        person=None, organisation="Ministère des Armées", document="Communiqué", text="Rien."
    ).articles.add(early)
    QuoteFactory(person=patel, text="Jamais publié.").articles.add(hidden)
    early.tags.add(
        TagFactory(kind="person", person=patel, name="Vedant Patel", slug="vedant-patel")
    )
    late.tags.add(TagFactory(kind="topic", name="Défense", slug="defense"))
    hidden.tags.add(TagFactory(kind="topic", name="Secret", slug="secret"))
    return patel


def test_quote_list_entries_are_what_the_quote_serializer_writes(api, corpus):
    written = entries(api.get("/api/v1/quotes/?page_size=100"))
    quotes = Quote.objects.public().newest_first().for_public_listing()
    assert written == serializers.QuoteSerializer(quotes, many=True).data
    assert [len(quote["articles"]) for quote in written] == [2, 1, 1]  # public carriers only


def test_a_persons_quotes_are_what_the_quote_serializer_writes(api, corpus):
    quotes = Quote.objects.public().filter(person=corpus).newest_first().for_public_listing()
    expected = serializers.QuoteSerializer(quotes, many=True).data
    assert entries(api.get("/api/v1/people/vedant-patel/quotes/")) == expected
    assert api.get("/api/v1/people/vedant-patel/").json()["quotes"]["results"] == expected


def test_people_list_entries_are_what_the_person_serializer_writes(api, corpus):
    written = entries(api.get("/api/v1/people/?page_size=100"))
    people = Person.objects.public().order_by("slug")
    assert written == serializers.PersonSerializer(people, many=True).data
    assert [person["slug"] for person in written] == ["vedant-patel", "zoe-lefevre"]


def test_tag_list_entries_are_what_the_tag_serializer_writes(api, corpus):
    written = entries(api.get("/api/v1/tags/?page_size=100"))
    tags = Tag.objects.public().order_by("slug")
    assert written == serializers.TagSerializer(tags, many=True).data
    assert {tag["slug"]: tag["person"] for tag in written} == {
        "defense": None,
        "vedant-patel": "vedant-patel",
    }


def test_written_entries_are_compact_json_in_the_fields_order(api, corpus):
    content = api.get("/api/v1/quotes/?page_size=1").content.decode()
    assert ", " not in content.replace("« Dit deux fois. »", "")
    quote = json.loads(content)["results"][0]
    assert list(quote) == list(serializers.QuoteSerializer.Meta.fields)
    assert list(quote["articles"][0]) == ["id", "slug", "headline", "published_at"]
