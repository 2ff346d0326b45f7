"""The reference article, read from the text of its page (``reference_article.txt``).

The file is the page as a reader sees it, one element per line: navigation, publication
name, kicker, headline, dossier title (followed by the word «dossier»), standfirst, photo
caption with its credit in brackets, «publié le …», then the body. A body line that does
not end like a sentence is an intertitle. Everything is kept byte for byte.
"""

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from articles import body

SOURCE = Path(__file__).with_name("reference_article.txt")
PARIS = ZoneInfo("Europe/Paris")
MONTHS = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
).split()
PUBLISHED_RE = re.compile(r"^publié le (\d{1,2}) (\w+) (\d{4}) à (\d{1,2})h(\d{2})$")
PHOTO_RE = re.compile(r"^(?P<caption>.+) \(Photo/(?P<credit>[^)]+)\)$")
SENTENCE_END = (".", ",", ";", ":", "!", "?", "»", "…")
QUOTED_RE = re.compile(r"«([^«»]+)»")


@dataclass(frozen=True)
class Reference:
    kicker: str
    headline: str
    dossier_title: str
    standfirst: str
    caption: str
    credit: str
    published_at: dt.datetime
    blocks: list[dict]

    @property
    def body_text(self) -> str:
        return body.plain_text(self.blocks)

    def quote(self, opening: str) -> str:
        """The words between guillemets in the body that start with ``opening``."""
        found = [words for words in QUOTED_RE.findall(self.body_text) if words.startswith(opening)]
        if len(found) != 1:
            raise ValueError(f"{len(found)} quotes start with {opening!r} in the reference body.")
        return found[0]

    def phrase(self, words: str) -> str:
        """``words`` itself, once checked to appear in the body (for roles typed in code)."""
        if words not in self.body_text:
            raise ValueError(f"{words!r} does not appear in the reference body.")
        return words


def read(path: Path = SOURCE) -> Reference:
    lines = [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    _menu, _publication, kicker, headline, dossier, standfirst, photo, published, *body_lines = (
        lines
    )
    if not dossier.endswith("dossier") or not body_lines:
        raise ValueError(f"{path} does not have the layout of an article page.")
    photo_match = PHOTO_RE.match(photo)
    if photo_match is None:
        raise ValueError(f"No «(Photo/credit)» at the end of the caption line: {photo!r}")
    return Reference(
        kicker=kicker,
        headline=headline,
        dossier_title=dossier.removesuffix("dossier"),
        standfirst=standfirst,
        caption=photo_match["caption"],
        credit=photo_match["credit"],
        published_at=parse_published(published),
        blocks=[_block(line) for line in body_lines],
    )


def parse_published(line: str) -> dt.datetime:
    """«publié le 13 novembre 2024 à 9h07», in Paris time, as an aware datetime."""
    match = PUBLISHED_RE.match(line)
    if match is None:
        raise ValueError(f"Not a publication line: {line!r}")
    day, month, year, hour, minute = match.groups()
    return dt.datetime(
        int(year), MONTHS.index(month) + 1, int(day), int(hour), int(minute), tzinfo=PARIS
    )


def _block(line: str) -> dict:
    if line.endswith(SENTENCE_END):
        return {"type": "paragraph", "html": html.escape(line, quote=False)}
    return {"type": "intertitle", "text": line}
