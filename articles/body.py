"""The article body: an ordered list of typed blocks, stored as JSON on the article.

Blocks: ``paragraph`` (sanitised inline HTML: bold, italic, links), ``intertitle``
(plain text), ``list`` (a bulleted list: its items' inline HTML), ``blockquote`` (quoted
text, not attributed: its paragraphs' inline HTML), ``quote`` (an attributed Quote),
``photo`` (a Photo, optional caption override), ``embed`` (an http(s) URL) and ``related``
(another article).

Editors never see this JSON: the admin edits the body as rich text, converted by
``blocks_to_html`` / ``html_to_blocks``. Blocks that are not text are, in that HTML, an
empty ``<div data-block="photo" data-id="5" data-caption="…">`` that the editor shows as a
card (articles/static/articles/body_blocks.js). A paragraph holding only a marker such as
``[citation:12]`` or ``[photo:5|légende]`` is still read as such a block.

This module knows no model (articles/models.py uses it to save an article); what the
blocks point to is looked up by ``articles.references``.
"""

import html
import re
from html.parser import HTMLParser

import nh3
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from newsroom.markup import markup_in, strip_html
from newsroom.markup import reject_markup as reject_markup  # the articles' plain-text fields

INLINE_TAGS = {"strong", "em", "b", "i", "a", "br"}
URL_SCHEMES = {"http", "https", "mailto"}
MAX_BLOCKS = 500
MAX_TEXT = 20_000
MAX_ITEMS = 200  # items of a list, paragraphs of a block quote
MAX_ID = 2**63 - 1  # the ids' columns are bigint
# JSON may escape half of a UTF-16 pair alone ("\ud800"): no character, and no UTF-8 for it.
SURROGATE_RE = re.compile("[\ud800-\udfff]")

FIELDS = {
    "paragraph": {"html": str},
    "intertitle": {"text": str},
    "list": {"items": list},
    "blockquote": {"paragraphs": list},
    "quote": {"quote": int},
    "photo": {"photo": int, "caption": str},
    "embed": {"url": str},
    "related": {"article": int},
}
REQUIRED = {
    "paragraph": {"html"},
    "intertitle": {"text"},
    "list": {"items"},
    "blockquote": {"paragraphs"},
    "quote": {"quote"},
    "photo": {"photo"},
    "embed": {"url"},
    "related": {"article"},
}
MARKERS = {
    "citation": ("quote", "quote"),
    "photo": ("photo", "photo"),
    "article": ("related", "article"),
}
MARKER_RE = re.compile(r"^\[(citation|photo|article|embed):\s*([^\]|]+?)\s*(?:\|\s*(.*?)\s*)?\]$")
# The editor's HTML: text blocks, and an empty <div data-block> for each card.
CONTAINER_TAGS = {"p", "h2", "h3", "ul", "ol", "li", "blockquote", "div"}
BLOCK_FIELDS = {"quote": "quote", "photo": "photo", "related": "article"}
BLOCK_ATTRIBUTES = ("data-block", "data-id", "data-caption", "data-url")
TAG_TOKEN_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s[^>]*)?)/?>")
ATTRIBUTE_RE = re.compile(r'([a-zA-Z-]+)="([^"]*)"')
# Markup that can run code is refused with a message, not cut silently: the client learns
# its text was not stored as sent. Other markup outside the allow-list (a pasted <span>, a
# style) is formatting and is cleaned away. (The admin's editor cannot produce either.)
ACTIVE_TAGS = {"script", "iframe", "frame", "object", "embed", "applet"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}
SCRIPT_URL_RE = re.compile(r"^(javascript|vbscript):", re.IGNORECASE)


def sanitise_inline(value: str) -> str:
    """Keep bold, italic and http(s)/mailto links; drop every other tag and attribute.

    Text is kept exactly, non-breaking spaces included (nh3 would write them as entities).
    """
    cleaned = nh3.clean(
        value,
        tags=INLINE_TAGS,
        attributes={"a": {"href"}},
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )
    return cleaned.replace("&nbsp;", "\u00a0")


