"""Feeds and sitemaps take no query parameters: any is a 400 that names it, as in the API."""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


def unknown_parameters(request) -> HttpResponseBadRequest | None:
    """A 400 naming each query parameter sent, or None when there is none."""
    if not request.GET:
        return None
    lines = [f"{name}: {_('Unknown query parameter.')}" for name in sorted(request.GET)]
    return HttpResponseBadRequest("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
