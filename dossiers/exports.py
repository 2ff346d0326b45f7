"""A dossier's articles, or a search's, as CSV or JSON, streamed.

The CSV is what French spreadsheet software opens in columns: ``;`` between cells (the
comma is the French decimal separator, so Excel in French splits on ``;``), a UTF-8 BOM,
and the text of each article as plain text. The JSON carries the text and the body's
blocks as the API gives them.

Rows are read through a server-side cursor, ``CHUNK_SIZE`` at a time, each chunk with its
authors and quotes loaded in one query apiece: a 50,000-article dossier goes out in constant
memory and a number of queries that grows with the chunks, never with the rows.
"""

import csv

import orjson
from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

from articles.models import Byline, Quote
from articles.rendering import site_url

CHUNK_SIZE = 500
COLUMNS = [
    "id",
    "slug",
    "api_url",
    "published_at",
    "first_published_at",
    "updated_at",
    "section",
    "kicker",
    "headline",
    "standfirst",
    "authors",
    "signature",
    "is_premium",
    "photo_caption",
    "photo_credit",
    "photo_creator",
    "photo_url",
    "quotes",
    "text",
]
DELIMITER = ";"
# The most a cell of Excel holds; a longer text is cut there (the JSON export has it whole).
MAX_CELL_CHARS = 32_767
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


def for_export(articles):
    """Everything an export row shows, the body included."""
    return (
        articles.select_related("section", "lead_photo")
        .prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("person")),
            Prefetch("quotes", queryset=Quote.objects.select_related("person").order_by("id")),
        )
        .defer("search_vector")
    )


SLUG_PLACEHOLDER = "slug-placeholder"


def api_url_template() -> str:
    """The articles' API address with a placeholder: ``reverse`` once per export, not per row."""
    path = reverse("api:article-detail", kwargs={"slug": SLUG_PLACEHOLDER})
    return site_url(path)


def record(article, api_url: str) -> dict:
    """One article as an archive keeps it; datetimes in ISO 8601 with their offset."""
    photo = article.lead_photo

    def moment(value):
        return timezone.localtime(value).isoformat() if value else None

    return {
        "id": str(article.public_id),
        "slug": article.slug,
        "api_url": api_url.replace(SLUG_PLACEHOLDER, article.slug),
        "published_at": moment(article.published_at),
        "first_published_at": moment(article.first_published_at),
        "updated_at": moment(article.updated_at),
        "section": article.section.name if article.section_id else "",
        "kicker": article.kicker,
        "headline": article.headline,
        "standfirst": article.standfirst,
        "authors": [byline.person.name for byline in article.bylines.all()],
        "signature": article.signature,
        "is_premium": article.is_premium,
        "photo_caption": article.lead_caption,
        "photo_credit": photo.credit if photo else "",
        "photo_creator": photo.creator if photo else "",
        "photo_url": site_url(photo.image.url) if photo else "",  # the original: newsroom only
        "quotes": [
            {
                "text": quote.text,
                "person": quote.speaker,
                "role": quote.role,
                "said_on": quote.said_on.isoformat() if quote.said_on else None,
            }
            for quote in article.quotes.all()
        ],
        "text": article.body_text,
        "blocks": article.body,
    }


def records(articles):
    api_url = api_url_template()
    for article in for_export(articles).iterator(chunk_size=CHUNK_SIZE):
        yield record(article, api_url)


class _Echo:
    """A file that hands back what is written to it, for csv.writer in a generator."""

    def write(self, value):
        return value


def csv_lines(articles):
    writer = csv.writer(_Echo(), delimiter=DELIMITER)
    yield "\ufeff" + writer.writerow(COLUMNS)  # the BOM lets spreadsheets read UTF-8
    for row in records(articles):
        row["authors"] = " ; ".join(row["authors"])
        row["quotes"] = " | ".join(
            f"«{q['text']}» — {q['person']}" + (f", {q['role']}" if q["role"] else "")
            for q in row["quotes"]
        )
        row["text"] = row["text"][:MAX_CELL_CHARS]
        yield writer.writerow([_cell(row[name]) for name in COLUMNS])


# What a spreadsheet reads as the start of a formula (=HYPERLINK(…), +, -, @) or that
# some read past (tab, carriage return): such a cell is written after a quote, as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def json_chunks(head: dict, articles, *, at):
    head = {**head, "exported_at": timezone.localtime(at).isoformat()}
    yield orjson.dumps(head)[:-1] + b',"articles":['
    for index, row in enumerate(records(articles)):
        yield (b"," if index else b"") + orjson.dumps(row)
    yield b"]}"


def dossier_head(dossier) -> dict:
    """What a dossier's JSON export says before its articles."""
    return {"dossier": {"slug": dossier.slug, "title": dossier.title, "is_open": dossier.is_open}}


def stream(articles, fmt: str, *, name: str, head: dict, at=None) -> StreamingHttpResponse:
    """The response streaming ``articles`` (already filtered and ordered) as ``fmt``, in a
    file named ``name`` and the time; ``head`` opens the JSON document."""
    at = at or timezone.now()
    if fmt == "csv":
        content = csv_lines(articles)
    else:
        content = json_chunks(head, articles, at=at)
    response = StreamingHttpResponse(content, content_type=CONTENT_TYPES[fmt])
    filename = f"{name}-{timezone.localtime(at):%Y%m%d-%H%M}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
