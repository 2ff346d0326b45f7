"""The API's JSON parser: DRF's, refusing documents nested deeper than any resource needs.

Python's decoder recurses once per level, so ``[[[[…]]]]`` 100,000 deep is a RecursionError
(a 500); and orjson, which writes the stored JSON, stops at 255 levels.
"""

import codecs
import re

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError
from rest_framework.utils import json

MAX_DEPTH = 64
# A string (skipped whole, escapes included) or a bracket.
_TOKEN_RE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)


def nesting_depth(text: str, limit: int) -> int:
    """How deep ``text``'s arrays and objects nest, counting no further than ``limit + 1``."""
    depth = deepest = 0
    for match in _TOKEN_RE.finditer(text):
        opening = text[match.start()]
        if opening in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        elif opening in "]}":
            depth -= 1
    return deepest


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, with a 400 for nesting beyond ``MAX_DEPTH`` levels."""

    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = codecs.getreader(encoding)(stream).read()
        except ValueError as exc:
            raise ParseError(_("JSON parse error - %(error)s") % {"error": exc}) from None
        if nesting_depth(text, MAX_DEPTH) > MAX_DEPTH:
            raise ParseError(
                _("JSON nested too deeply: at most %(max)d levels.") % {"max": MAX_DEPTH}
            )
        try:
            parse_constant = json.strict_constant if self.strict else None
            return json.loads(text, parse_constant=parse_constant)
        except ValueError as exc:
            raise ParseError(_("JSON parse error - %(error)s") % {"error": exc}) from None