class _ActiveContentFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: str | None = None

    def handle_starttag(self, tag, attrs):
        if self.found:
            return
        if tag in ACTIVE_TAGS:
            self.found = f"<{tag}>"
        for name, value in attrs:
            if self.found:
                break
            if name.startswith("on"):
                self.found = f"{name}=…"
            elif name in URL_ATTRIBUTES and SCRIPT_URL_RE.match(
                re.sub(r"[\x00-\x20]", "", value or "")
            ):
                self.found = f'{name}="{value[:40]}"'

    handle_startendtag = handle_starttag


def active_content(value: str) -> str | None:
    """The first script, frame, event handler (``onclick=``) or ``javascript:`` link in
    ``value``, as a short excerpt, or None."""
    finder = _ActiveContentFinder()
    finder.feed(value)
    finder.close()
    return finder.found


def clean_blocks(value) -> list[dict]:
    """Check the shape of every block and sanitise its text; raise ValidationError."""
    if not isinstance(value, list):
        raise ValidationError(_("The body must be a list of blocks."), code="invalid")
    if len(value) > MAX_BLOCKS:
        raise ValidationError(
            _("The body has %(count)d blocks; at most %(max)d are allowed."),
            params={"count": len(value), "max": MAX_BLOCKS},
            code="too_long",
        )
    return [_clean_block(index, block) for index, block in enumerate(value, start=1)]


def _clean_block(index: int, block) -> dict:
    def error(message, **params):
        return ValidationError(
            _("Block %(index)d: ") % {"index": index} + message % params, code="invalid"
        )

    if not isinstance(block, dict) or block.get("type") not in FIELDS:
        raise error(_("unknown block type; expected one of %(types)s."), types=", ".join(FIELDS))
    kind = block["type"]
    fields = FIELDS[kind]
    unknown = set(block) - set(fields) - {"type"}
    if unknown:
        raise error(_("unknown field(s) %(fields)s."), fields=", ".join(sorted(unknown)))
    missing = REQUIRED[kind] - set(block)
    if missing:
        raise error(_("missing field(s) %(fields)s."), fields=", ".join(sorted(missing)))
    cleaned = {"type": kind}
    for name, expected in fields.items():
        if name not in block:
            continue
        value = block[name]
        if expected is int and (
            isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID
        ):
            raise error(_("%(field)s must be a positive integer id."), field=name)
        if expected is str:
            _check_text(value, name, error)
        if expected is list:
            if not isinstance(value, list) or not 1 <= len(value) <= MAX_ITEMS:
                raise error(
                    _("%(field)s must be a list of 1 to %(max)d texts."), field=name, max=MAX_ITEMS
                )
            value = [_inline(item, f"{name}[{n}]", error) for n, item in enumerate(value)]
        cleaned[name] = value
    if kind == "paragraph":
        cleaned["html"] = _inline(cleaned["html"], "html", error, _("the paragraph is empty."))
    elif kind in ("intertitle",):
        if markup_in(cleaned["text"]):
            raise error(_("an intertitle is plain text, without HTML."))
        if not cleaned["text"].strip():
            raise error(_("the intertitle is empty."))
    elif kind == "photo" and markup_in(cleaned.get("caption", "")):
        raise error(_("a caption is plain text, without HTML."))
    elif kind == "embed":
        try:
            URLValidator(schemes=["http", "https"])(cleaned["url"])
        except ValidationError:
            raise error(_("the embed address must be an http(s) URL.")) from None
    return cleaned


def _check_text(value, name: str, error) -> None:
    if not isinstance(value, str):
        raise error(_("%(field)s must be text."), field=name)
    if len(value) > MAX_TEXT:
        raise error(_("%(field)s is longer than %(max)d characters."), field=name, max=MAX_TEXT)
    if "\x00" in value:
        raise error(_("%(field)s holds a NUL character."), field=name)
    if surrogate := SURROGATE_RE.search(value):
        raise error(
            _("%(field)s holds a lone surrogate (%(code)s), which is no character."),
            field=name,
            code=surrogate.group().encode("unicode_escape").decode(),
        )


