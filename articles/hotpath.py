"""The hottest public reads, served before Django's stack: an anonymous GET of one article,
and of a page of the article list, of a dossier's timeline, of the quotes, the people or
the tags, and the first page of a search of the articles.

Each is one query, compiled once from the querysets the views use
(``Article.objects.public()``, ``in_dossier``, ``responses.entry_rows``, ``search``), so
the public rule still exists in one place, and prepared once per database connection, so
PostgreSQL plans it once too (planning cost it more than running it: 0.4 against 0.1 ms
for a detail); a rare word's search is planned for its words each time. A list's cursor
is DRF's own ``CursorPagination`` working on ``PreparedPage``, so its links are the ones
the view writes. Anything that is not exactly such a request (a parameter the path does not take
here, a login, a conditional request for a list, a search naming a person, an unknown or
unrendered article, an empty page, a database error) goes to Django, which answers it the
usual way. The bytes and headers are the ones Django would send
(tests/api/test_hotpath.py, test_hotlists.py and test_hotsearch.py compare them).
"""

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.handlers.wsgi import WSGIRequest
from django.db import DatabaseError, connection
from django.db.models import Subquery
from django.http.request import split_domain_port, validate_host
from django.utils import timezone
from rest_framework import exceptions

from articles import rendering, responses, search
from articles.api.filters import DateOrDateTimeField
from articles.models import Article, Person, Quote, Tag
from articles.statements import PreparedStatement
from newsroom import surrogate_keys
from newsroom.api import (
    CursorPagination,
    DossierTimelinePagination,
    NewestFirstCursorPagination,
    QuotesCursorPagination,
    RelevanceCursorPagination,
    ordering_field,
)
from newsroom.caching import cache_control_value, content_etag, last_modified
from newsroom.response_cache import etags_in

