"""How well the quote finder reads French journalism: scored against the labelled articles
of ``bench/quote_corpus`` (conventions in its README) and the reference article.

A suggestion matches a label when it starts in the same block with the same words (spaces
and the punctuation at either end aside). Precision and recall count the matches; speaker,
person, role and kind accuracy are over the matched quotes.
"""

import json
import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from articles import suggestions
from articles.quote_finder import Known, Suggestion, find_quotes
from demo import reference

CORPUS = Path(__file__).with_name("quote_corpus")
HELD_OUT = CORPUS / "heldout"  # written blind, never used to tune the finder
EDGE_PUNCTUATION = ".,;:!?…  \u202f\u00a0"
LEADING_ARTICLE_RE = re.compile(r"^(?:le|la|les|l['’])\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Labelled:
    name: str
    genre: str
    blocks: list[dict]
    known: tuple[Known, ...]
    quotes: list[dict]

    @property
    def words(self) -> int:
        text = " ".join(b.get("html") or b.get("text") or "" for b in self.blocks)
        return len(re.sub(r"<[^>]+>", " ", text).split())


def load(names: list[str] | None = None, folder: Path = CORPUS) -> list[Labelled]:
    """The labelled articles of ``folder`` (all, or those whose file name starts with one
    of ``names``)."""
    articles = []
    for path in sorted(folder.glob("*.json")):
        if names and not any(path.stem.startswith(name) for name in names):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        blocks = data["body"]
        if blocks == "reference":  # the reference article's text, byte for byte
            blocks = reference.read().blocks
        known = tuple(
            Known(p["slug"], p["name"], tuple(p.get("aliases", ()))) for p in data["people"]
        )
        articles.append(Labelled(path.stem, data["genre"], blocks, known, data["quotes"]))
    return articles


def words_key(text: str) -> str:
    return " ".join(text.split()).strip(EDGE_PUNCTUATION)


def name_key(name: str | None) -> str:
    if not name:
        return ""
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return " ".join(plain.replace("’", "'").split())


def role_key(role: str | None) -> str:
    return LEADING_ARTICLE_RE.sub("", name_key(role)).strip(EDGE_PUNCTUATION)


@dataclass
class Score:
    labels: int = 0
    suggested: int = 0
    matched: int = 0
    speaker: int = 0
    person: int = 0
    role: int = 0
    kind: int = 0
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def ratio(part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    @property
    def precision(self) -> float:
        return self.ratio(self.matched, self.suggested)

    @property
    def recall(self) -> float:
        return self.ratio(self.matched, self.labels)

    def accuracy(self, name: str) -> float:
        return self.ratio(getattr(self, name), self.matched)


def score(articles: list[Labelled]) -> Score:
    total = Score()
    for article in articles:
        _score_article(article, find_quotes(article.blocks, article.known), total)
    return total


def timing(articles: list[Labelled], runs: int = 5) -> tuple[int, float, float]:
    """The longest article's words, and the best of ``runs`` times to read it, in ms: by
    the finder alone, and as the API does it (``articles.suggestions.suggest``: the finder
    twice around the look-up of the people the text names)."""
    longest = max(articles, key=lambda article: article.words)

    def best(read) -> float:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            read()
            times.append(time.perf_counter() - started)
        return min(times) * 1000

    finder = best(lambda: find_quotes(longest.blocks, longest.known))
    served = best(lambda: suggestions.suggest(longest.blocks))
    return longest.words, finder, served


def _score_article(article: Labelled, found: list[Suggestion], total: Score) -> None:
    labels = {(label["block"], words_key(label["text"])): label for label in article.quotes}
    total.labels += len(labels)
    total.suggested += len(found)
    for suggestion in found:
        label = labels.pop((suggestion.block, words_key(suggestion.text)), None)
        where = f"{article.name} #{suggestion.block}"
        if label is None:
            total.misses.append(f"{where} not a labelled quote: «{suggestion.text[:80]}»")
            continue
        total.matched += 1
        checks = {
            "speaker": name_key(suggestion.speaker) == name_key(label["speaker"]),
            "person": suggestion.person == label.get("person"),
            "role": role_key(suggestion.role) == role_key(label["role"]),
            "kind": suggestion.kind == label["kind"],
        }
        for name, right in checks.items():
            if right:
                setattr(total, name, getattr(total, name) + 1)
            else:
                got = getattr(suggestion, name)
                total.misses.append(
                    f"{where} {name} {got!r}, expected {label.get(name)!r}: «{label['text'][:60]}»"
                )
    for (block, _words), label in labels.items():
        total.misses.append(f"{article.name} #{block} missed: «{label['text'][:80]}»")


def report(total: Score, articles: list[Labelled]) -> str:
    words, finder_ms, served_ms = timing(articles)
    rows = [
        ("detection precision", total.precision, "≥ 0.95"),
        ("detection recall", total.recall, "≥ 0.95"),
        ("speaker accuracy", total.accuracy("speaker"), "≥ 0.92"),
        ("role accuracy", total.accuracy("role"), "≥ 0.85"),
        ("kind accuracy", total.accuracy("kind"), ""),
        ("person (known people linked)", total.accuracy("person"), ""),
    ]
    lines = [
        f"{len(articles)} articles, {total.labels} labelled quotes, {total.suggested} suggested, "
        f"{total.matched} matched.",
        "",
        "| measure | value | target |",
        "| --- | ---: | --- |",
        *(f"| {name} | {value:.3f} | {target} |" for name, value, target in rows),
        "",
        f"The longest article ({words:,} words) is read in {finder_ms:.1f} ms by the finder, "
        f"{served_ms:.1f} ms with the people look-up as the API serves it (best of 5; "
        "target < 100 ms).",
    ]
    return "\n".join(lines)
