"""The labelled French quote corpus (bench/quote_corpus), checked without a database.

Each JSON file is an article body with its quotes labelled by hand (conventions in the
corpus README). These tests hold the labels to the text: every label sits, byte for byte,
between guillemets in the block it names, every pair of guillemets in a body is labelled
(as a quote or as a non-quote), and the set covers each pattern the quote bench scores.
The held-out articles of bench/quote_corpus/heldout (written blind, never used to tune the
finder) are held to the same structural checks; the per-pattern minimums are for the main
set only.
"""

import html
import json
import re
from collections import Counter
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "bench" / "quote_corpus"
FILES = sorted(CORPUS.glob("*.json"))
HELD_OUT = CORPUS / "heldout"
HELD_OUT_FILES = sorted(HELD_OUT.glob("*.json"))
ALL_FILES = FILES + HELD_OUT_FILES
ALL_IDS = [path.relative_to(CORPUS).as_posix() for path in ALL_FILES]
REFERENCE = "00-reference.json"
HELD_OUT_NAME_RE = re.compile(r"^h\d{2}-[a-z0-9]+(-[a-z0-9]+)*\.json$")

KINDS = {"full", "fragment", "document"}
BLOCK_FIELDS = {"paragraph": {"type", "html"}, "intertitle": {"type", "text"}}
QUOTE_FIELDS = {"block", "text", "speaker", "person", "role", "kind", "patterns"}
NOT_QUOTE_FIELDS = {"block", "text", "why"}
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
TAG_RE = re.compile(r"<[^>]+>")
INNER = " \u00a0\u202f"  # spaces allowed right inside the marks
OPENING = {"«": "»", "“": "”"}
CLOSING = {"»", "”"}
LIVE_ENTRY_RE = re.compile(r"^\d{1,2}h\d{2} – ")

MINIMUMS = {
    "guillemets-plain": 5,
    "guillemets-nbsp": 4,
    "guillemets-nnbsp": 4,
    "english-quotes": 4,
    "nested": 3,
    "continued-paragraph": 3,
    "after-verb": 15,
    "before-colon": 10,
    "selon": 5,
    "pour": 3,
    "incise": 6,
    "role-before-name": 8,
    "role-after-name": 8,
    "title": 6,
    "pronoun": 10,
    "pronoun-across-paragraphs": 5,
    "role-noun": 5,
    "shared-surname": 4,
    "fragment": 15,
    "document": 8,
    "organisation": 5,
    "unnamed-speaker": 3,
    "alias": 3,
    "live-blog": 5,
}
VERBS = (
    "estimer juger prévenir assurer souligner insister marteler reconnaître confier ajouter "
    "lancer dénoncer expliquer indiquer affirmer déclarer répondre s’agacer tempêter glisser "
    "résumer rappeler poursuivre conclure"
).split()
TAGS = set(MINIMUMS) | {f"verb-{verb}" for verb in VERBS}
TYPOGRAPHY = ("guillemets-plain", "guillemets-nbsp", "guillemets-nnbsp", "english-quotes")
REQUIRED_GENRES = {
    "politique",
    "justice",
    "sport",
    "culture",
    "economie",
    "international",
    "portrait",
    "live",
}


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def blocks_of(path: Path, data: dict) -> list[dict]:
    if data["body"] == "reference":
        from demo.reference import read

        return read().blocks
    return data["body"]


def plain(block: dict) -> str:
    if block["type"] == "paragraph":
        return html.unescape(TAG_RE.sub("", block["html"]))
    return block["text"]


def spans(text: str) -> list[dict]:
    """The outermost quoted spans of a text; the last may be left open (continued quote)."""
    stack, found = [], []
    for index, char in enumerate(text):
        if char in OPENING:
            stack.append((char, index))
        elif char in CLOSING:
            assert stack, f"closing {char!r} without an opening one in {text!r}"
            opening, start = stack.pop()
            assert OPENING[opening] == char, f"{opening!r} closed by {char!r} in {text!r}"
            if not stack:
                found.append({"start": start, "end": index, "open": opening})
    assert len(stack) <= 1, f"nested marks left open in {text!r}"
    if stack:
        found.append({"start": stack[0][1], "end": None, "open": stack[0][0]})
    for span in found:
        inner = text[span["start"] + 1 : span["end"]] if span["end"] else text[span["start"] + 1 :]
        span["text"] = inner.strip(INNER)
    return found


