"""Search snippets, written by the worker: the words PostgreSQL matched are the ones
marked, however the text spells them; fragments are short and show where the query's
words meet; the text is escaped."""

import html
import re

import pytest
from django.db import connection

from articles import search, snippets
from articles.models import Article, SnippetSource
from tests.dossiers.reference import build_reference


@pytest.fixture
def snippet(make_published):
    """The snippet a search for ``query`` shows of an article whose body is ``text``."""

    def write(text: str, query: str) -> str:
        body = [{"type": "paragraph", "html": html.escape(text, quote=False)}]
        article = make_published(standfirst="", body=body)
        found = search.Search.prepare(query).annotate(Article.objects.filter(pk=article.pk))
        return found.get().search_snippet

    return write


def marked(html: str) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", html)


def words(fragment: str) -> int:
    return len(re.sub(r"</?mark>", "", fragment).split())


def test_words_are_marked_whatever_their_accents_case_and_ending(snippet):
    text = "Des Coréens, une COREENNE et des coréennes ; la Corée et le corps, encore."
    assert marked(snippet(text, "coréen")) == ["Coréens", "COREENNE", "coréennes"]


def test_words_in_capitals_beyond_ascii_are_marked(snippet):
    text = "L’ÉCOLE, les Écoles et l’école ; l’ŒUVRE, les Œuvres et les œuvres."
    assert marked(snippet(text, "école")) == ["ÉCOLE", "Écoles", "école"]
    assert marked(snippet(text, "oeuvre")) == ["ŒUVRE", "Œuvres", "œuvres"]


def test_only_whole_words_are_marked(snippet):
    text = "L'après-guerre d'un soldat aguerri, la guerre."
    assert marked(snippet(text, "guerre")) == ["guerre", "guerre"]


def test_a_ligature_is_written_as_its_letters(snippet):
    assert marked(snippet("Le chef-d’œuvre du musée, ses Œuvres.", "oeuvre")) == ["œuvre", "Œuvres"]


def test_stop_words_and_excluded_words_are_not_marked(snippet):
    text = "La guerre en Ukraine, la bataille de Koursk."
    assert marked(snippet(text, "guerre en Ukraine -Koursk")) == ["guerre", "Ukraine"]


def test_the_worker_stems_words_as_postgresql_does(db):
    """Every word of the reference article, and words Snowball 3 stems otherwise: the
    worker's stem is PostgreSQL's ``french_stem`` of the unaccented word."""
    article = build_reference()[1]
    text = " ".join([article.headline, article.standfirst, article.body_text])
    vocabulary = {word.lower() for word in re.findall(r"[^\W\d_]+", text)}
    vocabulary |= {"française", "calais", "chevaux", "heureuses", "œuvres", "naïf", "noël"}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word, ts_lexize('french_stem', unaccent(word)) FROM unnest(%s::text[]) word",
            [sorted(vocabulary)],
        )
        postgresql = {word: stems[0] for word, stems in cursor.fetchall() if stems}
    assert len(postgresql) > 150
    assert {word: snippets.stem(word) for word in postgresql} == postgresql


def test_the_text_is_escaped_and_holds_no_other_tag(snippet):
    html = snippet("<script>alert(1)</script> Si a < b & c, la banquise <b>fond</b>.", "banquise")
    assert html == (
        "&lt;script&gt;alert(1)&lt;/script&gt; Si a &lt; b &amp; c, la <mark>banquise</mark> "
        "&lt;b&gt;fond&lt;/b&gt;."
    )


def test_without_a_match_the_first_twelve_words_are_shown(snippet):
    opening = "Un deux trois quatre cinq six sept huit neuf dix onze douze"
    assert snippet(f"{opening} treize quatorze.", "banquise") == opening


def filler(count: int) -> str:
    return " ".join(f"mot{number}" for number in range(count))


def test_distant_matches_show_two_fragments_of_thirty_words_at_most(snippet):
    text = " ".join([filler(50), "la banquise", filler(80), "une banquise", filler(80), "banquise"])
    html = snippet(text, "banquise")
    fragments = html.split(snippets.DELIMITER)
    assert len(fragments) == 2
    assert [marked(fragment) for fragment in fragments] == [["banquise"], ["banquise"]]
    assert all(words(fragment) == snippets.MAX_WORDS for fragment in fragments)
    assert "mot49 la <mark>banquise</mark> mot0" in fragments[0]  # in document order


