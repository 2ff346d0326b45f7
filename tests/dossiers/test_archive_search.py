"""The search across the whole archive: every published article, in a dossier or not, with
the dossier timeline's filters, counts by month, total, cursor pages and exports."""

import csv
import datetime as dt
import io
import json
import re

import pytest
from django.http import StreamingHttpResponse

from articles import workflow
from dossiers import views
from tests.dossiers.reference import headlines, publish_in, text_of
from tests.factories import ArticleFactory, DossierFactory, PhotoFactory


@pytest.fixture
def reference(reference_dossier):
    return reference_dossier[1]


def published(*, at, **fields):
    article = ArticleFactory(**fields)
    workflow.publish(article, by=None, at=at)
    return article


def spaced(text: str) -> str:
    """``text`` as ``text_of`` reads a page: every run of spaces one space."""
    return " ".join(text.split())


def test_the_archive_search_finds_articles_of_every_dossier_and_of_none(
    archivist_client, reference
):
    publish_in(DossierFactory(), at=dt.datetime(2025, 1, 2, tzinfo=dt.UTC), headline="Coréens B")
    published(at=dt.datetime(2025, 1, 3, tzinfo=dt.UTC), headline="Coréens hors dossier")
    response = archivist_client.get("/dossiers/recherche/", {"q": "coreens"})
    assert headlines(response) == ["Coréens hors dossier", "Coréens B", spaced(reference.headline)]


def test_the_archive_search_holds_only_published_articles_and_says_so(
    archivist_client, reference, now
):
    ArticleFactory(headline="Coréens en brouillon")
    scheduled = ArticleFactory(headline="Coréens programmés")
    workflow.publish(scheduled, by=None, at=now, when=now + dt.timedelta(days=1))
    response = archivist_client.get("/dossiers/recherche/", {"q": "coreens"})
    assert headlines(response) == [spaced(reference.headline)]
    assert "Les brouillons, articles programmés, sous embargo ou retirés" in text_of(response)


def test_the_archive_search_counts_matches_by_month_and_in_total(archivist_client, reference):
    for day in (2, 3):
        published(at=dt.datetime(2025, 1, day, tzinfo=dt.UTC), headline=f"Coréens {day}")
    published(at=dt.datetime(2025, 1, 4, tzinfo=dt.UTC), headline="Autre chose")
    page = text_of(archivist_client.get("/dossiers/recherche/", {"q": "coreens"}))
    assert "<strong>3 articles trouvés</strong>" in page
    assert re.findall(r'<h2 class="month">(\w+ \d{4}) <span class="muted">\((\d+)', page) == [
        ("Janvier 2025", "2"),
        ("Novembre 2024", "1"),
    ]
    assert re.findall(r"apres=[^\"]+\">(\w+)</a> \((\d+)\)", page) == [
        ("janvier", "2"),
        ("novembre", "1"),
    ]


def test_the_archive_search_filters_by_part_of_a_name_and_dates(archivist_client, reference):
    published(at=dt.datetime(2025, 1, 2, tzinfo=dt.UTC), headline="Plus tard")
    url = "/dossiers/recherche/"
    assert headlines(archivist_client.get(url, {"personne": "patel"})) == [
        spaced(reference.headline)
    ]
    assert headlines(archivist_client.get(url, {"du": "2025-01-01"})) == ["Plus tard"]


def test_the_archive_search_pages_follow_each_other_by_cursor(
    archivist_client, reference, monkeypatch
):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for day in range(3):
        published(at=dt.datetime(2025, 1, 1 + day, tzinfo=dt.UTC), headline=f"Jour {day}")
    url = "/dossiers/recherche/"
    first = archivist_client.get(url, {"du": "2024-01-01"})
    assert headlines(first) == ["Jour 2", "Jour 1"]
    cursor = re.search(r'rel="next" href="\?du=2024-01-01&amp;apres=([^"]+)"', text_of(first))
    second = archivist_client.get(url, {"du": "2024-01-01", "apres": cursor.group(1)})
    assert headlines(second) == ["Jour 0", spaced(reference.headline)]
    assert 'rel="next"' not in text_of(second)


