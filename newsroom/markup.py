"""Markup in text: plain-text fields refuse HTML, and text is read without its tags.

Articles and photos both have plain-text fields (headline, caption, credit…), so the rule
lives here, below every app.
"""

import html
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>")


def strip_html(value: str) -> str:
    return html.unescape(TAG_RE.sub("", value))


def reject_markup(value: str) -> None:
    """Validator for plain-text fields (headline, caption…): HTML is refused, not stored."""
    if value and TAG_RE.search(value):
        raise ValidationError(
            _("HTML is not allowed here: remove the tags (%(tag)s)."),
            params={"tag": TAG_RE.search(value).group(0)[:40]},
            code="markup",
        )
