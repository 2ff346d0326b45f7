"""A browser front-end on an origin listed in CORS_ALLOWED_ORIGINS reads the public API; it
can neither write nor read the token endpoint's answer, and other origins get nothing."""

import pytest
from django.core.handlers.wsgi import WSGIHandler

from articles.hotpath import PublicReadsApp
from newsroom import response_cache
from newsroom.response_cache import CachedPublicResponses
from tests.api.test_hotpath import call
from tests.api.test_response_cache import listening

FRONT = "https://www.journal.example"


def lower(headers: dict) -> dict:
    return {name.lower(): value for name, value in headers.items()}


@pytest.fixture
def cors(settings):
    settings.CORS_ALLOWED_ORIGINS = [FRONT, "https://app.journal.example"]
    return settings


def test_a_listed_origin_reads_the_article_list_and_its_etag(cors, client, article):
    response = client.get("/api/v1/articles/", HTTP_ORIGIN=FRONT)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT
    assert "Access-Control-Allow-Credentials" not in response
    exposed = {h.strip() for h in response["Access-Control-Expose-Headers"].split(",")}
    assert {"ETag", "Last-Modified", "Cache-Control", "Age"} <= exposed
    assert "origin" in response["Vary"].lower()


def test_a_preflight_lets_a_listed_origin_revalidate_with_if_none_match(cors, client, article):
    response = client.options(
        "/api/v1/articles/papier/",
        HTTP_ORIGIN=FRONT,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "if-none-match" in response["Access-Control-Allow-Headers"]
    assert response["Access-Control-Max-Age"] == "86400"


def test_a_preflight_allows_neither_writes_nor_credentials(cors, client):
    response = client.options(
        "/api/v1/articles/",
        HTTP_ORIGIN=FRONT,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type",
    )
    assert "POST" not in response["Access-Control-Allow-Methods"]
    assert "authorization" not in response["Access-Control-Allow-Headers"]
    assert "content-type" not in response["Access-Control-Allow-Headers"]


def test_the_token_endpoint_s_answer_is_never_readable_from_another_origin(cors, client, db):
    response = client.post(
        "/api/v1/auth/token/", {"username": "x", "password": "y"}, HTTP_ORIGIN=FRONT
    )
    assert response.status_code == 400
    assert "Access-Control-Allow-Origin" not in response


def test_an_origin_not_listed_gets_no_cors_header(cors, client, article):
    response = client.get("/api/v1/articles/", HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_without_allowed_origins_the_api_sends_no_cors_header(client, article, settings):
    settings.CORS_ALLOWED_ORIGINS, settings.CORS_ALLOW_ALL_ORIGINS = [], False
    response = client.get("/api/v1/articles/", HTTP_ORIGIN=FRONT)
    assert "Access-Control-Allow-Origin" not in response
    assert "origin" not in response.get("Vary", "").lower()


def test_a_star_lets_any_origin_read(client, article, settings):
    settings.CORS_ALLOWED_ORIGINS, settings.CORS_ALLOW_ALL_ORIGINS = [], True
    response = client.get("/api/v1/articles/", HTTP_ORIGIN="https://anyone.example")
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_each_origin_gets_its_own_kept_answer(cors, article):
    cors.ALLOWED_HOSTS = ["testserver"]
    calls = []
    stack = PublicReadsApp(WSGIHandler())

    def counting(environ, start_response):
        calls.append(environ.get("HTTP_ORIGIN"))
        return stack(environ, start_response)

    listening(response_cache.cache)
    try:
        worker = CachedPublicResponses(counting)
        for origin in [FRONT, None, "https://evil.example", FRONT, None]:
            extra = {"HTTP_ORIGIN": origin} if origin else {}
            status, headers, _body = call(worker, "/api/v1/articles/", **extra)
            assert status == "200 OK"
            allowed = FRONT if origin == FRONT else None
            assert lower(headers).get("access-control-allow-origin") == allowed, origin
    finally:
        response_cache.cache.stop_listening()
    assert calls == [FRONT, None]  # an origin not listed is answered as one that sent none


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_fast_path_varies_on_origin_as_django_does(cors, api, article):
    cors.ALLOWED_HOSTS = ["testserver"]
    hot = PublicReadsApp(WSGIHandler())
    django_response = api.get("/api/v1/articles/papier/")
    _status, headers, _body = call(hot, "/api/v1/articles/papier/")
    assert headers["Vary"] == django_response["Vary"]
    status, headers, _body = call(hot, "/api/v1/articles/papier/", HTTP_ORIGIN=FRONT)
    assert (status, lower(headers)["access-control-allow-origin"]) == ("200 OK", FRONT)
