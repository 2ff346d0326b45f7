"""French full-text search: accents, stemming, phrases, exclusions, guillemets."""

import pytest

from articles import search


@pytest.fixture
def body_article(make_published):
    return make_published(
        slug="engager",
        headline="Les réservistes vont s’engager",
        standfirst="",
        body=[
            {"type": "paragraph", "html": "Ils partent près de Koursk, sans soldats nord-coréens."}
        ],
    )


@pytest.mark.parametrize("q", ["coreens", "coréens", "CORÉENS", "Coréen", "nord-coreens"])
def test_search_is_accent_and_case_insensitive(found, reference_article, q):
    assert found(q) == [reference_article.slug]


def test_a_conjugated_form_finds_the_infinitive(found, body_article):
    assert found("engagés") == [body_article.slug]


def test_a_phrase_needs_its_words_together_and_in_order(found, reference_article, body_article):
    assert found('"soldats nord-coréens"') == [body_article.slug, reference_article.slug]
    assert found('"nord-coréens soldats"') == []


def test_guillemets_mean_a_phrase_too(found, reference_article):
    assert found("«opérations de combat»") == [reference_article.slug]
    assert found("«combat opérations»") == []


def test_a_minus_excludes_a_word(found, reference_article, body_article):
    assert found("soldats -Koursk") == []
    assert found("soldats -réservistes") == [reference_article.slug]


def test_a_query_of_exclusions_only_finds_nothing(found, reference_article):
    assert found("-Koursk") == []


@pytest.mark.parametrize(
    ("text", "words", "phrases", "excluded"),
    [
        ("Vedant Patell", ("Vedant", "Patell"), (), ()),
        ("«soldats nord-coréens» -Koursk", (), ("soldats nord-coréens",), ("Koursk",)),
        ('guerre or paix -"Corée du Nord"', ("guerre", "paix"), (), ("Corée du Nord",)),
        ('"non fermée', (), ("non fermée",), ()),
        ("- -- x", ("x",), (), ()),
    ],
)
def test_parse_splits_words_phrases_and_exclusions(text, words, phrases, excluded):
    parsed = search.parse(text)
    assert (parsed.words, parsed.phrases, parsed.excluded) == (words, phrases, excluded)
