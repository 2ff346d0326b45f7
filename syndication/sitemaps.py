"""Sitemaps of the public articles: an index, one sitemap per month, a Google News sitemap.

Split by month of publication (Paris time), not by page number: a month's sitemap keeps its
address and content as new articles are published, so crawlers and caches refetch only
what changed. Each sitemap is one query, however many articles it lists; the index costs
what the number of months costs (``months``). See docs/decisions/0007.
"""

import datetime as dt
import logging
from xml.sax.saxutils import escape

from django.conf import settings
from django.db import connection
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, page_url
from articles.rendering import site_url
from media.models import Rendition
from newsroom import surrogate_keys
from newsroom.caching import mark_public
from syndication.params import unknown_parameters

SITEMAP_SIZE = 50_000  # URLs per sitemap, the protocol's limit (a month: 1,600 a day)
NEWS_WINDOW = dt.timedelta(hours=48)  # what Google News reads
NEWS_SIZE = 1_000  # URLs per news sitemap, Google's limit
CONTENT_TYPE = "application/xml; charset=utf-8"
KEYS = [surrogate_keys.ARTICLES, surrogate_keys.SITEMAPS]
logger = logging.getLogger(__name__)


ROW = (
    "slug",
    "public_id",
    "headline",
    "language",
    "published_at",
    "updated_at",
    "lead_photo_caption",
    "section__slug",
    "section__parent__slug",
    "lead_photo_file",
    "lead_photo__caption",
    "lead_photo__rights_expire_at",
    "next_visibility_change",
)
URLSET = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"{news}>\n'
)
NEWS_NS = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
IMAGE_STORAGE = Rendition._meta.get_field("file").storage
# The picture at its largest public size (the original is never public, decision 0013).
LARGEST_WHOLE_JPEG = (
    Rendition.objects.filter(
        photo=OuterRef("lead_photo"),
        ratio=Rendition.Ratio.ORIGINAL,
        format=Rendition.Format.JPEG,
    )
    .order_by("-width")
    .values("file")[:1]
)


def w3c(moment: dt.datetime) -> str:
    """2024-11-13T09:07:00+01:00: Paris time, seconds included (the XSD requires them)."""
    return timezone.localtime(moment).isoformat(timespec="seconds")


def listed(articles, at) -> list[dict]:
    """Only what a ``<url>`` needs, as plain rows (thousands of them: no model instances),
    with the moment the next article goes live."""
    rows = articles.with_next_visibility_change(at).annotate(
        lead_photo_file=Subquery(LARGEST_WHOLE_JPEG)
    )
    return list(rows.values(*ROW))


def shown_photo(row, at) -> bool:
    expires = row["lead_photo__rights_expire_at"]
    return bool(row["lead_photo_file"]) and (expires is None or expires > at)


def url_element(row, at, *, publication=None) -> str:
    """One article's ``<url>``: its page, last change, lead photo and, for news, title."""
    loc = page_url(
        slug=row["slug"],
        public_id=row["public_id"],
        published_at=row["published_at"],
        sections=[row["section__parent__slug"], row["section__slug"]],
    )
    parts = [f"<url><loc>{escape(loc)}</loc>"]
    parts.append(f"<lastmod>{w3c(row['updated_at'] or row['published_at'])}</lastmod>")
    if publication:
        parts.append(
            f"<news:news><news:publication><news:name>{escape(publication)}</news:name>"
            f"<news:language>{escape(row['language'])}</news:language></news:publication>"
            f"<news:publication_date>{w3c(row['published_at'])}</news:publication_date>"
            f"<news:title>{escape(row['headline'])}</news:title></news:news>"
        )
    if shown_photo(row, at):  # a photo whose rights have expired is shown nowhere
        image = site_url(IMAGE_STORAGE.url(row["lead_photo_file"]))
        caption = row["lead_photo_caption"] or row["lead_photo__caption"]
        parts.append(f"<image:image><image:loc>{escape(image)}</image:loc>")
        if caption:
            parts.append(f"<image:caption>{escape(caption)}</image:caption>")
        parts.append("</image:image>")
    parts.append("</url>\n")
    return "".join(parts)


def urlset_response(rows, at, *, publication=None, expires_at=None):
    content = "".join(
        [
            URLSET.format(news=NEWS_NS if publication else ""),
            *(url_element(row, at, publication=publication) for row in rows),
            "</urlset>\n",
        ]
    )
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    return mark_public(response, KEYS, expires_at=expires_at)


def expiry(rows, at, *moments):
    """When a sitemap of ``rows`` (not empty, from ``listed``) goes stale by itself: an
    article goes live, a photo's rights expire, or one of ``moments``."""
    candidates = [*moments, rows[0]["next_visibility_change"]]
    candidates += [row["lead_photo__rights_expire_at"] for row in rows if shown_photo(row, at)]
    return min((m for m in candidates if m is not None and m > at), default=None)


