"""The body's text as the finder reads it: plain text per block, tokens, sentences.

Positions are offsets in the block's plain text, which keeps every character of the
article (no-break spaces, typographic apostrophes), so what is cut from it is exactly what
the article says.
"""

import html
import re
import unicodedata
from dataclasses import dataclass, field

from .lexicon import ABBREVIATIONS, TITLES

TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>")
LINE_BREAK_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
# An elided word («l’», «qu’», «jusqu’»), a word (hyphens and inner apostrophes kept:
# «a-t-il», «aujourd’hui»), an ellipsis, or any other visible character.
TOKEN_RE = re.compile(
    r"(?<!\w)(?:[lLdDjJnNsScCmMtT]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uoiqu)['’](?=\w)"
    r"|\w+(?:[-'’]\w+)*"
    r"|\.\.\.|\S"
)
SENTENCE_END = {".", "!", "?", "…", "..."}
CLAUSE_END = SENTENCE_END | {";"}
QUOTE_ENDS_SENTENCE_RE = re.compile(r"[.!?…]\W*$")


def block_text(block: dict) -> str | None:
    """The plain text of a paragraph or an intertitle; None for the other blocks."""
    if block.get("type") == "paragraph":
        markup = LINE_BREAK_RE.sub("\n", block.get("html") or "")
        return html.unescape(TAG_RE.sub("", markup))
    if block.get("type") == "intertitle":
        return block.get("text") or ""
    return None


def fold(text: str) -> str:
    """Accent-, case- and apostrophe-insensitive form of a name, for comparisons."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return " ".join(plain.replace("’", "'").replace("-", " ").split())


@dataclass(eq=False, slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # "word", "elided", "punct" or "quote" (a whole quotation, marks included)
    low: str = ""
    quote: object = None  # the Quotation a "quote" token stands for

    @property
    def is_word(self) -> bool:
        return self.kind == "word"

    @property
    def is_capitalised(self) -> bool:
        return self.kind == "word" and self.text[0].isupper()

    @property
    def is_acronym(self) -> bool:
        letters = self.text.replace("-", "")
        return self.kind == "word" and len(letters) > 1 and letters.isupper()


@dataclass(eq=False)
class Sentence:
    """One sentence of a text block, quotations standing as single tokens."""

    block: int
    text: str
    tokens: list[Token]
    intertitle: bool = False
    index: int = 0  # its rank in the article
    cache: dict = field(default_factory=dict)

    def slice(self, start: int, end: int) -> str:
        """The article's text from token ``start`` to token ``end`` (excluded)."""
        return self.text[self.tokens[start].start : self.tokens[end - 1].end]


def tokenize(text: str, quotes: list[tuple[int, int, object]]) -> list[Token]:
    """Tokens of ``text``, each quotation (start, end, quotation) standing as one token."""
    tokens: list[Token] = []
    position = 0
    for start, end, quotation in sorted(quotes, key=lambda quote: quote[0]):
        tokens.extend(_words(text, position, start))
        tokens.append(Token(text[start:end], start, end, "quote", "", quotation))
        position = end
    tokens.extend(_words(text, position, len(text)))
    return tokens


def _words(text: str, start: int, end: int) -> list[Token]:
    found = []
    for match in TOKEN_RE.finditer(text, start, end):
        word = match.group()
        if word[-1] in "'’" and len(word) <= 7 and not word[0].isdigit():
            kind = "elided"
        elif word[0].isalnum() or word[0] == "_":
            kind = "word"
        else:
            kind = "punct"
        low = word.lower().replace("'", "’") if kind == "elided" else word.lower()
        found.append(Token(word, match.start(), match.end(), kind, low))
    return found


def split_sentences(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token ranges of the sentences: a full stop, «!», «?» or «…» followed by a capital or
    a quotation ends one, unless it closes an abbreviation («M. Martin», «J. Biden»); so
    does a quotation whose words end like a sentence, when a capital follows."""
    ranges = []
    start = 0
    for index, token in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        if not (following.text[0].isupper() or following.kind == "quote"):
            continue
        if token.kind == "punct" and token.text in SENTENCE_END:
            if token.text == "." and index and _is_abbreviation(tokens[index - 1]):
                continue
            ranges.append((start, index + 1))
            start = index + 1
        elif token.kind == "quote" and QUOTE_ENDS_SENTENCE_RE.search(token.text[:-1]):
            ranges.append((start, index + 1))
            start = index + 1
    if start < len(tokens):
        ranges.append((start, len(tokens)))
    return ranges


def _is_abbreviation(token: Token) -> bool:
    return token.is_word and (
        token.low in ABBREVIATIONS
        or token.low in TITLES
        or (len(token.text) == 1 and token.text.isupper())
    )
