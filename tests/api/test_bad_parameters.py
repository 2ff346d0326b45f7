"""A query parameter the API cannot use is a 400 that names it, never a 500 or a silent ignore."""

import pytest


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/articles/?status=draft", "status"),
        ("/api/v1/articles/?ordering=-modified_at", "ordering"),
        ("/api/v1/articles/?section=no-such-section", "section"),
        ("/api/v1/articles/?tag=no-such-tag", "tag"),
        ("/api/v1/articles/?dossier=no-such-dossier", "dossier"),
        ("/api/v1/articles/?author=nobody", "author"),
        ("/api/v1/articles/?person=nobody", "person"),
        ("/api/v1/articles/?published_from=13/11/2024", "published_from"),
        ("/api/v1/articles/?published_to=2024-13-45", "published_to"),
        ("/api/v1/articles/?premium=maybe", "premium"),
        ("/api/v1/articles/?cursor=not-a-cursor", "cursor"),
        ("/api/v1/articles/?page_size=0", "page_size"),
        ("/api/v1/articles/?page_size=abc", "page_size"),
        ("/api/v1/articles/?page_size=1000", "page_size"),
        ("/api/v1/articles/?q=" + "x" * 201, "q"),
        ("/api/v1/quotes/?person=nobody", "person"),
        ("/api/v1/tags/?kind=planet", "kind"),
        ("/api/v1/people/?search=x", "search"),
        ("/api/v1/sections/?page=2", "page"),
        ("/api/v1/dossiers/?section=x", "section"),
    ],
)
def test_bad_query_parameter_is_a_400_naming_it(api, published_article, url, parameter):
    response = api.get(url)
    assert response.status_code == 400
    assert parameter in response.json()
    assert response.json()[parameter][0]


def test_unknown_parameter_on_detail_is_refused(api, published_article):
    response = api.get(f"/api/v1/articles/{published_article.slug}/?preview=1")
    assert response.status_code == 400
    assert list(response.json()) == ["preview"]


@pytest.mark.parametrize(
    "url", ["/api/v1/articles/1/", "/api/v1/photos/abc/", "/api/v1/quotes/1.0/", "/api/v1/nope/"]
)
def test_malformed_ids_are_not_found(api, db, url):
    assert api.get(url).status_code == 404


def test_valid_filters_are_accepted(api, published_article):
    url = (
        f"/api/v1/articles/?section={published_article.section.slug}"
        "&published_from=2000-01-01&published_to=2100-01-01T00:00:00%2B01:00&premium=false&q="
    )
    response = api.get(url)
    assert response.status_code == 200
    assert [a["slug"] for a in response.json()["results"]] == [published_article.slug]
