"""The hottest public read, an anonymous GET of one article, served before Django's stack.

One indexed query returns the article's stored public JSON; the SQL is compiled once from
``Article.objects.public()``, so the public rule still exists in one place, and prepared
once per database connection, so PostgreSQL plans it once too (planning cost it more than
running it: 0.4 against 0.1 ms). Anything that
is not exactly that request (a query string, a login, an unknown or unrendered article, a
database error) goes to Django, which answers it the usual way. The bytes and headers are
the ones Django would send (tests/api/test_hotpath.py compares them).
"""

import datetime as dt
import re
import weakref

from django.conf import settings
from django.db import DatabaseError, connection
from django.http.request import split_domain_port, validate_host
from django.utils import timezone
from django.utils.http import http_date

from articles.models import Article
from newsroom.caching import cache_control_value
from newsroom.response_cache import etags_in

DETAIL_PATH = re.compile(r"/api/v1/articles/(?P<slug>[-a-zA-Z0-9_]+)/")
_SLUG, _AT = "\x00slug", dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
STATEMENT = "newsroom_article_detail"
PREPARED_ON = weakref.WeakSet()  # the database connections (psycopg's) that hold it
# What Django's middleware adds to such a response (security, locale, DRF's Allow).
FIXED_HEADERS = [
    ("Allow", "GET, PUT, PATCH, DELETE, HEAD, OPTIONS"),
    ("X-Frame-Options", "DENY"),
    ("Content-Language", "fr"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
]


def cors_headers() -> list[tuple[str, str]]:
    """What newsroom.middleware.PublicReadCors adds to an answer asked without ``Origin``."""
    if settings.CORS_ALLOWED_ORIGINS or settings.CORS_ALLOW_ALL_ORIGINS:
        return [("Vary", "origin")]
    return []


def _prepared_query() -> tuple[str, str, list]:
    """``PREPARE`` for the public article query, ``EXECUTE`` for it (with ``%s`` for each
    value), and its parameters (``_SLUG`` and ``_AT`` stand for the request's)."""
    query = (
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
    sql, params = query.query.sql_with_params()
    first, *rest = sql.split("%s")
    numbered = first + "".join(f"${number}{part}" for number, part in enumerate(rest, 1))
    execute = f"EXECUTE {STATEMENT}({', '.join(['%s'] * len(params))})"
    return f"PREPARE {STATEMENT} AS {numbered}", execute, list(params)


class ArticleDetailApp:
    """WSGI app answering anonymous article details itself, everything else through Django."""

    def __init__(self, django_app):
        self.django_app = django_app
        self.query = None

    def __call__(self, environ, start_response):
        response = self._try(environ)
        if response is None:
            return self.django_app(environ, start_response)
        status, headers, body = response
        start_response(status, headers)
        return [body]

    def _try(self, environ):
        method = environ["REQUEST_METHOD"]
        match = DETAIL_PATH.fullmatch(environ.get("PATH_INFO", ""))
        if (
            match is None
            or method not in ("GET", "HEAD")
            or environ.get("QUERY_STRING")
            or "HTTP_AUTHORIZATION" in environ
            or settings.SESSION_COOKIE_NAME in environ.get("HTTP_COOKIE", "")
            or "HTTP_ORIGIN" in environ  # a browser on another origin: CORS is Django's
            or not self._host_allowed(environ)
        ):
            return None
        at = timezone.now()
        row = self._fetch(match["slug"], at)
        if row is None or row[0] is None or (row[4] is not None and row[4] <= at):
            return None  # unknown, not public, or not rendered yet: Django knows what to say
        detail, etag, rendered_at, keys, valid_until = row
        headers = [
            ("Content-Type", "application/json"),
            ("ETag", etag),
            ("Last-Modified", http_date(rendered_at.timestamp())),
            ("Cache-Control", cache_control_value(valid_until, at)),
            ("Surrogate-Key", " ".join(sorted(keys))),
            *FIXED_HEADERS,
            *cors_headers(),
        ]
        if etag in etags_in(environ.get("HTTP_IF_NONE_MATCH", "")):
            return "304 Not Modified", headers[1:5] + FIXED_HEADERS + cors_headers(), b""
        body = detail.encode()
        headers.append(("Content-Length", str(len(body))))
        return "200 OK", headers, b"" if method == "HEAD" else body

    def _fetch(self, slug, at):
        if self.query is None:
            self.query = _prepared_query()
        prepare, execute, params = self.query
        values = [slug if p == _SLUG else at if p == _AT else p for p in params]
        try:
            with connection.cursor() as cursor:
                if connection.connection not in PREPARED_ON:
                    cursor.execute(prepare)
                    PREPARED_ON.add(connection.connection)
                cursor.execute(execute, values)
                return cursor.fetchone()
        except DatabaseError:
            connection.close()
            return None

    @staticmethod
    def _host_allowed(environ) -> bool:
        host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
        domain, _port = split_domain_port(host)
        return bool(domain) and validate_host(domain, settings.ALLOWED_HOSTS)
