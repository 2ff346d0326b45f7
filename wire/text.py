"""An agency's body text (HTML, XHTML or plain text) as the article's typed blocks.

The markup is first cut to an allow-list by nh3 (scripts, styles, figures and the like go
with their content), then read by the standard library's parser: a paragraph, list item,
block quote or preformatted block becomes a paragraph (bold, italic and links kept), a
heading an intertitle. Text outside any block counts only when the body has no block.
"""

import html
import re
from html.parser import HTMLParser

import nh3

from articles import body

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
PARAGRAPHS = {"p", "li", "blockquote", "pre", "dd", "dt", "td"}
INLINE = {"strong", "em", "b", "i", "a", "br"}
DROPPED_WITH_CONTENT = {"script", "style", "head", "title", "figure", "figcaption", "table"}
SPACES = re.compile(r"[ \t\r\n\f]+")  # HTML's white space; a non-breaking space is text


def clean(value: str) -> str:
    return nh3.clean(
        value,
        tags=INLINE | HEADINGS | PARAGRAPHS | {"div", "section", "article", "ul", "ol", "dl"},
        clean_content_tags=DROPPED_WITH_CONTENT - {"table"},
        attributes={"a": {"href"}},
        url_schemes=body.URL_SCHEMES,
        link_rel=None,
    )


class _Blocks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[dict] = []
        self.loose: list[str] = []
        self.parts: list[str] = []
        self.kind: str | None = None
        self.depth = 0

    def flush(self):
        text = SPACES.sub(" ", "".join(self.parts)).strip()
        if text and self.kind:
            self.blocks.append({"type": self.kind, "html": text})
        elif text:
            self.loose.append(text)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in HEADINGS or tag in PARAGRAPHS:
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
        if tag in HEADINGS or tag in PARAGRAPHS:
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
    found = parser.blocks or [{"type": "paragraph", "html": text} for text in parser.loose]
    blocks = []
    for block in found:
        inline = body.sanitise_inline(block["html"]).replace("&amp;", "&")
        if block["type"] == "intertitle":
            text = html.unescape(re.sub(r"<[^>]*>", "", inline)).strip()
            if text and text != headline.strip():
                blocks.append({"type": "intertitle", "text": text})
        elif html.unescape(re.sub(r"<[^>]*>", "", inline)).strip():
            blocks.append({"type": "paragraph", "html": body.sanitise_inline(block["html"])})
    return blocks


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