def _inline(value, name: str, error, empty=None) -> str:
    """A paragraph's, list item's or quoted paragraph's inline HTML, checked and sanitised."""
    _check_text(value, name, error)
    if found := active_content(value):
        raise error(_("scripts and active content are not allowed: remove %(found)s."), found=found)
    value = sanitise_inline(value)
    if not strip_html(value).strip():
        raise error(empty or _("%(field)s is empty."), field=name)
    return value


def plain_text(blocks: list[dict]) -> str:
    """The readable text of the body (paragraphs, intertitles, lists, block quotes), for
    search."""
    parts = []
    for block in blocks:
        if block["type"] == "paragraph":
            parts.append(strip_html(block["html"]))
        elif block["type"] == "intertitle":
            parts.append(block["text"])
        elif block["type"] == "list":
            parts.append("\n".join(strip_html(item) for item in block["items"]))
        elif block["type"] == "blockquote":
            parts.append("\n".join(strip_html(text) for text in block["paragraphs"]))
    return "\n\n".join(parts)


def referenced_ids(blocks: list[dict], kind: str) -> set[int]:
    """Ids of the quotes, photos or related articles the body refers to."""
    field = {"quote": "quote", "photo": "photo", "related": "article"}[kind]
    return {block[field] for block in blocks if block["type"] == kind}


def references(blocks: list[dict]) -> list[str]:
    """What the body points to, as «quote:12», «photo:5», «related:34» (indexed for look-ups)."""
    refs = {
        f"{kind}:{ref}"
        for kind in ("quote", "photo", "related")
        for ref in referenced_ids(blocks, kind)
    }
    return sorted(refs)


def blocks_to_html(blocks: list[dict]) -> str:
    """Render blocks as the rich text the admin editor shows; a quote, a photo, an embed or
    a related article is an empty ``<div data-block>`` the editor draws as a card."""
    out = []
    for block in blocks:
        kind = block["type"]
        if kind == "paragraph":
            out.append(f"<p>{block['html']}</p>")
        elif kind == "intertitle":
            out.append(f"<h2>{html.escape(block['text'], quote=False)}</h2>")
        elif kind == "list":
            items = "".join(f"<li><p>{item}</p></li>" for item in block["items"])
            out.append(f"<ul>{items}</ul>")
        elif kind == "blockquote":
            paragraphs = "".join(f"<p>{text}</p>" for text in block["paragraphs"])
            out.append(f"<blockquote>{paragraphs}</blockquote>")
        elif kind == "embed":
            out.append(f'<div data-block="embed" data-url="{html.escape(block["url"])}"></div>')
        else:
            field = BLOCK_FIELDS[kind]
            caption = (
                f' data-caption="{html.escape(block["caption"])}"' if block.get("caption") else ""
            )
            out.append(f'<div data-block="{kind}" data-id="{block[field]}"{caption}></div>')
    return "".join(out)


def html_to_blocks(value: str) -> list[dict]:
    """Turn the editor's rich text into blocks; raise ValidationError on a bad marker."""
    cleaned = nh3.clean(
        value or "",
        tags=INLINE_TAGS | CONTAINER_TAGS,
        attributes={"a": {"href"}, "div": set(BLOCK_ATTRIBUTES)},
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )
    blocks = []
    elements, leftover = _elements(cleaned)
    for tag, attributes, inner in elements:
        if tag == "div" and "data-block" in attributes:
            blocks.append(_card_block(attributes))
        elif tag == "div":  # pasted from elsewhere: its text is kept as paragraphs
            blocks.extend({"type": "paragraph", "html": text} for text in _texts(inner))
        elif tag in ("ul", "ol"):
            if items := _texts(inner):
                blocks.append({"type": "list", "items": items})
        elif tag == "blockquote":
            if paragraphs := _texts(inner):
                blocks.append({"type": "blockquote", "paragraphs": paragraphs})
        elif not strip_html(inner).strip():
            continue
        elif tag in ("h2", "h3"):
            blocks.append({"type": "intertitle", "text": strip_html(_nbsp(inner))})
        elif match := MARKER_RE.match(strip_html(_nbsp(inner)).strip()):
            blocks.append(_marker_block(*match.groups()))
        else:
            blocks.append({"type": "paragraph", "html": _nbsp(inner)})
    if leftover := strip_html(leftover).strip():
        raise ValidationError(
            _("This text is outside a paragraph and would be lost: «%(text)s»."),
            params={"text": leftover[:80]},
            code="outside",
        )
    return clean_blocks(blocks)


