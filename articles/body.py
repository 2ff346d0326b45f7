"""The article body: an ordered list of typed blocks, stored as JSON on the article.

Blocks: ``paragraph`` (sanitised inline HTML: bold, italic, links), ``intertitle``
(plain text), ``quote`` (an attributed Quote), ``photo`` (a Photo, optional caption
override), ``embed`` (an http(s) URL) and ``related`` (another article).

Editors never see this JSON: the admin edits the body as rich text, converted by
``blocks_to_html`` / ``html_to_blocks``. Blocks that are not text are written in the editor
as a paragraph holding only a marker such as ``[citation:12]`` or ``[photo:5|légende]``.

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
MAX_ID = 2**63 - 1  # the ids' columns are bigint
# JSON may escape half of a UTF-16 pair alone ("\ud800"): no character, and no UTF-8 for it.
SURROGATE_RE = re.compile("[\ud800-\udfff]")

FIELDS = {
    "paragraph": {"html": str},
    "intertitle": {"text": str},
    "quote": {"quote": int},
    "photo": {"photo": int, "caption": str},
    "embed": {"url": str},
    "related": {"article": int},
}
REQUIRED = {
    "paragraph": {"html"},
    "intertitle": {"text"},
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
TOP_LEVEL_RE = re.compile(r"<(p|h2|h3)>(.*?)</\1>", re.DOTALL)
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
        if expected is str and not isinstance(value, str):
            raise error(_("%(field)s must be text."), field=name)
        if expected is str and len(value) > MAX_TEXT:
            raise error(_("%(field)s is longer than %(max)d characters."), field=name, max=MAX_TEXT)
        if expected is str and "\x00" in value:
            raise error(_("%(field)s holds a NUL character."), field=name)
        if expected is str and (surrogate := SURROGATE_RE.search(value)):
            raise error(
                _("%(field)s holds a lone surrogate (%(code)s), which is no character."),
                field=name,
                code=surrogate.group().encode("unicode_escape").decode(),
            )
        cleaned[name] = value
    if kind == "paragraph":
        if found := active_content(cleaned["html"]):
            raise error(
                _("scripts and active content are not allowed: remove %(found)s."), found=found
            )
        cleaned["html"] = sanitise_inline(cleaned["html"])
        if not strip_html(cleaned["html"]).strip():
            raise error(_("the paragraph is empty."))
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


def plain_text(blocks: list[dict]) -> str:
    """The readable text of the body (paragraphs and intertitles), for search."""
    parts = []
    for block in blocks:
        if block["type"] == "paragraph":
            parts.append(strip_html(block["html"]))
        elif block["type"] == "intertitle":
            parts.append(block["text"])
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
    """Render blocks as the rich text the admin editor shows."""
    out = []
    for block in blocks:
        kind = block["type"]
        if kind == "paragraph":
            out.append(f"<p>{block['html']}</p>")
        elif kind == "intertitle":
            out.append(f"<h2>{html.escape(block['text'], quote=False)}</h2>")
        elif kind == "quote":
            out.append(f"<p>[citation:{block['quote']}]</p>")
        elif kind == "photo":
            caption = (
                f"|{html.escape(block['caption'], quote=False)}" if block.get("caption") else ""
            )
            out.append(f"<p>[photo:{block['photo']}{caption}]</p>")
        elif kind == "embed":
            out.append(f"<p>[embed:{html.escape(block['url'])}]</p>")
        elif kind == "related":
            out.append(f"<p>[article:{block['article']}]</p>")
    return "".join(out)


def html_to_blocks(value: str) -> list[dict]:
    """Turn the editor's rich text into blocks; raise ValidationError on a bad marker."""
    cleaned = nh3.clean(
        value or "",
        tags=INLINE_TAGS | {"p", "h2", "h3"},
        attributes={"a": {"href"}},
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )
    blocks = []
    for tag, inner in TOP_LEVEL_RE.findall(cleaned):
        inner = inner.replace("&nbsp;", "\u00a0")
        text = strip_html(inner).strip()
        if not text:
            continue
        if tag in ("h2", "h3"):
            blocks.append({"type": "intertitle", "text": strip_html(inner)})
        elif match := MARKER_RE.match(text):
            blocks.append(_marker_block(*match.groups()))
        else:
            blocks.append({"type": "paragraph", "html": inner})
    if leftover := strip_html(TOP_LEVEL_RE.sub("", cleaned)).strip():
        raise ValidationError(
            _("This text is outside a paragraph and would be lost: «%(text)s»."),
            params={"text": leftover[:80]},
            code="outside",
        )
    return clean_blocks(blocks)


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