DETAIL_PATH = re.compile(r"/api/v1/articles/(?P<slug>[-a-zA-Z0-9_]+)/")
ARTICLES_PATH = re.compile(r"/api/v1/articles/")
TIMELINE_PATH = re.compile(r"/api/v1/dossiers/(?P<slug>[-a-zA-Z0-9_]+)/articles/")
# The lists of entries PostgreSQL writes (``responses.written_rows``), by path.
WRITTEN_LISTS = {"/api/v1/quotes/": "quotes", "/api/v1/people/": "people", "/api/v1/tags/": "tags"}
# Stand-ins compiled into a statement, replaced by the request's values at each execution.
_SLUG, _SECTION = "\x00slug", "\x00section"
_AT, _FROM, _TO, _POSITION = (dt.datetime(1900, 1, day, tzinfo=dt.UTC) for day in (1, 2, 3, 4))
_DAY = dt.date(1900, 1, 5)  # a cursor's position on a day (the quotes': the day said)
_WORDS = "\x00position"  # a cursor's position on text (the people's and tags': the slug)
_QUERY, _POSITIVE = "\x00query", "\x00positive"  # a search's text, and without exclusions
# The list filters answered here, by their stand-ins (the others go to Django). The
# filters of the quotes, people and tags are all Django's.
LIST_FILTERS = {"section": _SECTION, "published_from": _FROM, "published_to": _TO}
# A search's first page is answered here, by relevance or newest first, with the list
# filters.
SEARCH_PARAMETERS = ("q", "ordering", "page_size")
SEARCH_ORDERINGS = {
    "relevance": RelevanceCursorPagination,
    "newest": NewestFirstCursorPagination,
}
SEARCHED = ("search_rank", "search_snippet")  # what a search adds to each row
PAGINATIONS = {
    "articles": NewestFirstCursorPagination,
    "timeline": DossierTimelinePagination,
    "quotes": QuotesCursorPagination,
    "people": CursorPagination,
    "tags": CursorPagination,
}
# Shapes of list page (filters given, page size, direction) each worker prepares, at most:
# any page size of 1 to 100 is a statement of its own.
MOST_STATEMENTS = 64
# What Django's middleware adds to such a response (security, locale).
FIXED_HEADERS = [
    ("X-Frame-Options", "DENY"),
    ("Content-Language", "fr"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
]
DETAIL_ALLOW = ("Allow", "GET, PUT, PATCH, DELETE, HEAD, OPTIONS")


class WrittenList(NamedTuple):
    """A list of entries PostgreSQL writes: its items and their entry, public at a time;
    what its responses show; the methods its path takes."""

    items: Callable
    keys: list[str]
    methods: str


def _quotes(at):
    quotes = Quote.objects.public(at).newest_first()
    return quotes, quotes.list_entry(at)


def _people(at):
    people = Person.objects.public(at)
    return people, people.list_entry()


def _tags(at):
    tags = Tag.objects.public(at)
    return tags, tags.list_entry()


WRITTEN = {
    "quotes": WrittenList(_quotes, [surrogate_keys.QUOTES], "GET, POST, HEAD, OPTIONS"),
    "people": WrittenList(_people, [surrogate_keys.PEOPLE], "GET, POST, HEAD, OPTIONS"),
    "tags": WrittenList(_tags, [surrogate_keys.TAGS], "GET, HEAD, OPTIONS"),
}


def cors_headers() -> list[tuple[str, str]]:
    """What newsroom.middleware.PublicReadCors adds to an answer asked without ``Origin``."""
    if settings.CORS_ALLOWED_ORIGINS or settings.CORS_ALLOW_ALL_ORIGINS:
        return [("Vary", "origin")]
    return []


class PublicReadsApp:
    """WSGI app answering anonymous article details and list pages itself, everything else
    through Django."""

    def __init__(self, django_app):
        self.django_app = django_app
        self.detail_statement = None
        self.list_statements = {}
        self.cursor_checks = {}

    def __call__(self, environ, start_response):
        response = self._try(environ)
        if response is None:
            return self.django_app(environ, start_response)
        status, headers, body = response
        start_response(status, headers)
        return [body]

    def _try(self, environ):
        path = environ.get("PATH_INFO", "")
        if match := DETAIL_PATH.fullmatch(path):
            answer, arguments = self._detail, (match["slug"],)
        elif ARTICLES_PATH.fullmatch(path):
            answer, arguments = self._list, ("articles", "")
        elif match := TIMELINE_PATH.fullmatch(path):
            answer, arguments = self._list, ("timeline", match["slug"])
        elif path in WRITTEN_LISTS:
            answer, arguments = self._list, (WRITTEN_LISTS[path], "")
        else:
            return None  # every other path, with no further look at the request
        if not self._anonymous_read(environ):
            return None
        try:
            return answer(environ, *arguments)
        except DatabaseError:
            connection.close()
            return None

    @staticmethod
    def _anonymous_read(environ) -> bool:
        return (
            environ["REQUEST_METHOD"] in ("GET", "HEAD")
            and "HTTP_AUTHORIZATION" not in environ
            and settings.SESSION_COOKIE_NAME not in environ.get("HTTP_COOKIE", "")
            and "HTTP_ORIGIN" not in environ  # a browser on another origin: CORS is Django's
            and _accepts_json(environ.get("HTTP_ACCEPT", "*/*"))
            and _host_allowed(environ)
        )

    # An article

    def _detail(self, environ, slug):
        if environ.get("QUERY_STRING"):
            return None
        at = timezone.now()
        if self.detail_statement is None:
            self.detail_statement = PreparedStatement(
                Article.objects.public(at=_AT)
                .filter(slug=_SLUG)
                .values_list(
                    "public_copy__detail",
                    "public_copy__etag",
                    "public_copy__rendered_at",
                    "public_copy__surrogate_keys",
                    "public_copy__valid_until",
                )
            )
        rows, _names = self.detail_statement.execute({_SLUG: slug, _AT: at})
        if not rows or rows[0][0] is None or rendering.outlived(rows[0][4], at):
            return None  # unknown, not public, or not rendered yet: Django knows what to say
        body, etag, rendered_at, keys, valid_until = rows[0]
        headers = [
            ("Content-Type", "application/json"),
            ("ETag", etag),
            ("Last-Modified", last_modified(rendered_at.timestamp())),
            ("Cache-Control", cache_control_value(valid_until, at)),
            ("Surrogate-Key", " ".join(sorted(keys))),
            DETAIL_ALLOW,
            *FIXED_HEADERS,
            *cors_headers(),
        ]
        if etag in etags_in(environ.get("HTTP_IF_NONE_MATCH", "")):
            return "304 Not Modified", headers[1:], b""
        headers.append(("Content-Length", str(len(body))))
        return "200 OK", headers, b"" if environ["REQUEST_METHOD"] == "HEAD" else body

    # A page of a list

    def _list(self, environ, kind, slug):
        """A page of the article list or of dossier ``slug``'s timeline, as
        ``responses.public_list`` writes it, or of the quotes, people or tags, as
        ``responses.entries_list`` does."""
        if "HTTP_IF_NONE_MATCH" in environ or "HTTP_IF_MODIFIED_SINCE" in environ:
            return None  # ConditionalGetMiddleware's to answer
        request = WSGIRequest(environ)
        request.__dict__["_current_scheme_host"] = settings.SITE_URL  # SiteAddressMiddleware
        request.query_params = request.GET
        at = timezone.now()
        if kind == "articles" and "q" in request.GET:
            found = self._found(request, at)
        else:
            found = self._listed(request, kind, slug, at)
        if found is None:
            return None
        paginator, entries, item_keys, expires_at = found
        content = responses.list_content(
            paginator.get_next_link(), paginator.get_previous_link(), entries
        )
        if kind == "timeline":
            keys = surrogate_keys.dossier_timeline(slug)
            allow = ("Allow", "GET, HEAD, OPTIONS")
        elif kind in WRITTEN:
            keys, allow = WRITTEN[kind].keys, ("Allow", WRITTEN[kind].methods)
        else:
            keys = responses.article_list_keys(request.GET)
            allow = ("Allow", "GET, POST, HEAD, OPTIONS")
        headers = [
            ("Content-Type", "application/json"),
            ("Cache-Control", cache_control_value(expires_at, at)),
            ("Last-Modified", last_modified()),
            ("Surrogate-Key", " ".join(sorted({*keys, *item_keys}))),
            allow,
            *FIXED_HEADERS,
            ("ETag", content_etag(content)),
            *cors_headers(),
            ("Content-Length", str(len(content))),
        ]
        return "200 OK", headers, b"" if environ["REQUEST_METHOD"] == "HEAD" else content

    def _listed(self, request, kind, slug, at):
        """A page of a list without search: its paginator, entries, their keys and when
        the page goes stale; None for Django to answer."""
        filters = list_filters(request.GET, {} if kind in WRITTEN else LIST_FILTERS)
        if filters is None:
            return None
        values = {_SLUG: slug, _AT: at, **{LIST_FILTERS[n]: v for n, v in filters.items()}}
        statement = functools.partial(self.list_statement, kind, filters)
        paginator = PAGINATIONS[kind]()
        rows = self._page(paginator, request, PreparedPage(self, kind, values, statement))
        if not rows:
            return None  # nothing (no such section or dossier?): Django knows what to say
        found = (written_entries if kind in WRITTEN else stored_entries)(rows, at)
        return found and (paginator, *found)  # None: an entry to render first

    def _found(self, request, at):
        """The first page of a search of the articles, as ``responses.found_page`` or
        ``ranked_page`` writes it; None for Django to answer (another filter, a cursor, a
        query naming a person, a value Django refuses)."""
        query = request.GET
        filters = list_filters(query, LIST_FILTERS, SEARCH_PARAMETERS)
        if filters is None:
            return None
        text, ordering = query["q"].strip(), query.get("ordering", "relevance")
        if not text or len(query["q"]) > 200 or ordering not in SEARCH_ORDERINGS:
            return None
        wanted = search.CANDIDATES if ordering == "relevance" else search.PAGE_ROWS
        prepared = search.Search.prepare(text, wanted=wanted)
        if prepared.query.is_empty or prepared.person_ids:
            return None
        values = {_AT: at, _QUERY: prepared.query.text, _POSITIVE: prepared.query.positive_text}
        values.update({LIST_FILTERS[n]: v for n, v in filters.items()})
        statement = functools.partial(self.search_statement, ordering, prepared.selective, filters)
        paginator = SEARCH_ORDERINGS[ordering]()
        rows = self._page(paginator, request, PreparedPage(self, "articles", values, statement))
        if not rows:
            return None
        found = stored_entries(rows, at)
        if found is None:
            return None
        entries, item_keys, expires_at = found
        entries = [
            responses.with_search_fields(entry, row["search_rank"], snippet(row))
            for entry, row in zip(entries, rows, strict=True)
        ]
        return paginator, entries, item_keys, expires_at

    @staticmethod
    def _page(paginator, request, page):
        """The rows of the page ``paginator`` cuts from ``page``; None if Django is to."""
        try:
            return paginator.paginate_queryset(page, request)
        except (exceptions.APIException, ForDjango):
            return None  # a page size or cursor Django refuses (with the reason), or more

    def list_statement(self, kind, filters, ordering, position_lookup, limit):
        """The statement for one shape of list page, compiled on first use. Its ``LIMIT``
        is written in: the plan made once must know that it reads a page."""
        shape = (kind, tuple(sorted(filters)), ordering, position_lookup, limit)
        if shape not in self.list_statements and len(self.list_statements) >= MOST_STATEMENTS:
            raise ForDjango("a shape of page past those kept")  # each costs PostgreSQL memory
        if shape not in self.list_statements and kind in WRITTEN:
            items, entry = WRITTEN[kind].items(_AT)
            if position_lookup:
                items = items.filter(**self._position(kind, ordering, position_lookup))
            rows = responses.written_rows(items, ordering, entry, at=_AT)
            self.list_statements[shape] = PreparedStatement(rows.order_by(*ordering)[:limit])
        if shape not in self.list_statements:
            articles = dated(Article.objects.public(at=_AT), filters)
            if kind == "timeline" and not filters:
                position = (position_lookup, _POSITION) if position_lookup else None
                articles = articles.in_dossier_page(_SLUG, ordering, limit, _AT, position)
            elif kind == "timeline":
                articles = articles.in_dossier(_SLUG)
            if position_lookup:
                articles = articles.filter(**self._position(kind, ordering, position_lookup))
            if "section" in filters and kind == "timeline":
                articles = articles.in_section(_SECTION)  # the dossier bounds the walk
            elif "section" in filters:
                articles = articles.in_section_page(_SECTION, ordering, limit)
            rows = responses.entry_rows(articles, ordering, at=_AT).order_by(*ordering)
            self.list_statements[shape] = PreparedStatement(rows[:limit])
        return self.list_statements[shape]

    def search_statement(self, name, selective, filters, ordering, position_lookup, limit):
        """The statement for one shape of a search's first page (by relevance or newest
        first, the words read through the full-text index or not, the filters given, the
        page's size), compiled on first use from the querysets the views run. The page is
        cut before any entry is read (newest first, ``responses.found_page``'s two queries
        in one; by relevance, the 200 candidates ranked without their entries joined).
        Prepared where one plan serves every word (see below)."""
        if position_lookup:
            raise ForDjango("a cursor")
        shape = ("search", name, selective, tuple(sorted(filters)), ordering, limit)
        if shape not in self.list_statements and len(self.list_statements) >= MOST_STATEMENTS:
            raise ForDjango("a shape of page past those kept")
        if shape not in self.list_statements:
            # A frequent word's walk is prepared: one plan walks for every word, and
            # planning the statement cost as much as running it (0.5 ms). A rare word's
            # plan reads the index with the public rule's conditions as the values make
            # them cheapest (a plan made without them combined indexes: 19 ms for «droit»),
            # and so does a section's (the section's size decides which index to walk).
            prepared = not selective and "section" not in filters
            query = StandInQuery(
                text=_QUERY, words=(_QUERY,), phrases=(), excluded=(), prepared=prepared
            )
            found = search.Search(query, person_ids=(), selective=selective)
            articles = dated(Article.objects.public(at=_AT), filters)
            if "section" in filters:
                articles = articles.in_section(_SECTION)
            if name == "relevance":
                page = search.ranked(articles, found).values("pk")[:limit]
            else:
                page = found.newest(articles).values("pk")[:limit]
            articles = found.annotate(Article.objects.filter(pk__in=Subquery(page)))
            if name == "relevance":  # the page's rank again, to order and page by
                articles = articles.annotate(search_score=search.score())
            rows = responses.entry_rows(articles, ordering, at=_AT, also=SEARCHED)
            statement = PreparedStatement(rows.order_by(*ordering)[:limit], prepared=prepared)
            self.list_statements[shape] = statement
        return self.list_statements[shape]

    def _position(self, kind, ordering, lookup) -> dict:
        """The filter on a cursor's position, in ``ordering``, with its stand-in."""
        name = ordering[0].lstrip("-")
        field = ordering_field(self.cursor_check(kind), name)
        return {f"{name}__{lookup}": position_stand_in(field)}

    def cursor_check(self, kind):
        """The rows of list ``kind`` as the view asks for them, unrun: what a cursor's
        position is checked against."""
        if kind not in self.cursor_checks:
            if kind in WRITTEN:
                rows, _entry = WRITTEN[kind].items(None)
            elif kind == "timeline":
                rows = Article.objects.public().in_dossier(_SLUG)
            else:
                rows = Article.objects.public()
            self.cursor_checks[kind] = rows
        return self.cursor_checks[kind]


def stored_entries(rows, at):
    """The articles' stored entries, their surrogate keys, and when the page goes stale by
    itself; None if one is missing or stale (Django renders it)."""
    entries = [responses.Entry(r["summary"], r["entry_valid_until"]) for r in rows]
    if any(e.summary is None or rendering.outlived(e.valid_until, at) for e in entries):
        return None
    item_keys, expires_at = responses.entries_freshness(rows, entries)
    return [e.summary for e in entries], item_keys, expires_at


def written_entries(rows, at):
    """Entries PostgreSQL wrote (``responses.written_rows``): nothing stored to go stale,
    no keys of their own."""
    return [r["entry"] for r in rows], [], rows[0]["next_visibility_change"]


def snippet(row) -> str | None:
    """A found article's snippet, as ``search.Snippet`` writes it on Django's path (None
    if PostgreSQL holds no text for it)."""
    source = row["search_snippet"]
    return None if source is None else search.written_snippet(source)


def position_stand_in(field):
    """The stand-in of a cursor's position on ``field``: a moment, a day, or text."""
    return {"DateTimeField": _POSITION, "DateField": _DAY}.get(field.get_internal_type(), _WORDS)


def dated(articles, filters):
    """``articles`` published from and to the dates ``filters`` give, as stand-ins."""
    if "published_from" in filters:
        articles = articles.filter(published_at__gte=_FROM)
    if "published_to" in filters:
        articles = articles.filter(published_at__lte=_TO)
    return articles


def list_filters(query, names=LIST_FILTERS, taken=("cursor", "page_size")) -> dict | None:
    """The filters of a list request among ``names``, as the statement takes them; None if
    it asks for anything but them and ``taken`` or gives a value Django would refuse
    (with the reason)."""
    taken = {*taken, *names}
    if not set(query) <= taken or any(len(query.getlist(name)) != 1 for name in query):
        return None
    filters = {name: query[name] for name in names if name in query}
    for name in ("published_from", "published_to"):
        if name in filters:
            try:
                filters[name] = DateOrDateTimeField().to_python(filters[name])
            except ValidationError:
                return None
    return filters


class ForDjango(Exception):
    """A page the fast path leaves to Django: a cursor that counts past the articles of
    one second (an offset would make PostgreSQL plan each execution again, or need a
    statement per offset), or a shape of page beyond the statements a worker keeps."""


class PreparedPage:
    """What DRF's ``CursorPagination`` asks of a queryset to cut a page (an order, a filter
    on the cursor's position, a slice), answered by one statement: ``statement(ordering,
    position_lookup, limit)`` executed with ``values`` for its stand-ins. ``query`` and
    ``model`` are the view's, against which the pagination checks a cursor's position."""

    def __init__(self, app, kind, values, statement):
        self.app, self.kind, self.values, self.statement = app, kind, values, statement
        self.ordering, self.position_lookup = (), None
        self.checked_against = app.cursor_check(kind)
        self.query, self.model = self.checked_against.query, self.checked_against.model

    def order_by(self, *ordering):
        self.ordering = ordering
        return self

    def filter(self, **lookup):
        ((lookup, position),) = lookup.items()
        name, _, self.position_lookup = lookup.rpartition("__")
        field = ordering_field(self.checked_against, name)
        self.values = {**self.values, position_stand_in(field): field.get_prep_value(position)}
        return self

    def __getitem__(self, cut: slice):
        if cut.start:
            raise ForDjango("an offset")
        statement = self.statement(self.ordering, self.position_lookup, cut.stop)
        rows, names = statement.execute(self.values)
        return [dict(zip(names, row, strict=True)) for row in rows]


@dataclass(frozen=True)
class StandInQuery(search.ParsedQuery):
    """A search's query as a statement is compiled for it: its texts are stand-ins; for a
    prepared statement, its tsqueries computed once a run (``search.ComputedOnce``)."""

    positive_text = _POSITIVE
    prepared: bool = False

    def websearch(self, text: str):
        if self.prepared:
            return search.ComputedOnce(text, search_type="websearch", config=search.SEARCH_CONFIG)
        return super().websearch(text)


def _accepts_json(accept: str) -> bool:
    """Whether DRF would answer JSON to this ``Accept`` (else its 406 is Django's to say)."""
    return any(kind in accept for kind in ("*/*", "application/*", "application/json"))


def _host_allowed(environ) -> bool:
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    domain, _port = split_domain_port(host)
    return bool(domain) and validate_host(domain, settings.ALLOWED_HOSTS)
