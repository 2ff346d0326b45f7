from pathlib import Path

import demo
from articles.api.serializers import REFERENCE_PARAGRAPH


def test_openapi_schema_documents_every_resource(client, db):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in [
        "/api/v1/articles/",
        "/api/v1/articles/{slug}/",
        "/api/v1/sections/",
        "/api/v1/dossiers/{slug}/articles/",
        "/api/v1/photos/{id}/",
        "/api/v1/people/{slug}/",
        "/api/v1/quotes/",
        "/api/v1/tags/",
    ]:
        assert path in paths


def test_interactive_docs_are_served(client, db):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    assert b"swagger" in response.content.lower()


def test_api_root_lists_the_resources(client, db):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    assert set(response.json()) >= {"articles", "sections", "dossiers", "people", "quotes", "tags"}


def test_the_schema_example_quotes_the_reference_article_exactly():
    text = (Path(demo.__file__).parent / "reference_article.txt").read_text(encoding="utf-8")
    assert REFERENCE_PARAGRAPH in text
