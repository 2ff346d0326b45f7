"""Markup in text: plain-text fields refuse HTML, and text is read without its tags.

Articles and photos both have plain-text fields (headline, caption, credit…), so the rule
lives here, below every app.
"""

import html
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>")
# The one rule for plain text: a tag starts with «<» and a letter, «/», «!» (a comment, a
# doctype) or «?», closed or not, since a browser reads «<img src=x onerror=…» unclosed
# too. «3 < 5» and «<3» are text.
MARKUP_RE = re.compile(r"<[a-zA-Z/!?][^<>]*>?")


def strip_html(value: str) -> str:
    return html.unescape(TAG_RE.sub("", value))


def markup_in(value: str) -> str | None:
    """The first tag, closed or not, in ``value`` (at most 40 characters), or None."""
    found = MARKUP_RE.search(value) if value and "<" in value else None
    return found.group(0)[:40].rstrip() if found else None


def reject_markup(value: str) -> None:
    """Validator for plain-text fields (headline, caption…): HTML is refused, not stored."""
    if tag := markup_in(value):
        raise ValidationError(
            _("HTML is not allowed here: remove the tags (%(tag)s)."),
            params={"tag": tag},
            code="markup",
        )
