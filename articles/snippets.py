"""Search snippets: the text around the words a search matched, as safe HTML with <mark>.

PostgreSQL's ``ts_headline`` parses and stems every word of the text it is given: about
0.45 ms for the 3,000 characters a snippet is cut from, nine milliseconds for a page of
twenty, most of what a search costs. Here one regular expression finds the words that
begin like one of the query's stems, and only those are stemmed, by the Snowball version
PostgreSQL's ``french_stem`` is built from (PyStemmer 2.2: Snowball 3 stems «française»
and «Calais» otherwise), so the words marked are the words PostgreSQL matched.

What is shown follows ``ts_headline``'s options as the search used them: up to two
fragments of up to thirty words around the matches, where most of the query's words
meet; the first twelve words when the match lies further down, or was a person's name.
"""

import collections
import functools
import re
import unicodedata
from itertools import islice
from typing import NamedTuple

import Stemmer

MAX_WORDS = 30
MIN_WORDS = 12
MAX_FRAGMENTS = 2
DELIMITER = " … "
# A stem may end otherwise than its word («chevaux», «cheval»), never begin otherwise:
# a word is a candidate when it begins like a stem's first letters, then it is stemmed.
PREFIX_LETTERS = 4
# Matches this close (in characters) count as meeting in one fragment.
NEARBY_CHARS = 120
# Enough characters to hold the words before and after a match.
WINDOW_CHARS = 300

STEMMER = Stemmer.Stemmer("french")
LEXEME_RE = re.compile(r"'((?:[^']|'')+)'")  # a lexeme in a tsquery's text: 'guerr'
WORD_TAIL_RE = re.compile(r"\w*")
TOKEN_RE = re.compile(r"\S+")
# How an unaccented lowercase letter may be written in the text (unaccent's rules).
SPELLINGS = {
    "a": "aàáâãäå",
    "c": "cç",
    "e": "eéèêë",
    "i": "iìíîï",
    "n": "nñ",
    "o": "oòóôõö",
    "u": "uùúûü",
    "y": "yýÿ",
}
LIGATURES = {"oe": "œ", "ae": "æ"}


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The word as PostgreSQL's ``french_unaccent`` stores it: unaccented, stemmed."""
    word = word.lower().replace("œ", "oe").replace("æ", "ae")
    word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return STEMMER.stemWord(word)


def spelt(prefix: str) -> list[tuple[str, str]]:
    """Each letter of ``prefix`` (unaccented, lowercase) as a pattern finding it however a
    text lowercased in ASCII (``lowercased``) writes it: accented, capitalised beyond ASCII,
    or as a ligature («étaient», «ÉTAIENT», «œuvre»); with the letters it may be written
    as (none for a ligature, which is two)."""
    spelling, rest = [], prefix
    while rest:
        if (pair := rest[:2]) in LIGATURES:
            ligature = written_as(LIGATURES[pair])
            spelling.append((f"(?:{pair}|[{ligature}])", ""))
            rest = rest[2:]
            continue
        letter, rest = rest[0], rest[1:]
        spellings = written_as(SPELLINGS.get(letter, letter))
        pattern = f"[{spellings}]" if len(spellings) > 1 else re.escape(letter)
        spelling.append((pattern, spellings))
    return spelling


class Prefix(NamedTuple):
    """Finds, in a lowercased text, where words begin like a stem's first letters.

    Python's regular expressions find a pattern that begins with a plain letter by a quick
    scan («guer»), and try each position in turn for one that begins with a class of
    letters («élec», «aide»: 16 µs for 3,500 characters, against 5 so, measured). So the
    pattern begins at the first plain letter, and the letters before it (``lead`` of them:
    «é», or «a» and «i») are checked in the same scan, looking back from each match's end.
    """

    lead: int
    pattern: re.Pattern

    @classmethod
    def of(cls, prefix: str) -> "Prefix":
        spelling = spelt(prefix)
        whole = "".join(pattern for pattern, _letters in spelling)
        lead = 0
        while lead < len(spelling) and len(spelling[lead][1]) > 1:
            lead += 1
        if lead == len(spelling) or len(spelling[lead][1]) != 1:
            return cls(0, re.compile(whole))  # no plain letter after them: scanned whole
        rest = "".join(pattern for pattern, _letters in spelling[lead:])
        return cls(lead, re.compile(f"{rest}(?<={whole})"))

    def spans(self, lowered: str):
        """Where the prefix is, leftmost first. One that the whole pattern would not find
        (it begins inside another) begins inside a word: ``found`` leaves it out."""
        for match in self.pattern.finditer(lowered):
            yield match.start() - self.lead, match.end()


def written_as(letters: str) -> str:
    """``letters`` (lowercase) and the other letters Python lowercases to one of them, but
    the ASCII capitals (``lowercased`` has made them small): «É» for «é», «Œ» for «œ», the
    Kelvin sign for «k»."""
    return letters + "".join(_capitals().get(letter, "") for letter in letters)


@functools.cache
def _capitals() -> dict[str, str]:
    """Beyond ASCII, the letters that lowercase to another single letter, by that letter.
    All those that lowercase to a Latin letter are in the Basic Multilingual Plane."""
    capitals = collections.defaultdict(str)
    for code in range(128, 0x10000):
        letter = chr(code)
        if len(lower := letter.lower()) == 1 and lower != letter:
            capitals[lower] += letter
    return dict(capitals)