def test_the_archive_search_without_filters_shows_the_form_and_no_article(
    archivist_client, reference, django_assert_num_queries
):
    # Session, user, two for permissions: the archive is not counted for nothing.
    with django_assert_num_queries(4):
        page = text_of(archivist_client.get("/dossiers/recherche/"))
    assert "<h3>" not in page
    assert 'action="/dossiers/recherche/"' in page


@pytest.mark.parametrize("size", [1, 20])
def test_an_archive_search_costs_the_same_queries_whatever_the_page_size(
    archivist_client, reference, monkeypatch, django_assert_num_queries, size
):
    monkeypatch.setattr(views, "SEARCH_PAGE_SIZE", size)
    for day in (2, 3):
        published(
            at=dt.datetime(2025, 1, day, tzinfo=dt.UTC),
            headline=f"Coréens {day}",
            lead_photo=PhotoFactory(),
        )
    # Session, user, two for permissions, the planner's estimate of the words' matches,
    # the page, its authors and renditions, the months of the matches between the
    # planner's hint and its reset (timeline.month_counts).
    with django_assert_num_queries(11):
        archivist_client.get("/dossiers/recherche/", {"q": "coreens"})


def test_the_dossier_list_links_to_the_archive_search(archivist_client, reference):
    page = text_of(archivist_client.get("/dossiers/"))
    assert '<a href="/dossiers/recherche/">Rechercher dans toutes les archives →</a>' in page


def test_the_archive_search_links_its_exports_with_its_filters(archivist_client, reference):
    page = text_of(archivist_client.get("/dossiers/recherche/", {"personne": "patel"}))
    assert '<a href="/dossiers/recherche/export.csv?personne=patel" download>CSV</a>' in page
    assert '<a href="/dossiers/recherche/export.json?personne=patel" download>JSON</a>' in page


def download(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    return response, b"".join(response.streaming_content).decode()


def test_the_archive_export_holds_the_matches_of_the_whole_archive(archivist_client, reference):
    published(at=dt.datetime(2025, 1, 2, tzinfo=dt.UTC), headline="Coréens hors dossier")
    published(at=dt.datetime(2025, 1, 3, tzinfo=dt.UTC), headline="Autre chose")
    response, content = download(archivist_client, "/dossiers/recherche/export.csv", q="coreens")
    assert response["Content-Disposition"].startswith('attachment; filename="archives-')
    rows = list(csv.DictReader(io.StringIO(content.removeprefix("\ufeff")), delimiter=";"))
    assert [row["headline"] for row in rows] == ["Coréens hors dossier", reference.headline]


def test_the_archive_json_export_says_what_was_searched(archivist_client, reference):
    _, content = download(
        archivist_client, "/dossiers/recherche/export.json", personne="patel", tri="date"
    )
    data = json.loads(content)
    assert data["search"] == {"personne": "patel", "tri": "date"}
    assert [article["slug"] for article in data["articles"]] == [reference.slug]


def test_the_whole_archive_is_not_exported_without_a_filter(archivist_client, reference):
    response = archivist_client.get("/dossiers/recherche/export.csv", {"tri": "date"})
    assert response.status_code == 400
    assert response.content.decode() == (
        "Donnez des mots, des dates ou une personne avant d’exporter les archives."
    )


@pytest.mark.parametrize("page", ["", "export.csv", "export.json"])
@pytest.mark.parametrize("params", [{"q": "\x00"}, {"personne": "\x00"}, {"du": "\x00"}])
def test_nul_in_an_archive_filter_is_a_400(archivist_client, reference, page, params):
    response = archivist_client.get(f"/dossiers/recherche/{page}", params)
    assert response.status_code == 400


def test_a_forged_cursor_in_the_archive_search_is_a_400(archivist_client, reference):
    response = archivist_client.get("/dossiers/recherche/", {"q": "x", "apres": "pas-un-curseur"})
    assert response.status_code == 400
