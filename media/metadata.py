"""What a photographer or agency embedded in the file: caption, credit, creator, rights…

Three standards may say the same thing. XMP is read first (always Unicode), then IPTC IIM,
then EXIF; for each field the first non-empty value wins. IIM and EXIF text has no
reliable encoding: IIM declares UTF-8 with record 1:90 (``ESC % G``), and anything else
is read as UTF-8 if it is valid UTF-8, else as Windows-1252 (Latin-1 plus the typographic
apostrophe and quotes), so French text arrives without mojibake either way.
"""

import datetime as dt
import logging
import re

from defusedxml import ElementTree
from django.utils import timezone
from PIL import IptcImagePlugin

from newsroom.markup import MARKUP_RE, strip_html

logger = logging.getLogger(__name__)

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DC = "{http://purl.org/dc/elements/1.1/}"
PHOTOSHOP = "{http://ns.adobe.com/photoshop/1.0/}"
IPTC_CORE = "{http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/}"
EXIF_XMP = "{http://ns.adobe.com/exif/1.0/}"

# Photo field: XMP properties, IIM datasets (record 2) and EXIF tags that may hold it.
# For ``place`` every part found is kept, from the most precise to the country.
XMP = {
    "caption": [f"{DC}description"],
    "credit": [f"{PHOTOSHOP}Credit"],
    "creator": [f"{DC}creator"],
    "copyright_notice": [f"{DC}rights"],
    "source": [f"{PHOTOSHOP}Source"],
    "alt_text": [f"{IPTC_CORE}AltTextAccessibility"],
    "taken_at": [f"{PHOTOSHOP}DateCreated", f"{EXIF_XMP}DateTimeOriginal"],
}
XMP_PLACE = [f"{IPTC_CORE}Location", f"{PHOTOSHOP}City", f"{PHOTOSHOP}State", f"{PHOTOSHOP}Country"]
IIM = {"caption": 120, "credit": 110, "creator": 80, "copyright_notice": 116, "source": 115}
IIM_PLACE = [92, 90, 95, 101]  # sublocation, city, province/state, country
IIM_DATE, IIM_TIME, IIM_CHARSET = 55, 60, (1, 90)
UTF8_ESCAPE = b"\x1b%G"
EXIF = {"caption": 0x010E, "creator": 0x013B, "copyright_notice": 0x8298}
EXIF_IFD, EXIF_TAKEN, EXIF_OFFSET = 0x8769, 0x9003, 0x9011

CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def read(image) -> dict:
    """Photo fields pre-filled from the image's embedded metadata; only the ones found.

    ``image`` is an opened Pillow image. Unreadable metadata is skipped, never fatal.
    """
    found = {}
    for reader in (from_xmp, from_iim, from_exif):
        try:
            values = reader(image)
        except Exception:  # untrusted bytes: any parser may choke, the upload goes on
            logger.warning("Unreadable %s metadata skipped", reader.__name__, exc_info=True)
            continue
        for name, value in values.items():
            if value and not found.get(name):
                found[name] = value
    return found