def marked(block_text: str, words: str) -> list[str]:
    """How ``words`` is enclosed in the block: one typography tag per enclosing occurrence."""
    escaped = re.escape(words)
    forms = {
        "guillemets-plain": f"«{escaped}»",
        "guillemets-nbsp": f"«\u00a0{escaped}\u00a0»",
        "guillemets-nnbsp": f"«\u202f{escaped}\u202f»",
        "english-quotes": f"“{escaped}”",
    }
    return [tag for tag, form in forms.items() if re.search(form, block_text)]


def opened(block_text: str, words: str, *, closed: bool) -> list[str]:
    """For the parts of a quote continued over two paragraphs."""
    escaped = re.escape(words)
    tail = r"»" if closed else r"$"
    forms = {
        "guillemets-plain": f"«{escaped}{tail}",
        "guillemets-nbsp": f"«\u00a0{escaped}" + ("\u00a0»" if closed else r"\s*$"),
        "guillemets-nnbsp": f"«\u202f{escaped}" + ("\u202f»" if closed else r"\s*$"),
    }
    return [tag for tag, form in forms.items() if re.search(form, block_text.rstrip())]


def labelled_spans(blocks: list[dict]) -> Counter:
    """(block, text) of every quoted span of a body, continued quotes joined by a newline."""
    found = Counter()
    skip_first = False
    texts = [plain(block) for block in blocks]
    for index, text in enumerate(texts):
        block_spans = spans(text)
        if skip_first:
            block_spans = block_spans[1:]
            skip_first = False
        for span in block_spans:
            words = span["text"]
            if span["end"] is None:
                following = spans(texts[index + 1])
                assert following, f"block {index} leaves a quote open, block {index + 1} has none"
                assert texts[index + 1][: following[0]["start"]].strip() == ""
                words = f"{words}\n{following[0]['text']}"
                skip_first = True
            found[(index, words)] += 1
    return found


@pytest.fixture(scope="module")
def corpus() -> dict[str, dict]:
    return {path.name: load(path) for path in FILES}


@pytest.fixture(scope="module")
def held_out() -> dict[str, dict]:
    return {f"heldout/{path.name}": load(path) for path in HELD_OUT_FILES}


def test_the_corpus_is_there():
    assert (CORPUS / REFERENCE).exists()
    assert (CORPUS / "README.md").exists()
    assert len(FILES) >= 16