def _nbsp(value: str) -> str:
    return value.replace("&nbsp;", "\u00a0")


def _elements(cleaned: str) -> tuple[list[tuple[str, dict, str]], str]:
    """The top-level elements of sanitised HTML as (tag, attributes, inner HTML as written),
    and the text found between them. nh3's output is balanced, so counting the open tags
    of each name is enough to find where an element ends, nested lists included."""
    found, outside, depth, start, opened = [], [], 0, 0, None
    position = 0
    for match in TAG_TOKEN_RE.finditer(cleaned):
        closing, tag, attributes = match.group(1) == "/", match.group(2).lower(), match.group(3)
        if tag not in CONTAINER_TAGS:
            continue
        if depth == 0 and not closing:
            outside.append(cleaned[position : match.start()])
            opened, start = (tag, _attributes(attributes)), match.end()
        depth += -1 if closing else 1
        if depth == 0 and closing:
            found.append((opened[0], opened[1], cleaned[start : match.start()]))
            position = match.end()
    outside.append(cleaned[position:] if depth == 0 else "")
    return found, "".join(outside)


def _texts(inner: str) -> list[str]:
    """The inline HTML of each paragraph in a list or a block quote, nested lists and
    headings flattened; text outside a paragraph (``<li>text</li>``) counts as one."""
    texts = []
    elements, leftover = _elements(inner)
    if strip_html(leftover).strip():
        texts.append(_nbsp(leftover.strip()))
    for tag, _attrs, content in elements:
        if tag in ("p", "h2", "h3") and strip_html(content).strip():
            texts.append(_nbsp(content))
        elif tag in ("ul", "ol", "li", "blockquote"):
            texts.extend(_texts(content))
    return texts


def _attributes(source: str) -> dict:
    return {name: html.unescape(value) for name, value in ATTRIBUTE_RE.findall(source)}


def _card_block(attributes: dict) -> dict:
    """The block an editor card stands for; an error names a card that makes no sense."""
    kind = attributes.get("data-block")
    if kind == "embed":
        return {"type": "embed", "url": attributes.get("data-url", "")}
    if kind not in BLOCK_FIELDS:
        raise ValidationError(
            _("Unknown kind of card: %(kind)s."), params={"kind": kind[:20]}, code="invalid"
        )
    ref = attributes.get("data-id", "")
    if not ref.isdigit():
        raise ValidationError(
            _("A %(kind)s card names no valid number (%(ref)s)."),
            params={"kind": kind, "ref": ref[:20]},
            code="invalid",
        )
    block = {"type": kind, BLOCK_FIELDS[kind]: int(ref)}
    if kind == "photo" and attributes.get("data-caption"):
        block["caption"] = attributes["data-caption"]
    return block


def _marker_block(name: str, target: str, caption: str | None) -> dict:
    if name == "embed":
        return {"type": "embed", "url": target}
    kind, field = MARKERS[name]
    if not target.isdigit():
        raise ValidationError(
            _("[%(name)s:%(target)s] must name a number, for example [%(name)s:12]."),
            params={"name": name, "target": target},
            code="invalid",
        )
    block = {"type": kind, field: int(target)}
    if kind == "photo" and caption:
        block["caption"] = caption
    return block
