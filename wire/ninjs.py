"""IPTC ninjs items, 1.x (``headline``, ``body_html``…) and 2.x (``headlines``, ``bodies``…),
read into ``Item``. Only text (and composite) items become articles."""

import re
from datetime import datetime

from django.utils.translation import gettext as _

from wire import text
from wire.items import Item, Malformed, PhotoRef

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = {"text", "composite", None}
PICTURE_TYPES = {"picture", "graphic"}
# ninjs 1.x name -> 2.x name, for the arrays of concepts; and the tag kind of each.
CONCEPTS = {
    "subjects": ("subject", "topic"),
    "people": ("person", "person"),
    "organisations": ("organisation", "organisation"),
    "places": ("place", "place"),
}
WITHDRAWN = {"canceled", "withdrawn"}


def is_v2(data: dict) -> bool:
    return any(name in data for name in ("headlines", "bodies", "descriptions", "subjects", "by"))


def parse(data, *, base=None) -> Item:
    """An ``Item`` from a decoded ninjs object; Malformed says what is missing or wrong."""
    if not isinstance(data, dict):
        raise Malformed(_("A ninjs item is a JSON object."), code="not_an_object")
    guid = data.get("uri")
    if not isinstance(guid, str) or not guid.strip():
        raise Malformed(_("The item has no “uri”: it cannot be recognised again."), code="uri")
    if data.get("type") not in TEXT_TYPES:
        raise Malformed(
            _("The item is of type “%(type)s”: only text items become articles.")
            % {"type": data.get("type")},
            code="type",
        )
    v2 = is_v2(data)
    headline = _headline(data, v2)
    item = Item(
        guid=guid.strip(),
        format="ninjs 2.x" if v2 else "ninjs 1.x",
        headline=headline,
        blocks=_blocks(data, v2, headline),
        version=version_number(data.get("version")),
        version_created=instant(data, "versioncreated"),
        standfirst=_standfirst(data, v2),
        byline=split_byline(_string(data, "by" if v2 else "byline")),
        agency=_string(data, "copyrightholder"),
        language=_string(data, "language")[:8],
        urgency=urgency(data.get("urgency")),
        embargo_until=instant(data, "embargoed"),
        base=base,
        withdrawn=data.get("pubstatus") in WITHDRAWN,
    )
    for new, (old, kind) in CONCEPTS.items():
        concepts = data.get(new if v2 else old) or []
        if not isinstance(concepts, list):
            raise Malformed(_("“%(field)s” must be a list.") % {"field": new if v2 else old})
        item.subjects += [
            (kind, concept["name"].strip())
            for concept in concepts
            if isinstance(concept, dict)
            and isinstance(concept.get("name"), str)
            and concept["name"].strip()
        ]
    item.photos = _photos(data, v2, item.agency)
    return item


def _string(data: dict, name: str) -> str:
    value = data.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Malformed(_("“%(field)s” must be text.") % {"field": name}, code="invalid")
    return value.strip()


def _role_value(entries, name: str, roles=("main", "simple", None)) -> str:
    """The value of the entry (headline, description) with the first role found."""
    if entries is None:
        return ""
    if not isinstance(entries, list) or not all(
        isinstance(entry, dict) and isinstance(entry.get("value"), str) for entry in entries
    ):
        raise Malformed(_("“%(field)s” must be a list of {role, value}.") % {"field": name})
    for role in roles:
        for entry in entries:
            if entry.get("role") == role and entry["value"].strip():
                return entry["value"]
    return next((entry["value"] for entry in entries if entry["value"].strip()), "")


def _headline(data: dict, v2: bool) -> str:
    value = _role_value(data.get("headlines"), "headlines") if v2 else _string(data, "headline")
    headline = " ".join(text.html_to_text(value).split())
    if not headline:
        raise Malformed(_("The item has no headline."), code="headline")
    return headline


def _standfirst(data: dict, v2: bool) -> str:
    if v2:
        value = _role_value(data.get("descriptions"), "descriptions", ("summary", "abstract"))
    else:
        value = _string(data, "description_text") or _string(data, "description_html")
    return text.html_to_text(value).strip()


