"""A dossier's timeline: keyset pages, counts by month, and the cursor that links pages.

Pages are cut by a row comparison on the sort key, ``(published_at, id) < (…, …)``, which
PostgreSQL answers from the publication-time index: page 2,000 reads what page 1 reads,
where OFFSET would read and drop the 39,980 rows before it.
"""

import base64
import binascii
import datetime as dt
from dataclasses import dataclass

from django.db import connection, models, transaction
from django.db.models import Count, F, Func, Value
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.dateparse import parse_datetime

NEWEST_FIRST = ("published_at", "id")
DOSSIER_ORDER = ("entry_published_at", "entry_article")  # Article.objects.in_dossier
BY_SCORE = ("search_score", "id")


# What PostgreSQL's timestamptz and bigint columns take; Python takes more.
MAX_OFFSET = dt.timedelta(hours=15, minutes=59)
MAX_ID = 2**63 - 1


class InvalidCursor(ValueError):
    """The cursor was not made by ``Cursor.encode``."""


class RowBefore(Func):
    """``(a, b) < (x, y)``: what comes after a cursor in a descending two-column order."""

    output_field = models.BooleanField()
    conditional = True

    def as_sql(self, compiler, connection, **extra_context):
        parts, params = [], []
        for expression in self.get_source_expressions():
            sql, expression_params = compiler.compile(expression)
            parts.append(sql)
            params.extend(expression_params)
        return f"({parts[0]}, {parts[1]}) < ({parts[2]}, {parts[3]})", params


@dataclass(frozen=True)
class Cursor:
    """The sort key of the last row of a page; the next page starts after it."""

    key: dt.datetime | float
    pk: int

    def encode(self) -> str:
        key = self.key.isoformat() if isinstance(self.key, dt.datetime) else repr(self.key)
        return base64.urlsafe_b64encode(f"{key}|{self.pk}".encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str, *, by_score: bool = False) -> "Cursor":
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode()
            key, pk = raw.rsplit("|", 1)
            value = float(key) if by_score else parse_datetime(key)
            if value is None or (isinstance(value, dt.datetime) and timezone.is_naive(value)):
                raise ValueError(key)
            if isinstance(value, dt.datetime) and abs(value.utcoffset()) > MAX_OFFSET:
                raise ValueError(key)
            if not (pk.isascii() and pk.isdigit() and int(pk) <= MAX_ID):
                raise ValueError(pk)
            return cls(value, int(pk))
        except (ValueError, UnicodeDecodeError, binascii.Error):
            raise InvalidCursor(text) from None

    @classmethod
    def at_month_end(cls, month: dt.date) -> "Cursor":
        """A cursor whose next page starts with the last article of ``month`` (Paris time)."""
        following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        start = dt.datetime.combine(following, dt.time.min)
        return cls(timezone.make_aware(start), 0)


@dataclass
class Page:
    items: list
    next_cursor: Cursor | None


def page(queryset, *, cursor: Cursor | None, size: int, order=NEWEST_FIRST) -> Page:
    """One page of ``queryset`` in descending ``order``, after ``cursor``: one query."""
    key, pk = order
    if cursor is not None:
        queryset = queryset.filter(RowBefore(F(key), F(pk), Value(cursor.key), Value(cursor.pk)))
    rows = list(queryset.order_by(f"-{key}", f"-{pk}")[: size + 1])
    items = rows[:size]
    more = len(rows) > size
    last = items[-1] if items else None
    return Page(items, Cursor(getattr(last, key), getattr(last, pk)) if more else None)


def month_counts(articles, *, through_index=False) -> list[dict]:
    """``[{"month": date, "count": n}, …]``, newest month first, in Paris time: one query.

    ``through_index`` (when the words of a search narrow ``articles``): PostgreSQL reads the
    matches through the full-text index. For a word in most articles it would rather read
    every article's search vector, stored out of line: 570 ms at 100,000 articles, against
    90 ms through the index, which answers a plain word without reading the vectors. The
    planner's hint is set for this query only (two more statements).
    """
    rows = (
        articles.order_by()
        .annotate(month=TruncMonth("published_at"))
        .values("month")
        .annotate(count=Count("id"))
        .order_by("-month")
    )
    if not through_index:
        return list(rows)
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        try:
            return list(rows)
        finally:
            cursor.execute("SET LOCAL enable_seqscan = on")
