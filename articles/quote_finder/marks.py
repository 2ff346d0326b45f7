"""Quotation marks: the outer quoted spans of the body, over paragraphs when a quotation
is continued.

French guillemets «…» and English “…” (and „…“, and straight "…") are paired with a stack,
so nested marks stay inside the outer quotation's words. A paragraph that ends inside a
quotation, or that is only a quotation, goes on in the next paragraph when that one opens
with a mark («, or » used as a continuation mark): the parts make one quotation. A
quotation announced by a colon and closed at the end of its paragraph goes on only in a
paragraph that is nothing but a quotation; one followed by its own attribution («…»,
a-t-il ajouté) is another.
"""

import re
from dataclasses import dataclass, field

MARK_RE = re.compile(r"[«»“”„\"]")
CLOSER_OF = {"«": "»", "“": "”", "„": "“”", '"': '"'}
REOPENING_RE = re.compile(r"\s*[«“»]")
TRAILING_RE = re.compile(r"[\s.…]*$")
INTRODUCED_RE = re.compile(r"(?:^|:)\s*$")


@dataclass(eq=False)
class Part:
    """The piece of a quotation inside one block: ``open`` is the opening mark's offset,
    ``close`` the closing mark's (None when the quotation goes on past the block)."""

    block: int
    open: int
    close: int | None
    text: str  # the block's text

    @property
    def end(self) -> int:
        """Offset just past the part (its closing mark, or the end of the block)."""
        return len(self.text) if self.close is None else self.close + 1

    @property
    def words(self) -> str:
        inner_end = len(self.text) if self.close is None else self.close
        return self.text[self.open + 1 : inner_end].strip()


@dataclass(eq=False)
class Quotation:
    parts: list[Part] = field(default_factory=list)

    @property
    def block(self) -> int:
        return self.parts[0].block

    @property
    def text(self) -> str:
        return "\n".join(part.words for part in self.parts if part.words)

    @property
    def closed(self) -> bool:
        return self.parts[-1].close is not None


def find_quotations(texts: dict[int, str], intertitles: set[int]) -> list[Quotation]:
    """The outer quotations of the text blocks (block index → plain text), reading order."""
    quotations: list[Quotation] = []
    carried: Quotation | None = None
    for index, text in texts.items():
        intertitle = index in intertitles
        reopens = carried is not None and not intertitle and REOPENING_RE.match(text)
        if reopens and _announced_and_closed(carried) and not _only_quoted(text):
            reopens = None  # X a dit : «…» / «…», a-t-il ajouté: two quotations
        if carried is not None and not reopens:
            quotations.append(carried)
            carried = None
        in_block = []
        for rank, (open_at, close_at) in enumerate(outer_spans(text, bool(reopens))):
            part = Part(index, open_at, close_at, text)
            if rank == 0 and carried is not None:
                carried.parts.append(part)
                in_block.append(carried)
                carried = None
            else:
                in_block.append(Quotation([part]))
        if in_block and not intertitle and _goes_on(in_block[-1].parts[-1]):
            carried = in_block.pop()
        quotations.extend(in_block)
    if carried is not None:
        quotations.append(carried)
    quotations.sort(key=lambda quotation: (quotation.block, quotation.parts[0].open))
    return [quotation for quotation in quotations if any(c.isalnum() for c in quotation.text)]


def outer_spans(text: str, first_mark_opens: bool = False) -> list[tuple[int, int | None]]:
    """(opening offset, closing offset or None) of the outermost quotations of ``text``.

    ``first_mark_opens``: the first mark reopens a quotation continued from the paragraph
    before, whatever its shape (« or the continuation mark »)."""
    spans: list[tuple[int, int | None]] = []
    stack: list[tuple[str, int]] = []
    for match in MARK_RE.finditer(text):
        mark, at = match.group(), match.start()
        if first_mark_opens:
            first_mark_opens = False
            stack.append((mark if mark in ("«", "“") else "«", at))
            continue
        closes = _closes(stack, mark)
        if closes is not None:
            opened_at = stack[0][1]
            del stack[closes:]
            if not stack:
                spans.append((opened_at, at))
        elif mark in CLOSER_OF:
            stack.append((mark, at))
    if stack:
        spans.append((stack[0][1], None))
    return spans


def _closes(stack: list[tuple[str, int]], mark: str) -> int | None:
    """The stack depth the mark closes, or None when it is no closing mark here."""
    for depth in range(len(stack) - 1, -1, -1):
        if mark in CLOSER_OF[stack[depth][0]]:
            return depth
    return None


def _announced_and_closed(quotation: Quotation) -> bool:
    """A quotation closed after a colon, with the journalist's words before it."""
    part = quotation.parts[-1]
    return part.close is not None and bool(part.text[: part.open].strip())


def _only_quoted(text: str) -> bool:
    """A paragraph that is one quotation and nothing else: what may continue a closed
    quotation of the paragraph before, in the style that closes every paragraph."""
    spans = outer_spans(text)
    if not spans or text[: spans[0][0]].strip():
        return False
    close = spans[0][1]
    return close is None or TRAILING_RE.fullmatch(text, close + 1) is not None


def _goes_on(part: Part) -> bool:
    """Whether the quotation may go on in the next paragraph: it is left open, or it
    closes the paragraph after being its whole content or announced by a colon."""
    if part.close is None:
        return True
    ends_paragraph = TRAILING_RE.fullmatch(part.text, part.close + 1) is not None
    introduced = INTRODUCED_RE.search(part.text[: part.open]) is not None
    return ends_paragraph and introduced and part.words[:1].isupper()
