"""An agency item as read from any format, before it becomes an article."""

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.core.exceptions import ValidationError


class Malformed(ValidationError):
    """The item cannot be read: the message says why; the rest of the batch goes on."""


@dataclass
class PhotoRef:
    """A picture the item associates, and where its file is (a path or a URL)."""

    href: str
    caption: str = ""
    credit: str = ""
    creator: str = ""
    copyright_notice: str = ""
    alt_text: str = ""


@dataclass
class Item:
    guid: str
    format: str
    headline: str
    blocks: list[dict]
    version: int = 1
    version_created: datetime | None = None
    standfirst: str = ""
    byline: list[str] = field(default_factory=list)
    agency: str = ""
    language: str = ""
    urgency: int | None = None
    embargo_until: datetime | None = None
    # (kind, name), kind one of Tag.Kind's values
    subjects: list[tuple[str, str]] = field(default_factory=list)
    photos: list[PhotoRef] = field(default_factory=list)
    # The folder the item was read from: its photos may be files beside it.
    base: Path | None = None
    # True when the agency withdrew the item (pubstatus canceled / withdrawn).
    withdrawn: bool = False


def authors(item: Item) -> list[str]:
    """The byline's names, without the agency's own name («Christian Hollmann, dpa»)."""
    agency = item.agency.casefold()
    return [name for name in dict.fromkeys(item.byline) if name.casefold() != agency]