def _blocks(data: dict, v2: bool, headline: str) -> list[dict]:
    if v2:
        bodies = data.get("bodies") or []
        if not isinstance(bodies, list) or not all(
            isinstance(b, dict) and isinstance(b.get("value"), str) for b in bodies
        ):
            raise Malformed(_("“bodies” must be a list of {role, contenttype, value}."))
        rich = [b for b in bodies if (b.get("contenttype") or "").lower() in HTML_TYPES]
        plain = [b for b in bodies if (b.get("contenttype") or "text/plain") == "text/plain"]
        if rich:
            blocks = text.html_blocks(rich[0]["value"], headline=headline)
        else:
            blocks = text.text_blocks(plain[0]["value"]) if plain else []
    else:
        rich = _string(data, "body_xhtml") or _string(data, "body_html")
        plain = _string(data, "body_text")
        blocks = text.html_blocks(rich, headline=headline) if rich else text.text_blocks(plain)
    if not blocks:
        raise Malformed(_("The item has no body text."), code="body")
    return blocks


def _photos(data: dict, v2: bool, agency: str) -> list[PhotoRef]:
    associations = data.get("associations") or ([] if v2 else {})
    if isinstance(associations, dict):  # 1.x: a map of names to items
        associations = list(associations.values())
    if not isinstance(associations, list):
        raise Malformed(_("“associations” must be a list."), code="associations")
    photos = []
    for picture in associations:
        if not isinstance(picture, dict) or picture.get("type") not in PICTURE_TYPES:
            continue
        href = best_rendition(picture.get("renditions"))
        if not href:
            continue
        by = picture.get("by" if v2 else "byline") or ""
        by = by if isinstance(by, str) else ""
        holder = picture.get("copyrightholder") or agency
        if v2:
            caption = _role_value(picture.get("descriptions"), "descriptions", ("caption", None))
        else:
            caption = picture.get("description_text") or picture.get("description_html") or ""
        caption = caption if isinstance(caption, str) else ""
        photos.append(
            PhotoRef(
                href=href,
                caption=" ".join(text.html_to_text(caption).split()),
                credit=by if holder and holder in by else " / ".join(filter(None, [by, holder])),
                creator=by.split("/")[0].strip(),
                copyright_notice=str(picture.get("copyrightnotice") or "")[:300],
            )
        )
    return photos


def best_rendition(renditions) -> str:
    """The href of the largest rendition (by width), or of the first with an href."""
    if isinstance(renditions, dict):  # 1.x: a map of names to renditions
        renditions = list(renditions.values())
    if not isinstance(renditions, list):
        return ""
    found = [r for r in renditions if isinstance(r, dict) and isinstance(r.get("href"), str)]
    if not found:
        return ""
    widest = max(found, key=lambda r: r.get("width") if isinstance(r.get("width"), int) else 0)
    return widest["href"].strip()


def version_number(value) -> int:
    """ninjs writes the version as a string of digits ("2"); absent means 1."""
    if value is None or value == "":
        return 1
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) < 10:
        return int(value)
    raise Malformed(
        _("The version “%(value)s” is not a whole number.") % {"value": str(value)[:40]},
        code="version",
    )


def urgency(value) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 9:
        return value
    raise Malformed(
        _("The urgency “%(value)s” is not a number from 0 to 9.") % {"value": str(value)[:40]},
        code="urgency",
    )


def instant(data: dict, name: str) -> datetime | None:
    """A date-time with its offset (RFC 3339); a time without one is refused, not guessed."""
    value = data.get(name)
    if value in (None, ""):
        return None
    return parse_instant(value, name)


def parse_instant(value, name: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.strip().replace("z", "Z"))
    except (AttributeError, ValueError):
        moment = None
    if moment is None or moment.tzinfo is None:
        raise Malformed(
            _("“%(field)s” is not a date and time with its offset: “%(value)s”.")
            % {"field": name, "value": str(value)[:40]},
            code="date",
        )
    return moment


def split_byline(value: str) -> list[str]:
    """The names in a byline: «By Paulo Santalucia and Frances d'Emilio» gives two names;
    an agency after a slash («Karl Melander/TT») is left out."""
    value = re.sub(r"^(by|par|von|av)\s+", "", value.strip(), flags=re.IGNORECASE)
    names = re.split(r",|;|\s+(?:and|et|und|och|y|&)\s+", value)
    return [name.split("/")[0].strip() for name in names if name.split("/")[0].strip()]
