"""While searching, the months and the chronology count the matches, not the dossier, and
the page says how many articles were found; at a fixed number of queries."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dossiers import views
from tests.dossiers.reference import publish_in, text_of
from tests.factories import PhotoFactory


@pytest.fixture
def dossier(reference_dossier):
    dossier, _ = reference_dossier
    for day, headline in [(2, "Les Coréens au front"), (3, "Des Coréens encore"), (4, "Autre")]:
        moment = dt.datetime(2024, 12, day, tzinfo=dt.UTC)
        publish_in(dossier, at=moment, headline=headline, lead_photo=PhotoFactory())
    publish_in(dossier, at=dt.datetime(2024, 11, 20, tzinfo=dt.UTC), headline="Sans rapport")
    return dossier


def month_headers(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<h2 class="month">(\w+ \d{4}) <span class="muted">\((\d+)', page)


def chronology(page: str) -> list[tuple[str, str]]:
    return re.findall(r"apres=[^\"]+\">(\w+)</a> \((\d+)\)", page)


def test_when_searching_the_month_headers_count_the_matches(archivist_client, dossier):
    page = text_of(archivist_client.get(f"/dossiers/{dossier.slug}/", {"q": "coreens"}))
    assert month_headers(page) == [("Décembre 2024", "2"), ("Novembre 2024", "1")]


def test_when_searching_the_chronology_counts_the_matches(archivist_client, dossier):
    page = text_of(archivist_client.get(f"/dossiers/{dossier.slug}/", {"q": "coreens"}))
    assert chronology(page) == [("décembre", "2"), ("novembre", "1")]


def test_when_searching_the_page_says_how_many_articles_were_found(archivist_client, dossier):
    page = text_of(archivist_client.get(f"/dossiers/{dossier.slug}/", {"q": "coreens"}))
    assert '<p class="found"><strong>3 articles trouvés</strong></p>' in page


def test_one_match_is_one_article_found(archivist_client, dossier):
    page = text_of(
        archivist_client.get(f"/dossiers/{dossier.slug}/", {"q": "coreens", "au": "2024-11-30"})
    )
    assert "<strong>1 article trouvé</strong>" in page
    assert month_headers(page) == [("Novembre 2024", "1")]


def test_by_relevance_the_total_and_the_months_count_the_matches(archivist_client, dossier):
    page = text_of(
        archivist_client.get(f"/dossiers/{dossier.slug}/", {"q": "coreens", "tri": "pertinence"})
    )
    assert "<strong>3 articles trouvés</strong>" in page
    assert "<li>décembre (2)</li>" in page  # no link: the pages go by score, not by date


def test_filtering_by_person_counts_the_articles_quoting_them(archivist_client, dossier):
    page = text_of(archivist_client.get(f"/dossiers/{dossier.slug}/", {"personne": "Patel"}))
    assert "<strong>1 article trouvé</strong>" in page
    assert month_headers(page) == [("Novembre 2024", "1")]


def test_the_whole_dossier_shows_no_total_of_matches(archivist_client, dossier):
    page = text_of(archivist_client.get(f"/dossiers/{dossier.slug}/"))
    assert 'class="found"' not in page
    assert month_headers(page) == [("Décembre 2024", "3"), ("Novembre 2024", "2")]


@pytest.mark.parametrize("size", [1, 20])
def test_a_search_page_costs_the_same_queries_whatever_the_page_size(
    archivist_client, dossier, monkeypatch, django_assert_num_queries, size
):
    monkeypatch.setattr(views, "SEARCH_PAGE_SIZE", size)
    # Session, user, two for permissions, dossier, the planner's estimate of the words'
    # matches, the page, its authors and renditions, the months of the matches between
    # the planner's hint and its reset (timeline.month_counts).
    with django_assert_num_queries(12):
        archivist_client.get(f"/dossiers/{dossier.slug}/", {"q": "coreens"})


def test_the_counts_of_matches_are_counted_once_while_paging(
    archivist_client, dossier, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(views, "SEARCH_PAGE_SIZE", 1)
    url = f"/dossiers/{dossier.slug}/"
    first = text_of(archivist_client.get(url, {"q": "coreens"}))
    cursor = re.search(r'rel="next" href="\?q=coreens&amp;apres=([^"]+)"', first).group(1)
    # As above, without the estimate (kept ten minutes) nor the months (kept a minute).
    with django_assert_num_queries(8):
        second = text_of(archivist_client.get(url, {"q": "coreens", "apres": cursor}))
    assert "<strong>3 articles trouvés</strong>" in second


def test_the_matches_are_counted_through_the_full_text_index(archivist_client, dossier):
    """A frequent word made PostgreSQL read every article's search vector to count."""
    with CaptureQueriesContext(connection) as queries:
        archivist_client.get(f"/dossiers/{dossier.slug}/", {"q": "coreens"})
    statements = [query["sql"] for query in queries]
    months = next(i for i, sql in enumerate(statements) if "DATE_TRUNC" in sql)
    assert statements[months - 1] == "SET LOCAL enable_seqscan = off"
    assert statements[months + 1] == "SET LOCAL enable_seqscan = on"
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone() == ("on",)
