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
