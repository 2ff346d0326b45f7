"""The WSGI fast path for article details answers exactly what Django would."""

import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles import statements, workflow
from articles.hotpath import PublicReadsApp
from backups import postgres

HEADERS = [
    "Content-Type",
    "ETag",
    "Last-Modified",
    "Cache-Control",
    "Surrogate-Key",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Content-Length",
]


class Fallback:
    def __init__(self):
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        start_response("418 I'm a teapot", [])
        return [b"django"]


def call(app, path, **extra):
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "HTTP_HOST": "testserver",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "wsgi.input": io.BytesIO(),
        "wsgi.url_scheme": "http",
        **extra,
    }
    seen = {}

    def start_response(status, headers):
        seen["status"], seen["headers"] = status, dict(headers)

    body = b"".join(app(environ, start_response))
    return seen["status"], seen["headers"], body


@pytest.fixture
def hot(settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    return PublicReadsApp(Fallback())


def test_fast_path_sends_the_bytes_and_headers_django_sends(api, published_article, hot):
    path = f"/api/v1/articles/{published_article.slug}/"
    django_response = api.get(path)  # renders and stores the copy
    status, headers, body = call(hot, path)
    assert status == "200 OK"
    assert body == django_response.content
    assert {h: headers[h] for h in HEADERS} == {h: django_response.headers[h] for h in HEADERS}
    assert hot.django_app.calls == 0


def test_fast_path_answers_304_to_a_matching_etag(api, published_article, hot):
    path = f"/api/v1/articles/{published_article.slug}/"
    etag = api.get(path).headers["ETag"]
    status, headers, body = call(hot, path, HTTP_IF_NONE_MATCH=etag)
    assert (status, body, headers["ETag"]) == ("304 Not Modified", b"", etag)


@pytest.mark.parametrize(
    "extra",
    [
        {"QUERY_STRING": "format=json"},
        {"HTTP_AUTHORIZATION": "Token abc"},
        {"HTTP_COOKIE": "sessionid=abc"},
        {"REQUEST_METHOD": "POST"},
        {"HTTP_HOST": "evil.example"},
        {"HTTP_ACCEPT": "text/html"},  # a 406
    ],
)
def test_anything_else_goes_to_django(api, published_article, hot, extra):
    path = f"/api/v1/articles/{published_article.slug}/"
    api.get(path)
    assert call(hot, path, **extra)[2] == b"django"


def test_withdrawn_or_unrendered_articles_go_to_django(api, make_published, hot):
    article = make_published()
    path = f"/api/v1/articles/{article.slug}/"
    assert call(hot, path)[2] == b"django"  # not rendered yet
    api.get(path)
    workflow.withdraw(article, by=None)
    assert call(hot, path)[2] == b"django"  # Django answers 404


def test_django_client_is_unaffected(published_article):
    assert Client().get(f"/api/v1/articles/{published_article.slug}/").status_code == 200


def test_the_query_is_prepared_once_per_connection(api, published_article, hot):
    """PostgreSQL plans the fast path's query once per connection, not once per request;
    the public rule is applied at each execution (a withdrawal is seen at once)."""
    path = f"/api/v1/articles/{published_article.slug}/"
    api.get(path)
    with CaptureQueriesContext(connection) as captured:
        for _ in range(3):
            assert call(hot, path)[0] == "200 OK"
    prepares = [q["sql"] for q in captured if q["sql"].startswith("PREPARE")]
    assert len(prepares) <= 1  # none if an earlier test prepared it on this connection
    assert sum(q["sql"].startswith("EXECUTE") for q in captured) == 3
    workflow.withdraw(published_article, by=None)
    assert call(hot, path)[2] == b"django"


def test_each_request_sends_the_moment_the_status_and_the_slug_once(api, published_article, hot):
    """The public rule names the moment twice (published, out of embargo) and the status
    once: each execution sends three values, not one per place the SQL holds them."""
    path = f"/api/v1/articles/{published_article.slug}/"
    api.get(path)
    with CaptureQueriesContext(connection) as captured:
        assert call(hot, path)[0] == "200 OK"
    (executed,) = [q["sql"] for q in captured if q["sql"].startswith("EXECUTE")]
    values = executed.partition("(")[2].rpartition(")")[0]
    assert values.count("::timestamptz") == 1
    assert values.count("'published'") == 1
    assert values.count(f"'{published_article.slug}'") == 1
    assert values.count(", ") == 2


def test_a_new_connection_prepares_the_query_again(api, published_article, hot):
    path = f"/api/v1/articles/{published_article.slug}/"
    api.get(path)
    assert call(hot, path)[0] == "200 OK"
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # as a new server session would be
    statements.Session.sessions.clear()  # as for a new connection
    assert call(hot, path)[0] == "200 OK"


def test_a_copys_detail_is_compressed_with_lz4_where_the_server_can_its_entry_kept_in(
    api, make_published, hot
):
    """Served, an article's stored detail is read from the TOAST table and decompressed:
    with lz4 where the server was built with it (articles/0026), else pglz. Its list entry
    stays in the row, long as it is: only the detail's chunks go to the TOAST table, or a
    list page would read twenty-one entries through it."""
    paragraphs = [
        {"type": "paragraph", "html": f"Le conseil a débattu du point {number} de l’ordre du jour."}
        for number in range(200)
    ]
    standfirst = " ".join(f"Le point {number} a été adopté." for number in range(80))
    article = make_published(body=paragraphs, standfirst=standfirst)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltoastrelid::regclass FROM pg_class"
            " WHERE oid = 'articles_publiccopy'::regclass"
        )
        (toast,) = cursor.fetchone()
        # The table's name is PostgreSQL's own, read from pg_class just above.
        stored_out = f"SELECT coalesce(sum(octet_length(chunk_data)), 0) FROM {toast}"  # noqa: S608
        cursor.execute(stored_out)
        (before,) = cursor.fetchone()
        api.get(f"/api/v1/articles/{article.slug}/")  # renders and stores the copy
        cursor.execute(
            "SELECT octet_length(detail), pg_column_size(detail), pg_column_compression(detail),"
            " octet_length(summary) FROM articles_publiccopy WHERE article_id = %s",
            [article.pk],
        )
        length, stored, compression, entry_length = cursor.fetchone()
        cursor.execute(stored_out)
        (after,) = cursor.fetchone()
    method = "lz4" if "lz4" in postgres.compression_methods(connection) else "pglz"
    assert length > 10_000
    assert entry_length > 2_000
    assert compression == method
    assert stored <= after - before + 16 < stored + 100  # the detail's chunks alone
    assert call(hot, f"/api/v1/articles/{article.slug}/")[0] == "200 OK"
