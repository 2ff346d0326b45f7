"""Exports of a dossier, or of a search in it: streamed, complete, published articles only."""

import csv
import datetime as dt
import io
import json

import pytest
from django.http import StreamingHttpResponse

from dossiers import exports
from tests.dossiers.reference import publish_in
from tests.factories import ArticleFactory, BylineFactory, DossierEntryFactory, QuoteFactory

REFERENCE = "guerre-ukraine-nord-coreens-engages-dans-des-operations-de-combat"


def download(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    return response, b"".join(response.streaming_content).decode()


def rows_of(content: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.removeprefix("\ufeff")), delimiter=";"))


def test_the_csv_export_holds_everything_an_archive_needs(archivist_client, dossier):
    response, content = download(archivist_client, f"/dossiers/{dossier.slug}/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="dossier-{dossier.slug}-'
    )
    [row] = rows_of(content)
    article = dossier.articles.get()
    assert row == {
        "id": str(article.public_id),
        "slug": REFERENCE,
        "api_url": f"http://127.0.0.1:8000/api/v1/articles/{REFERENCE}/",
        "published_at": "2024-11-13T09:07:00+01:00",
        "first_published_at": "2024-11-13T09:07:00+01:00",
        "updated_at": "",
        "section": "Europe",
        "kicker": "Conflit",
        "headline": article.headline,
        "standfirst": article.standfirst,
        "authors": "Armand Lebrun",
        "signature": "",
        "is_premium": "non",
        "photo_caption": "Des soldats nord-coréens à l'entraînement dans leur pays, "
        "le 2 octobre 2024.",
        "photo_credit": "AFP",
        "photo_creator": "",
        "photo_url": f"http://127.0.0.1:8000{article.lead_photo.image.url}",
        "quotes": " | ".join(
            f"«{quote.text}» — {quote.person.name}, {quote.role}"
            for quote in article.quotes.order_by("id")
        ),
        "text": article.body_text,
    }


def test_the_json_export_is_one_document_with_the_dossier_and_its_articles(
    archivist_client, dossier
):
    _, content = download(archivist_client, f"/dossiers/{dossier.slug}/export.json")
    data = json.loads(content)
    assert data["dossier"] == {
        "slug": dossier.slug,
        "title": "Guerre entre l'Ukraine et la Russie",
        "is_open": True,
    }
    [article] = data["articles"]
    assert article["authors"] == ["Armand Lebrun"]
    assert article["quotes"][0] == {
        "text": dossier.articles.get().quotes.order_by("id").first().text,
        "person": "Vedant Patel",
        "role": "porte-parole du département d’Etat américain",
        "said_on": "2024-11-12",
    }


def test_an_export_of_a_search_holds_only_the_matches(archivist_client, dossier):
    publish_in(dossier, at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC), headline="Sans rapport")
    _, content = download(
        archivist_client, f"/dossiers/{dossier.slug}/export.json", q="coreens", au="2024-12-31"
    )
    assert [article["slug"] for article in json.loads(content)["articles"]] == [REFERENCE]


def test_an_export_never_holds_a_draft(archivist_client, dossier):
    DossierEntryFactory(dossier=dossier, article=ArticleFactory(headline="Brouillon secret"))
    _, content = download(archivist_client, f"/dossiers/{dossier.slug}/export.csv")
    assert "Brouillon secret" not in content


@pytest.mark.parametrize("count", [4, 9])
def test_queries_grow_with_the_chunks_not_the_rows(
    archivist_client, dossier, monkeypatch, django_assert_num_queries, count
):
    """Per chunk of 3: one fetch from the server-side cursor (not logged as a query), the
    authors and the quotes; before them the session, the user, its permissions, the dossier
    and the declaration of the cursor."""
    monkeypatch.setattr(exports, "CHUNK_SIZE", 3)
    for index in range(count - 1):
        article = publish_in(dossier, at=dt.datetime(2025, 1, 1 + index, tzinfo=dt.UTC))
        BylineFactory(article=article)
        QuoteFactory().articles.add(article)
    chunks = -(-count // 3)
    with django_assert_num_queries(5 + 1 + 2 * chunks):
        download(archivist_client, f"/dossiers/{dossier.slug}/export.csv")


def test_a_bad_filter_is_a_400(archivist_client, dossier):
    response = archivist_client.get(f"/dossiers/{dossier.slug}/export.csv", {"du": "demain"})
    assert response.status_code == 400


@pytest.mark.parametrize(
    "headline",
    ['=HYPERLINK("https://example.org","Lire")', "+33 1 23", "-2+3", "@SUM(A1)", "\tTab", "\rCR"],
)
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(
    archivist_client, dossier, headline
):
    """A leading quote makes Excel, LibreOffice and Sheets show the text, not compute it."""
    publish_in(
        dossier,
        at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
        headline=headline,
        kicker="=1+1",
        signature="Libération et AFP",
    )
    _, content = download(archivist_client, f"/dossiers/{dossier.slug}/export.csv")
    rows = rows_of(content)
    newest = rows[0]
    assert (newest["headline"], newest["kicker"]) == (f"'{headline}", "'=1+1")
    assert newest["signature"] == "Libération et AFP"
    assert rows[1]["headline"] == dossier.articles.get(slug=REFERENCE).headline


def test_the_csv_export_opens_in_columns_in_french_spreadsheet_software(archivist_client, dossier):
    """Excel in French splits on «;» (the comma is the decimal separator) and reads UTF-8
    after a BOM."""
    _, content = download(archivist_client, f"/dossiers/{dossier.slug}/export.csv")
    header = content.splitlines()[0]
    assert header.startswith("\ufeffid;slug;api_url;published_at;")
    assert header.endswith(";quotes;text")


def test_the_csv_export_carries_the_text(archivist_client, dossier):
    _, content = download(archivist_client, f"/dossiers/{dossier.slug}/export.csv")
    [row] = rows_of(content)
    assert row["text"].startswith("De quoi corroborer les accusations ukrainiennes. Les Etats")
    assert "<" not in row["text"]


def test_a_text_longer_than_a_spreadsheet_cell_is_cut_in_the_csv_only(archivist_client, dossier):
    paragraph = "mot " * 4_000
    publish_in(
        dossier,
        at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
        body=[{"type": "paragraph", "html": paragraph}] * 3,
    )
    _, csv_content = download(archivist_client, f"/dossiers/{dossier.slug}/export.csv")
    _, json_content = download(archivist_client, f"/dossiers/{dossier.slug}/export.json")
    assert len(rows_of(csv_content)[0]["text"]) == exports.MAX_CELL_CHARS
    assert len(json.loads(json_content)["articles"][0]["text"]) > exports.MAX_CELL_CHARS


def test_the_json_export_carries_the_text_and_the_blocks(archivist_client, dossier):
    _, content = download(archivist_client, f"/dossiers/{dossier.slug}/export.json")
    [row] = json.loads(content)["articles"]
    article = dossier.articles.get()
    assert row["text"] == article.body_text
    assert row["blocks"] == article.body
    assert row["blocks"][0]["type"] == "paragraph"