@functools.lru_cache(maxsize=1024)
def terms(tsquery: str) -> tuple[frozenset[str], tuple[Prefix, ...]]:
    """The stems of a tsquery's text (``'aid' <-> 'militair'``), and patterns finding,
    in the lowercased text, the words that may stem to one of them (none for a query
    without a stem)."""
    stems = set()
    for lexeme in LEXEME_RE.findall(tsquery):
        # A hyphenated word comes whole and in parts: the parts are what a word is.
        stems.update(part for part in lexeme.replace("''", "'").split("-") if part)
    # One pattern a prefix, no \b, no IGNORECASE, a lowercased text: a pattern that
    # begins with a plain letter is found by a quick scan, an alternation of prefixes or
    # a class of capitals is not (3 times slower for two words, measured). A word's start
    # is checked for each candidate.
    prefixes = {stem[:PREFIX_LETTERS] for stem in stems}
    return frozenset(stems), tuple(Prefix.of(prefix) for prefix in sorted(prefixes))


def lowercased(text: str | bytes) -> str:
    """``text`` (or its UTF-8) with its ASCII capitals small, letter for letter (the
    candidates' patterns take the other capitals as they are, ``written_as``). Python
    lowercases French text letter by letter through its Unicode tables: 13.8 µs for 3,000
    characters, against 7.1 through UTF-8 bytes, whose ``lower`` knows only ASCII, and 3
    from the bytes PostgreSQL sent, not encoded again."""
    if isinstance(text, str):
        text = text.encode("utf-8", "surrogatepass")
    return text.lower().decode("utf-8", "surrogatepass")


def found(text: str, lowered: str, stems: frozenset[str], candidates: tuple[Prefix, ...]):
    """Where the words of ``text`` (``lowered``: ``lowercased(text)``) that stem to one of
    ``stems`` are, in order."""
    # Where a word begins like a prefix (like two: «aid» and «aide», it is one word).
    begun = dict(sorted(span for prefix in candidates for span in prefix.spans(lowered)))
    matches = []
    for start, prefix_end in begun.items():
        if start and text[start - 1].isalnum():
            continue  # inside a word
        end = WORD_TAIL_RE.match(text, prefix_end).end()
        if stem(text[start:end]) in stems:
            matches.append((start, end))
    return matches


def write(text: str | bytes, tsquery: str) -> str:
    """The snippet of ``text`` (or of its UTF-8) for ``tsquery``'s text: escaped, the
    matched words marked."""
    stems, candidates = terms(tsquery)
    lowered = lowercased(text) if candidates else ""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "surrogatepass")
    matches = found(text, lowered, stems, candidates)
    if not matches:
        return shown(text, opening(text), [])
    fragments = []
    for seed in seeds(text, matches):
        if len(fragments) == MAX_FRAGMENTS:
            break
        if not any(start <= seed[0] < end for start, end in fragments):
            fragments.append(around(text, seed))
    return DELIMITER.join(shown(text, fragment, matches) for fragment in sorted(fragments))


def seeds(text: str, matches: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The matches, those with the most different words of the query nearby first."""

    def met(match):
        near = {
            stem(text[start:end]) for start, end in matches if abs(start - match[0]) <= NEARBY_CHARS
        }
        return -len(near), match[0]

    return sorted(matches, key=met)


def opening(text: str) -> tuple[int, int]:
    """The first ``MIN_WORDS`` words."""
    ends = [m.end() for m in islice(TOKEN_RE.finditer(text), MIN_WORDS)]
    return 0, ends[-1] if ends else 0


def around(text: str, match: tuple[int, int]) -> tuple[int, int]:
    """Up to ``MAX_WORDS`` words with the match in their middle.

    The words are counted by ``str.split`` and the chosen ones' ends found by one
    regular expression: walking them match by match, a snippet cost 43 µs instead of 37."""
    start = match[0]
    low = max(0, start - WINDOW_CHARS)
    # The words before, read backwards from the match; one cut by the window is dropped.
    backwards = text[low:start][::-1]
    before = len(backwards.split(None, MAX_WORDS))
    if before > MAX_WORDS:
        before = MAX_WORDS
    elif before and low and not text[low].isspace() and not text[low - 1].isspace():
        before -= 1
    after = min(len(text[start:].split(None, MAX_WORDS)), MAX_WORDS)
    kept_before = min(before, (MAX_WORDS - 1) // 2)
    kept_after = min(after, MAX_WORDS - kept_before)
    kept_before = min(before, MAX_WORDS - kept_after)
    first = start - _words(kept_before).match(backwards).end()
    return first, _words(kept_after).match(text, start).end()


@functools.cache
def _words(count: int) -> re.Pattern:
    """The first ``count`` words (and the spaces before each)."""
    return re.compile(rf"(?:\s*\S+){{{count}}}")


def shown(text: str, fragment: tuple[int, int], matches: list[tuple[int, int]]) -> str:
    """The fragment's text, escaped, its matches marked, its spaces single."""
    start, end = fragment
    parts, at = [], start
    for match_start, match_end in matches:
        if start <= match_start and match_end <= end:
            parts.append(escaped(text[at:match_start]))
            parts.append(f"<mark>{escaped(text[match_start:match_end])}</mark>")
            at = match_end
    parts.append(escaped(text[at:end]))
    return " ".join("".join(parts).split())


def escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