def test_the_held_out_set_is_there():
    assert HELD_OUT.is_dir()
    assert len(HELD_OUT_FILES) >= 6
    assert all(HELD_OUT_NAME_RE.match(path.name) for path in HELD_OUT_FILES)
    assert "heldout/" in (CORPUS / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", ALL_FILES, ids=ALL_IDS)
def test_file_is_indented_utf8_json(path):
    text = path.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("path", ALL_FILES, ids=ALL_IDS)
def test_article_shape(path):
    data = load(path)
    assert set(data) == {"title", "genre", "people", "body", "quotes", "not_quotes"}
    for field in ("title", "genre"):
        assert isinstance(data[field], str), field
        assert data[field], field
    slugs = [person["slug"] for person in data["people"]]
    assert len(slugs) == len(set(slugs))
    for person in data["people"]:
        assert set(person) == {"slug", "name", "aliases"}
        assert SLUG_RE.match(person["slug"]), person
        assert isinstance(person["name"], str), person
        assert person["name"], person
        assert all(isinstance(alias, str) and alias for alias in person["aliases"])
    if path.name == REFERENCE:
        assert data["body"] == "reference"
    else:
        assert data["body"]
        for block in data["body"]:
            assert block.get("type") in BLOCK_FIELDS, block
            assert set(block) == BLOCK_FIELDS[block["type"]], block
            assert all(isinstance(block[key], str) for key in block)
            if block["type"] == "paragraph":
                assert not re.search(r"&(?!amp;|lt;|gt;|quot;|#\d+;)", block["html"]), block
                assert set(re.findall(r"</?([a-z]+)", block["html"])) <= {"em", "strong"}, block


@pytest.mark.parametrize("path", ALL_FILES, ids=ALL_IDS)
def test_labels_are_consistent(path):
    data = load(path)
    blocks = blocks_of(path, data)
    slugs = {person["slug"] for person in data["people"]}
    for quote in data["quotes"]:
        assert set(quote) == QUOTE_FIELDS, quote
        assert isinstance(quote["block"], int), quote
        assert 0 <= quote["block"] < len(blocks), quote
        assert blocks[quote["block"]]["type"] in BLOCK_FIELDS, quote
        assert isinstance(quote["text"], str), quote
        assert quote["text"] == quote["text"].strip(INNER), quote
        assert quote["kind"] in KINDS, quote
        assert quote["speaker"] is None or (isinstance(quote["speaker"], str) and quote["speaker"])
        assert isinstance(quote["role"], str), quote
        assert quote["person"] is None or quote["person"] in slugs, quote
        if quote["person"] is not None:
            assert quote["speaker"] is not None, quote
        patterns = quote["patterns"]
        assert len(patterns) == len(set(patterns)), quote
        assert set(patterns) <= TAGS, quote
        assert ("fragment" in patterns) == (quote["kind"] == "fragment"), quote
        assert ("document" in patterns) == (quote["kind"] == "document"), quote
        assert ("continued-paragraph" in patterns) == ("\n" in quote["text"]), quote
        assert ("nested" in patterns) == bool(re.search("[«“]", quote["text"])), quote
        assert sum(tag in patterns for tag in TYPOGRAPHY) == 1, quote
        if quote["kind"] == "document" or "organisation" in patterns:
            assert quote["role"] == "", quote
        if "unnamed-speaker" in patterns:
            assert quote["speaker"] is None, quote
        if "alias" in patterns:
            person = next(p for p in data["people"] if p["slug"] == quote["person"])
            assert quote["speaker"] in person["aliases"], quote
    for not_quote in data["not_quotes"]:
        assert set(not_quote) == NOT_QUOTE_FIELDS, not_quote
        assert 0 <= not_quote["block"] < len(blocks), not_quote
        assert isinstance(not_quote["why"], str), not_quote
        assert not_quote["why"], not_quote


@pytest.mark.parametrize("path", ALL_FILES, ids=ALL_IDS)
def test_each_label_is_between_marks_in_its_block(path):
    data = load(path)
    texts = [plain(block) for block in blocks_of(path, data)]
    for quote in data["quotes"]:
        where = texts[quote["block"]]
        if "\n" in quote["text"]:
            first, second = quote["text"].split("\n")
            assert first in where, quote
            assert second in texts[quote["block"] + 1], quote
            typography = opened(where, first, closed=False)
            assert typography, f"{first!r} does not open at the end of block {quote['block']}"
            assert opened(texts[quote["block"] + 1], second, closed=True) == typography, quote
        else:
            assert quote["text"] in where, quote
            typography = marked(where, quote["text"])
            assert typography, f"{quote['text']!r} is not between guillemets in its block"
        assert typography[0] in quote["patterns"], (quote, typography)
    for not_quote in data["not_quotes"]:
        assert not_quote["text"] in texts[not_quote["block"]], not_quote
        assert marked(texts[not_quote["block"]], not_quote["text"]), not_quote


@pytest.mark.parametrize("path", ALL_FILES, ids=ALL_IDS)
def test_every_quoted_span_is_labelled_once(path):
    data = load(path)
    found = labelled_spans(blocks_of(path, data))
    labels = Counter(
        (label["block"], label["text"]) for label in data["quotes"] + data["not_quotes"]
    )
    assert labels == found


def test_reference_labels_match_the_demo_article(corpus):
    from demo.reference import read

    reference = read()
    data = corpus[REFERENCE]
    for quote in data["quotes"]:
        assert reference.quote(quote["text"]) == quote["text"]
        assert quote["role"] == "" or reference.phrase(quote["role"]) == quote["role"]
    assert [(q["block"], q["speaker"], q["kind"]) for q in data["quotes"]] == [
        (0, "Etats-Unis", "fragment"),
        (1, "Vedant Patel", "full"),
        (1, "Vedant Patel", "fragment"),
        (3, "Lloyd Austin", "fragment"),
        (3, None, "fragment"),
        (5, "Vedant Patel", "full"),
        (5, "Vedant Patel", "full"),
        (5, "Vedant Patel", "fragment"),
        (6, None, "document"),
    ]
    assert [(n["block"], n["text"]) for n in data["not_quotes"]] == [(4, "Intégration")]
    assert reference.blocks[4]["type"] == "intertitle"


def test_corpus_size(corpus):
    articles = {name: data for name, data in corpus.items() if name != REFERENCE}
    assert len(articles) >= 15
    assert sum(len(data["quotes"]) for data in articles.values()) >= 130
    assert sum(len(data["not_quotes"]) for data in corpus.values()) >= 25
    assert REQUIRED_GENRES <= {data["genre"] for data in articles.values()}
    assert len({data["genre"] for data in articles.values()}) >= len(REQUIRED_GENRES) + 3


def test_held_out_size(held_out):
    assert len(held_out) >= 6
    assert sum(len(data["quotes"]) for data in held_out.values()) >= 60
    assert sum(len(data["not_quotes"]) for data in held_out.values()) >= 10
    assert all(data["body"] != "reference" for data in held_out.values())


def test_held_out_people_are_new(corpus, held_out):
    """Written blind: no person, speaker or title of the main set comes back."""

    def names(data: dict) -> set[str]:
        people = {person["name"] for person in data["people"]}
        return people | {quote["speaker"] for quote in data["quotes"] if quote["speaker"]}

    seen = set().union(*(names(data) for data in corpus.values()))
    titles = {data["title"] for data in corpus.values()}
    for name, data in held_out.items():
        people = {person["name"] for person in data["people"]} | {
            quote["speaker"]
            for quote in data["quotes"]
            if quote["speaker"] and "organisation" not in quote["patterns"]
        }
        assert not people & seen, name
        assert data["title"] not in titles, name


def test_pattern_minimums(corpus):
    counts = Counter(
        tag for data in corpus.values() for quote in data["quotes"] for tag in quote["patterns"]
    )
    short = {tag: (counts[tag], least) for tag, least in MINIMUMS.items() if counts[tag] < least}
    assert short == {}
    assert [verb for verb in VERBS if counts[f"verb-{verb}"] == 0] == []


def test_the_portrait_is_long(corpus, held_out):
    assert any(data["genre"] == "portrait" for data in corpus.values())
    portraits = [data for data in {**corpus, **held_out}.values() if data["genre"] == "portrait"]
    for data in portraits:
        assert sum(len(plain(block).split()) for block in data["body"]) >= 1500


def test_the_live_blog_has_timestamped_entries(corpus, held_out):
    assert any(data["genre"] == "live" for data in corpus.values())
    lives = [data for data in {**corpus, **held_out}.values() if data["genre"] == "live"]
    for data in lives:
        entries = [block for block in data["body"] if LIVE_ENTRY_RE.match(plain(block))]
        assert len(entries) >= 5
        assert all("live-blog" in quote["patterns"] for quote in data["quotes"])


@pytest.mark.parametrize("which", ["main", "heldout"])
def test_several_speakers_per_article_and_shared_surnames(which, corpus, held_out):
    shared = 0
    for name, data in (corpus if which == "main" else held_out).items():
        speakers = {quote["speaker"] for quote in data["quotes"] if quote["speaker"]}
        assert len(speakers) >= 3, name
        names = speakers | {person["name"] for person in data["people"]}
        surnames = Counter(full.split()[-1] for full in names if " " in full)
        shared += any(count >= 2 for count in surnames.values())
    assert shared >= 2


def test_about_half_the_speakers_are_known_people(corpus, held_out):
    for name, data in {**corpus, **held_out}.items():
        speakers = {quote["speaker"] for quote in data["quotes"] if quote["speaker"]}
        linked = {quote["speaker"] for quote in data["quotes"] if quote["person"]}
        assert linked, name
        assert linked != speakers, name
