"""Where items come from: files and folders (ninjs ``.json``, NewsML-G2 ``.xml``), and the
API's request body. Each gives pairs of a source label and an ``Item`` or ``Malformed``."""

from pathlib import Path

import orjson
from django.utils.translation import gettext as _

from articles import body
from wire import newsml, ninjs
from wire.items import Malformed

SUFFIXES = (".json", ".xml")


def files(paths) -> list[Path]:
    """The item files named, and those in the folders named (sorted, subfolders included)."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
        else:
            found.append(path)
    return found


def read_file(path: Path):
    """The entries of one file: a ninjs object or a list of them, or a NewsML-G2 document."""
    try:
        content = path.read_bytes()
    except OSError as error:
        yield str(path), Malformed(_("The file cannot be read: %(error)s") % {"error": error})
        return
    yield from read_bytes(content, label=str(path), base=path.parent, xml=_is_xml(path, content))


def _is_xml(path: Path, content: bytes) -> bool:
    return path.suffix.lower() == ".xml" or content.lstrip()[:1] == b"<"


def read_bytes(content: bytes, *, label: str, base=None, xml=False):
    if xml:
        try:
            elements = newsml.documents(content)
        except Malformed as error:
            yield label, error
            return
        for index, element in enumerate(elements, start=1):
            where = label if len(elements) == 1 else f"{label}#{index}"
            yield where, _parsed(newsml.parse, element, base)
        return
    try:
        data = orjson.loads(content)
    except orjson.JSONDecodeError as error:
        yield label, Malformed(_("This is not valid JSON: %(error)s") % {"error": error})
        return
    yield from read_json(data, label=label, base=base)


def read_json(data, *, label: str, base=None):
    """Entries from decoded JSON: a ninjs object, or a list of ninjs objects and NewsML-G2
    documents (as strings)."""
    many = isinstance(data, list)
    for index, entry in enumerate(data if many else [data], start=1):
        where = f"{label}#{index}" if many else label
        if isinstance(entry, str):
            yield from read_bytes(entry.encode(), label=where, base=base, xml=True)
        else:
            yield where, _parsed(ninjs.parse, entry, base)


def _parsed(parse, data, base):
    try:
        if not isinstance(data, str | bytes):  # XML cannot carry them: its parser refuses
            check_characters(data)
        return parse(data, base=base)
    except Malformed as error:
        return error


def check_characters(data) -> None:
    """Refuse a NUL or a lone UTF-16 surrogate anywhere in decoded JSON: no text holds them,
    and PostgreSQL could not store them."""
    if isinstance(data, dict):
        for key, value in data.items():
            check_characters(key)
            check_characters(value)
    elif isinstance(data, list):
        for value in data:
            check_characters(value)
    elif isinstance(data, str):
        surrogate = body.SURROGATE_RE.search(data)
        found = "\x00" if "\x00" in data else surrogate.group() if surrogate else None
        if found:
            raise Malformed(
                _("The item holds %(code)s, which is no character of any text.")
                % {"code": found.encode("unicode_escape").decode()},
                code="character",
            )