def clean(text: str) -> str:
    """Plain text: no markup, no control characters, Unix line ends, no outer blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    # Tags again after decoding: an escaped «&lt;b&gt;» in the file must not become markup;
    # nor an unclosed «<img src=x onerror=…», which the plain-text fields would refuse.
    return CONTROL_RE.sub("", MARKUP_RE.sub("", strip_html(text))).strip()


def decode(raw: bytes, *, utf8: bool = False) -> str:
    if utf8:
        return raw.decode("utf-8", "replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def aware(moment: dt.datetime) -> dt.datetime:
    """A time with no offset is taken as newsroom time (settings.TIME_ZONE)."""
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def join_place(parts) -> str:
    unique = []
    for part in parts:
        if part and part not in unique:
            unique.append(part)
    return ", ".join(unique)


# XMP


def from_xmp(image) -> dict:
    packet = image.info.get("xmp")
    if not packet:
        return {}
    if isinstance(packet, str):
        packet = packet.encode("utf-8")
    properties = xmp_properties(packet.strip(b"\x00 \r\n\t"))
    values = {
        name: next((properties[key] for key in keys if properties.get(key)), "")
        for name, keys in XMP.items()
    }
    values["taken_at"] = parse_iso(values["taken_at"])
    values["place"] = join_place(properties.get(key) for key in XMP_PLACE)
    return values


def xmp_properties(packet: bytes) -> dict[str, str]:
    """Top-level XMP properties, ``{namespace}name`` → text (alternatives: x-default first)."""
    root = ElementTree.fromstring(packet)
    rdf = root if root.tag == f"{{{RDF}}}RDF" else root.find(f"{{{RDF}}}RDF")
    properties = {}
    for description in rdf.findall(f"{{{RDF}}}Description") if rdf is not None else []:
        for name, value in description.attrib.items():
            properties.setdefault(name, clean(value))
        for element in description:
            properties.setdefault(element.tag, clean(xmp_text(element)))
    return properties


def xmp_text(element) -> str:
    """A simple value, the default of a language alternative, or a list joined by commas."""
    alternative = element.find(f"{{{RDF}}}Alt")
    if alternative is not None:
        items = alternative.findall(f"{{{RDF}}}li")
        default = [li for li in items if li.get(XML_LANG) == "x-default"]
        return next((li.text or "" for li in default + items), "")
    for kind in ("Seq", "Bag"):
        container = element.find(f"{{{RDF}}}{kind}")
        if container is not None:
            return ", ".join(li.text.strip() for li in container.findall(f"{{{RDF}}}li") if li.text)
    return element.text or ""


def parse_iso(text: str) -> dt.datetime | None:
    """An XMP date: full ISO 8601, or a bare day (taken as midnight); else None."""
    try:
        return aware(dt.datetime.fromisoformat(text)) if text else None
    except ValueError:
        return None


# IPTC IIM


def from_iim(image) -> dict:
    records = IptcImagePlugin.getiptcinfo(image) or {}
    utf8 = records.get(IIM_CHARSET) == UTF8_ESCAPE

    def text(dataset: int) -> str:
        raw = records.get((2, dataset))
        if raw is None:
            return ""
        items = raw if isinstance(raw, list) else [raw]
        return ", ".join(filter(None, (clean(decode(item, utf8=utf8)) for item in items)))

    values = {name: text(dataset) for name, dataset in IIM.items()}
    values["place"] = join_place(text(dataset) for dataset in IIM_PLACE)
    values["taken_at"] = parse_iim_date(text(IIM_DATE), text(IIM_TIME))
    return values


def parse_iim_date(day: str, time: str) -> dt.datetime | None:
    """IIM 2:55 ``CCYYMMDD`` and 2:60 ``HHMMSS±HHMM`` (the time is optional)."""
    if not re.fullmatch(r"\d{8}", day):
        return None
    iso = f"{day[:4]}-{day[4:6]}-{day[6:]}"
    if match := re.fullmatch(r"(\d\d)(\d\d)(\d\d)(?:([+-]\d\d)(\d\d))?", time):
        hours, minutes, seconds, offset_hours, offset_minutes = match.groups()
        iso += f"T{hours}:{minutes}:{seconds}"
        if offset_hours:
            iso += f"{offset_hours}:{offset_minutes}"
    return parse_iso(iso)


# EXIF


def from_exif(image) -> dict:
    exif = image.getexif()
    values = {name: exif_text(exif.get(tag)) for name, tag in EXIF.items()}
    details = exif.get_ifd(EXIF_IFD)
    taken = exif_text(details.get(EXIF_TAKEN))
    offset = exif_text(details.get(EXIF_OFFSET))
    if match := re.fullmatch(r"(\d{4}):(\d\d):(\d\d) (\d\d:\d\d:\d\d)", taken):
        year, month, day, time = match.groups()
        values["taken_at"] = parse_iso(f"{year}-{month}-{day}T{time}{offset}")
    return values


def exif_text(value) -> str:
    """EXIF "ASCII" text is often UTF-8 in practice; Pillow hands it over as Latin-1."""
    if value is None:
        return ""
    if isinstance(value, str):
        try:
            value = value.encode("latin-1")
        except UnicodeEncodeError:
            return clean(value)
    if not isinstance(value, bytes):
        return ""
    return clean(decode(value.split(b"\x00")[0]))