MONTHS_SQL = """
WITH RECURSIVE months(latest) AS (
    SELECT max(published_at) FROM ({public}) AS p
  UNION ALL
    SELECT (SELECT max(published_at) FROM ({public}) AS p WHERE published_at < {month_start})
    FROM months AS m WHERE m.latest IS NOT NULL
)
SELECT {month_start}, m.latest, (
    SELECT max(updated_at) FROM ({public}) AS p
    WHERE updated_at IS NOT NULL
      AND published_at >= {month_start}
      AND published_at < (date_trunc('month', m.latest AT TIME ZONE %s) + interval '1 month')
                         AT TIME ZONE %s
)
FROM months AS m WHERE m.latest IS NOT NULL
"""
MONTH_START = "(date_trunc('month', m.latest AT TIME ZONE %s) AT TIME ZONE %s)"


def months(at) -> list[tuple[dt.datetime, dt.datetime, dt.datetime]]:
    """Each month (Paris time) holding public articles, newest first: its first instant,
    its latest publication, and its latest publication or significant update.

    A loose index scan: each month is found by one index probe for the latest public
    article before the month after it, so the cost grows with the number of months, not
    of articles. Updates are read from the partial index of updated articles."""
    public, params = (
        Article.objects.public(at).order_by().values("published_at", "updated_at").query
    ).sql_with_params()
    zone = [timezone.get_current_timezone_name()] * 2
    sql = MONTHS_SQL.format(public=public, month_start=MONTH_START)
    arguments = [
        *params,  # the first probe
        *params,
        *zone,  # each next probe: before this month
        *zone,  # the month's start, selected
        *params,
        *zone,
        *zone,  # its updates: within the month
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, arguments)
        rows = cursor.fetchall()
    return [(start, latest, max(latest, updated or latest)) for start, latest, updated in rows]


def index(request):
    """``/sitemap.xml``: the news sitemap (if anything is recent enough), then every
    month's sitemap. A sitemap lists at least one thing: with nothing public, a 404."""
    if refused := unknown_parameters(request):
        return refused
    at = timezone.now()
    found = months(at)
    if not found:
        raise Http404
    sitemaps, news_ends = [], None  # (address, last change)
    newest = found[0][1]
    if newest > at - NEWS_WINDOW:
        sitemaps.append((reverse("syndication:sitemap-news"), newest))
        news_ends = newest + NEWS_WINDOW
    month_address = reverse("syndication:sitemap-month", kwargs={"year": "0000", "month": "00"})
    for start, _latest, lastmod in found:  # one reverse, not one per month
        period = f"{timezone.localtime(start):%Y-%m}"
        sitemaps.append((month_address.replace("0000-00", period), lastmod))
    next_change = Article.objects.next_visibility_change(at)
    content = "".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n',
            *(
                f"<sitemap><loc>{escape(site_url(loc))}</loc><lastmod>{w3c(lastmod)}</lastmod>"
                "</sitemap>\n"
                for loc, lastmod in sitemaps
            ),
            "</sitemapindex>\n",
        ]
    )
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    expires_at = min(filter(None, [next_change, news_ends]), default=None)
    return mark_public(response, KEYS, expires_at=expires_at)


def month(request, year, month):
    """``/sitemaps/articles-2024-11.xml``: the month's public articles, oldest first."""
    if refused := unknown_parameters(request):
        return refused
    year, month = int(year), int(month)
    if not (1 <= year < 9999 and 1 <= month <= 12):
        raise Http404
    at = timezone.now()
    paris = timezone.get_current_timezone()
    start = dt.datetime(year, month, 1, tzinfo=paris)
    end = dt.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=paris)
    rows = listed(
        Article.objects.public(at)
        .filter(published_at__gte=start, published_at__lt=end)
        .order_by("published_at", "id")[: SITEMAP_SIZE + 1],
        at,
    )
    if not rows:
        raise Http404
    if len(rows) > SITEMAP_SIZE:
        logger.warning(
            "%d-%02d has more than %d articles: the rest is not in its sitemap",
            year,
            month,
            SITEMAP_SIZE,
        )
        rows = rows[:SITEMAP_SIZE]
    return urlset_response(rows, at, expires_at=expiry(rows, at))


def news(request):
    """``/sitemap-news.xml``: articles published in the last 48 hours, newest first."""
    if refused := unknown_parameters(request):
        return refused
    at = timezone.now()
    rows = listed(
        Article.objects.public(at)
        .filter(published_at__gt=at - NEWS_WINDOW)
        .order_by("-published_at", "-id")[:NEWS_SIZE],
        at,
    )
    if not rows:
        raise Http404
    leaves = rows[-1]["published_at"] + NEWS_WINDOW  # the oldest drops out then
    return urlset_response(
        rows,
        at,
        publication=settings.PUBLICATION_NAME,
        expires_at=expiry(rows, at, leaves),
    )
