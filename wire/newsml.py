"""IPTC NewsML-G2 text items (a ``newsItem``, or several in a ``newsMessage``) read into
``Item``. The XML is parsed by defusedxml: no entity expansion, no external resource."""

import re
from xml.etree.ElementTree import Element, ParseError, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _

from wire import ninjs, text
from wire.items import Item, Malformed, PhotoRef

NAR = "{http://iptc.org/std/nar/2006-10-01/}"
XHTML = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# The subject's type (cpnat:…) -> our tag kind; any other subject is a topic.
SUBJECT_KINDS = {
    "cpnat:person": "person",
    "cpnat:organisation": "organisation",
    "cpnat:geoArea": "place",
    "cpnat:poi": "place",
}


def documents(content: bytes) -> list[Element]:
    """The ``newsItem`` elements of a document (one item, or a ``newsMessage``)."""
    try:
        root = fromstring(content)
    except (ParseError, DefusedXmlException, ValueError) as error:
        raise Malformed(
            _("This is not well-formed XML: %(error)s") % {"error": error}, code="xml"
        ) from None
    if root.tag == f"{NAR}newsItem":
        return [root]
    if root.tag == f"{NAR}newsMessage":
        return root.findall(f"{NAR}itemSet/{NAR}newsItem")
    raise Malformed(
        _("The document is a “%(tag)s”: a NewsML-G2 newsItem or newsMessage was expected.")
        % {"tag": root.tag.replace(NAR, "")},
        code="root",
    )


def parse(element: Element, *, base=None) -> Item:
    guid = (element.get("guid") or "").strip()
    if not guid:
        raise Malformed(_("The newsItem has no guid: it cannot be recognised again."))
    meta = element.find(f"{NAR}itemMeta")
    content = element.find(f"{NAR}contentMeta")
    if meta is None or content is None:
        raise Malformed(_("The newsItem needs an itemMeta and a contentMeta."), code="meta")
    item_class = _attr(meta, "itemClass", "qcode")
    if item_class and item_class not in ("ninat:text", "ninat:composite"):
        raise Malformed(
            _("The item is of class “%(class)s”: only text items become articles.")
            % {"class": item_class},
            code="type",
        )
    headline = " ".join(_text(content, "headline").split())
    if not headline:
        raise Malformed(_("The item has no headline."), code="headline")
    agency = (
        _text(content, "creditline")
        or _text(meta, "provider/" + NAR + "name")
        or _attr(meta, "provider", "literal")
        or (_attr(meta, "provider", "qcode") or "").partition(":")[2]
    )
    language = _attr(content, "language", "tag") or element.get(XML_LANG) or ""
    item = Item(
        guid=guid,
        format="NewsML-G2",
        headline=headline,
        blocks=_blocks(element, headline),
        version=ninjs.version_number(element.get("version")),
        version_created=_instant(meta, "versionCreated"),
        standfirst=_description(content),
        byline=ninjs.split_byline(
            _text(content, "by") or ", ".join(_names(content.findall(f"{NAR}creator")))
        ),
        agency=agency,
        language=language[:8],
        urgency=ninjs.urgency(_text(content, "urgency") or None),
        embargo_until=_instant(meta, "embargoed"),
        base=base,
        withdrawn=_attr(meta, "pubStatus", "qcode") in ("stat:canceled", "stat:withdrawn"),
    )
    for subject in content.findall(f"{NAR}subject"):
        name = _name(subject)
        if name:
            item.subjects.append((SUBJECT_KINDS.get(subject.get("type"), "topic"), name))
    item.photos = [
        PhotoRef(
            href=link.get("href", "").strip(),
            caption=" ".join(_text(link, "title").split()),
            credit=agency,
        )
        for link in meta.findall(f"{NAR}link")
        if (link.get("contenttype") or "").startswith("image/") and link.get("href")
    ]
    return item


def _text(parent: Element, path: str) -> str:
    found = parent.find(f"{NAR}{path}")
    return "".join(found.itertext()).strip() if found is not None else ""


def _attr(parent: Element, tag: str, name: str) -> str:
    found = parent.find(f"{NAR}{tag}")
    return (found.get(name) or "").strip() if found is not None else ""


def _name(element: Element) -> str:
    found = element.find(f"{NAR}name")
    return " ".join("".join(found.itertext()).split()) if found is not None else ""


def _names(elements) -> list[str]:
    return [name for name in map(_name, elements) if name]


def _instant(parent: Element, tag: str):
    value = _text(parent, tag)
    return ninjs.parse_instant(value, tag) if value else None


def _description(content: Element) -> str:
    descriptions = content.findall(f"{NAR}description")
    for wanted in ("drol:summary", "drol:abstract", None):
        for description in descriptions:
            if wanted is None or description.get("role") == wanted:
                return " ".join("".join(description.itertext()).split())
    return ""


def _blocks(element: Element, headline: str) -> list[dict]:
    content_set = element.find(f"{NAR}contentSet")
    if content_set is None:
        raise Malformed(_("The item has no body text."), code="body")
    for inline in content_set.findall(f"{NAR}inlineXML"):
        body = next(
            (
                found
                for found in (
                    inline.find(f"{XHTML}html/{XHTML}body"),
                    inline.find(f"{XHTML}body"),
                    next(iter(inline), None),
                )
                if found is not None
            ),
            None,
        )
        if body is not None:
            markup = tostring(body, encoding="unicode", default_namespace=None)
            blocks = text.html_blocks(_plain_tags(markup), headline=headline)
            if blocks:
                return blocks
    for inline in content_set.findall(f"{NAR}inlineData"):
        blocks = text.text_blocks("".join(inline.itertext()))
        if blocks:
            return blocks
    raise Malformed(_("The item has no body text."), code="body")


def _plain_tags(markup: str) -> str:
    """XHTML serialised by ElementTree names its namespace on every tag (``html:p`` or
    ``ns0:p``); the HTML parser wants plain ``p``."""
    return re.sub(r"<(/?)[A-Za-z0-9_]+:", r"<\1", markup)
