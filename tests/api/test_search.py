import datetime as dt

import pytest

from tests.factories import ArticleFactory


@pytest.fixture
def korean_article(make_published):
    return make_published(
        headline="Des soldats nord-coréens engagés en Russie",
        body=[{"type": "paragraph", "html": "Les troupes se trouvent près de Koursk."}],
    )


def search(api, q):
    response = api.get("/api/v1/articles/", {"q": q})
    assert response.status_code == 200
    return [a["slug"] for a in response.json()["results"]]


@pytest.mark.parametrize(
    "q", ["coreen", "coréens", "CORÉENS", "engager", "koursk", '"soldats nord-coréens"']
)
def test_search_is_accent_insensitive_and_stemmed(api, korean_article, q):
    assert search(api, q) == [korean_article.slug]


def test_search_excludes_words_with_a_minus(api, korean_article):
    assert search(api, "soldats -koursk") == []


def test_search_never_finds_a_draft(api, korean_article):
    ArticleFactory(headline="Des Coréens dans un brouillon")
    assert search(api, "coreens") == [korean_article.slug]


def test_search_reflects_an_edit_immediately(api, korean_article):
    korean_article.headline = "Un titre sur Pyongyang"
    korean_article.save()
    assert search(api, "pyongyang") == [korean_article.slug]


def test_search_results_carry_a_rank_and_a_highlighted_snippet(api, korean_article):
    result = api.get("/api/v1/articles/", {"q": "koursk"}).json()["results"][0]
    assert result["slug"] == korean_article.slug
    assert "<mark>Koursk</mark>" in result["snippet"]
    assert result["rank"] > 0
    plain = api.get("/api/v1/articles/").json()["results"][0]
    assert "snippet" not in plain


def paragraph(text):
    return [{"type": "paragraph", "html": text}]


@pytest.fixture
def banquise(make_published, now):
    """Five articles about the ice floe: where the word is, and how old they are, differ."""
    hours = dt.timedelta(hours=1)
    make_published(
        slug="corps-recent", headline="Météo", body=paragraph("La banquise."), at=now - hours
    )
    make_published(slug="titre-hier", headline="La banquise fond", at=now - 24 * hours)
    make_published(
        slug="titre-ancien", headline="La banquise fond encore", at=now - 3 * 365 * 24 * hours
    )
    make_published(
        slug="chapo", headline="Climat", standfirst="La banquise recule.", at=now - 2 * hours
    )
    make_published(slug="sans-rapport", headline="Le budget", at=now - 3 * hours)


def slugs_of(response):
    assert response.status_code == 200, response.content
    return [result["slug"] for result in response.json()["results"]]


def test_a_search_comes_best_first_by_default(api, banquise):
    """Headline above standfirst above body; three years' age outweighs a headline match."""
    results = api.get("/api/v1/articles/", {"q": "banquise"}).json()["results"]
    assert [r["slug"] for r in results] == ["titre-hier", "chapo", "corps-recent", "titre-ancien"]
    assert results[0]["rank"] > results[1]["rank"] > results[2]["rank"]


def test_ordering_newest_lists_every_match_by_date(api, banquise):
    response = api.get("/api/v1/articles/", {"q": "banquise", "ordering": "newest"})
    assert slugs_of(response) == ["corps-recent", "chapo", "titre-hier", "titre-ancien"]


def test_ordering_by_relevance_pages_by_cursor_without_repeating(api, banquise):
    url, seen = "/api/v1/articles/?q=banquise&ordering=relevance&page_size=1", []
    while url:
        page = api.get(url).json()
        seen += [result["slug"] for result in page["results"]]
        url = page["next"]
    assert seen == ["titre-hier", "chapo", "corps-recent", "titre-ancien"]


def test_ordering_by_relevance_needs_words(api, banquise):
    response = api.get("/api/v1/articles/", {"ordering": "relevance"})
    assert response.status_code == 400
    assert "q" in response.json()["ordering"][0]


def test_a_cursor_of_one_order_is_refused_by_the_other(api, banquise):
    newest = api.get("/api/v1/articles/?q=banquise&ordering=newest&page_size=1").json()
    cursor = newest["next"].split("cursor=")[1].split("&")[0]
    response = api.get(f"/api/v1/articles/?q=banquise&cursor={cursor}")
    assert response.status_code == 400
    assert "cursor" in response.json()