def test_the_fragments_show_where_the_query_words_meet(snippet):
    text = " ".join(
        [
            "Un dispositif d’aide aux familles.",
            filler(80),
            "Une autre aide aux communes.",
            filler(80),
            "Washington promet une aide militaire immédiate.",
        ]
    )
    html = snippet(text, '"aide militaire"')
    assert "une <mark>aide</mark> <mark>militaire</mark> immédiate." in html
    assert "d’<mark>aide</mark> aux familles" in html  # then the first other match
    assert "communes" not in html


def test_a_hyphenated_word_is_marked_in_its_parts(snippet):
    text = "Des soldats nord-coréens sont engagés dans la région de Koursk."
    assert marked(snippet(text, "nord-coréens")) == ["nord", "coréens"]


def found_snippet(article, query: str) -> str:
    found = search.Search.prepare(query).annotate(Article.objects.filter(pk=article.pk))
    return found.get().search_snippet


def test_the_snippet_shows_the_text_as_last_written_whatever_the_door(make_published):
    """PostgreSQL writes the text a snippet is cut from: after a save, after an update
    that bypasses the model (an import, a command), after a new standfirst."""
    body = [{"type": "paragraph", "html": "Le maire annonce un budget."}]
    article = make_published(standfirst="Conseil municipal.", body=body)
    shown = found_snippet(article, "budget")
    assert shown == "Conseil municipal. Le maire annonce un <mark>budget</mark>."

    Article.objects.filter(pk=article.pk).update(body_text="Le préfet suspend le budget.")
    shown = found_snippet(article, "budget")
    assert shown == "Conseil municipal. Le préfet suspend le <mark>budget</mark>."

    article.refresh_from_db()
    article.standfirst = "Budget voté."
    article.save()
    assert marked(found_snippet(article, "budget")) == ["Budget", "budget"]


def test_a_deleted_articles_snippet_text_goes_with_it(make_published):
    article = make_published(body=[{"type": "paragraph", "html": "Un texte."}])
    assert SnippetSource.objects.filter(article_id=article.pk).exists()
    pk = article.pk
    article.delete()
    assert not SnippetSource.objects.filter(article_id=pk).exists()


def test_a_word_two_stems_begin_like_is_marked_once():
    """«aide» and «aid» (two words of a query) both begin «aide»: one mark."""
    assert snippets.write("Une aide militaire.", "'aid' & 'aide' & 'militair'") == (
        "Une <mark>aide</mark> <mark>militaire</mark>."
    )


def test_a_letter_whose_lowercase_is_longer_leaves_the_marks_in_place():
    """«İ» lowercases to two letters: the words after it are still marked where they are."""
    assert snippets.write("İstanbul : la guerre.", "'guerr'") == (
        "İstanbul : la <mark>guerre</mark>."
    )


def walked_around(text: str, start: int) -> tuple[int, int]:
    """``snippets.around`` as a reader counts: word by word from the match, up to fourteen
    before (none cut by the window) and thirty in all."""
    low = max(0, start - snippets.WINDOW_CHARS)
    before = [m.start() + low for m in re.finditer(r"\S+", text[low:start])][::-1]
    if before and low and before[-1] == low and not text[low - 1].isspace():
        before.pop()
    before = before[: snippets.MAX_WORDS]
    after = [m.end() for m in re.finditer(r"\S+", text[start:])][: snippets.MAX_WORDS]
    kept_before = min(len(before), (snippets.MAX_WORDS - 1) // 2)
    kept_after = min(len(after), snippets.MAX_WORDS - kept_before)
    kept_before = min(len(before), snippets.MAX_WORDS - kept_after)
    return (before[kept_before - 1] if kept_before else start), start + after[kept_after - 1]


SPACES = [" ", "  ", "\n", "\u00a0", "\u2009", "\u202f", "\t"]  # as articles write them


@pytest.mark.parametrize("word", ["mot", "anticonstitutionnellement"])  # 43 or 11 a window
@pytest.mark.parametrize("words_before", [0, 3, 14, 29, 30, 31, 80])
@pytest.mark.parametrize("words_after", [1, 5, 16, 30, 60])
def test_a_fragment_holds_the_words_a_reader_counts_around_the_match(
    word, words_before, words_after
):
    for seed in range(len(SPACES)):
        spaces = SPACES[seed:] + SPACES[:seed]
        tokens = [f"«{word}{n}»" if n % 7 == 0 else f"{word}{n}" for n in range(words_before)]
        tokens += ["guerre", *(f"après{n}" for n in range(words_after - 1))]
        text = "".join(token + spaces[n % len(spaces)] for n, token in enumerate(tokens))
        start = text.index("guerre")
        for cut in range(len(word) + 4):  # the window begins inside a word, on one, or between
            shifted = "x" * cut + text
            expected = walked_around(shifted, start + cut)
            assert snippets.around(shifted, (start + cut, start + cut + 6)) == expected
