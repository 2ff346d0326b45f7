"""An agency's body text (HTML, XHTML or plain text) as the article's typed blocks.

The markup is first cut to an allow-list by nh3 (scripts, styles, figures and the like go
with their content), then read by the standard library's parser: a paragraph or a
preformatted block becomes a paragraph (bold, italic and links kept), a heading an
intertitle, a list a list (nested ones flattened) and a block quote a block quote. Text
outside any block counts only when the body has no block.
"""

import html
import re
from html.parser import HTMLParser

import nh3

from articles import body

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
PARAGRAPHS = {"p", "li", "pre", "dd", "dt", "td"}
GROUPS = {"ul": "list", "ol": "list", "blockquote": "blockquote"}
INLINE = {"strong", "em", "b", "i", "a", "br"}
DROPPED_WITH_CONTENT = {"script", "style", "head", "title", "figure", "figcaption", "table"}
TAG_RE = re.compile(r"<[^>]*>")
SPACES = re.compile(r"[ \t\r\n\f]+")  # HTML's white space; a non-breaking space is text


def clean(value: str) -> str:
    return nh3.clean(
        value,
        tags=INLINE | HEADINGS | PARAGRAPHS | set(GROUPS) | {"div", "section", "article", "dl"},
        clean_content_tags=DROPPED_WITH_CONTENT - {"table"},
        attributes={"a": {"href"}},
        url_schemes=body.URL_SCHEMES,
        link_rel=None,
    )


class _Blocks(HTMLParser):
    """Blocks as (kind, inline HTML) pairs, and ``list``/``blockquote`` groups of them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list = []
        self.loose: list[str] = []
        self.parts: list[str] = []
        self.kind: str | None = None
        self.depth = 0
        self.group: tuple[str, list] | None = None  # ("list" | "blockquote", texts)
        self.group_depth = 0

    def flush(self):
        text = SPACES.sub(" ", "".join(self.parts)).strip()
        self.parts = []
        if not text:
            return
        if self.group is not None:
            self.group[1].append(text)
        elif self.kind:
            self.blocks.append((self.kind, text))
        else:
            self.loose.append(text)

    def handle_starttag(self, tag, attrs):
        if tag in GROUPS:
            self.flush()
            if self.group is None:
                self.group = (GROUPS[tag], [])
            self.group_depth += 1
        elif tag in HEADINGS or tag in PARAGRAPHS:
            self.flush()
            self.kind = "intertitle" if tag in HEADINGS else "paragraph"
            self.depth += 1
        elif tag == "br":
            self.parts.append("<br>")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.parts.append(f'<a href="{html.escape(href)}">')
        elif tag in INLINE:
            self.parts.append(f"<{tag}>")

    def handle_endtag(self, tag):
        if tag in GROUPS and self.group is not None:
            self.flush()
            self.group_depth -= 1
            if not self.group_depth:
                if self.group[1]:
                    self.blocks.append(self.group)
                self.group = None
        elif tag in HEADINGS or tag in PARAGRAPHS:
            self.flush()
            self.depth = max(0, self.depth - 1)
            if not self.depth:
                self.kind = None
        elif tag in INLINE and tag != "br":
            self.parts.append(f"</{tag}>")

    def handle_data(self, data):
        self.parts.append(html.escape(data, quote=False))


def html_blocks(value: str, *, headline: str = "") -> list[dict]:
    """Blocks from an HTML or XHTML body; a heading that repeats the headline is left out."""
    parser = _Blocks()
    parser.feed(clean(value))
    parser.close()
    parser.flush()
    found = parser.blocks or [("paragraph", text) for text in parser.loose]
    blocks = []
    for kind, content in found:
        if kind == "intertitle":
            text = html_to_text(content).strip()
            if text and text != headline.strip():
                blocks.append({"type": "intertitle", "text": text})
        elif kind == "paragraph":
            if inline := _inline(content):
                blocks.append({"type": "paragraph", "html": inline})
        elif texts := [inline for inline in map(_inline, content) if inline]:
            field = "items" if kind == "list" else "paragraphs"
            blocks.append({"type": kind, field: texts})
    return blocks


def _inline(value: str) -> str:
    """The inline HTML, or "" when it holds no text. (Written by ``_Blocks`` from the
    allow-listed tags only; saving the article sanitises it once more, as any body.)"""
    return value if html.unescape(TAG_RE.sub("", value)).strip() else ""


def text_blocks(value: str) -> list[dict]:
    """Blocks from plain text: paragraphs are separated by blank lines, or by line breaks
    when the text has no blank line."""
    value = value.replace("\r\n", "\n").strip()
    parts = re.split(r"\n\s*\n", value) if re.search(r"\n\s*\n", value) else value.split("\n")
    return [
        {"type": "paragraph", "html": html.escape(" ".join(part.split("\n")).strip(), quote=False)}
        for part in parts
        if part.strip()
    ]


def html_to_text(value: str) -> str:
    """The text of a short piece of markup (a headline, a caption), entities decoded."""
    if "<" not in value and "&" not in value:
        return value
    return html.unescape(re.sub(r"<[^>]*>", "", nh3.clean(value, tags=set())))
