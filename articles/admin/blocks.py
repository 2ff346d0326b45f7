"""The body editor's pickers and cards: a quote, a photo or a related article is found by
typing (its words or speaker, its caption or credit, its headline) and shown in the editor
as a card, never as a number to copy (articles/static/articles/body_blocks.js, configured
by articles/body_editor.py).

Both views answer JSON to staff only, through the admin of what is looked for: its
permission to view, and its search (the quotes' full text and speakers, the articles' full
text, the photos' caption, credit and creator).
"""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path
from django.utils.translation import gettext as _

from articles import references
from articles.models import Article, Quote
from media.models import Photo

KINDS = {"quote": Quote, "photo": Photo, "related": Article}
RESULTS = 8
MAX_QUERY = 200


class BodyBlocksAdmin:
    """For ArticleAdmin: ``blocks/search/`` and ``blocks/cards/``."""

    def get_urls(self):
        view = self.admin_site.admin_view
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("blocks/search/", view(self.block_search_view), name=f"{name}_block_search"),
            path("blocks/cards/", view(self.block_cards_view), name=f"{name}_block_cards"),
            *super().get_urls(),
        ]

    def _admin_of(self, request, kind):
        model_admin = self.admin_site._registry[KINDS[kind]]
        if not model_admin.has_view_permission(request):
            raise PermissionDenied
        return model_admin

    def block_search_view(self, request):
        """``?kind=quote&q=patel``: the first cards found, newest first."""
        kind, query = request.GET.get("kind", ""), request.GET.get("q", "").strip()
        if kind not in KINDS:
            return _bad("kind", _("expected one of %(kinds)s.") % {"kinds": ", ".join(KINDS)})
        if len(query) > MAX_QUERY:
            return _bad("q", _("at most %(max)d characters.") % {"max": MAX_QUERY})
        model_admin = self._admin_of(request, kind)
        found = model_admin.get_queryset(request)
        if query:
            found, _duplicates = model_admin.get_search_results(request, found, query)
        ids = set(found.order_by("-pk").values_list("pk", flat=True)[:RESULTS])
        cards = references.cards({kind: ids}).get(kind, {})
        return JsonResponse({"results": [cards[pk] for pk in sorted(cards, reverse=True)]})

    def block_cards_view(self, request):
        """``?quote=12,13&photo=5&related=34``: the cards of the blocks an editor shows."""
        ids = {}
        for kind in KINDS:
            values = [v for v in request.GET.get(kind, "").split(",") if v]
            if not all(v.isdigit() and len(v) < 19 for v in values) or len(values) > 500:
                return _bad(kind, _("expected up to 500 numbers separated by commas."))
            if values:
                self._admin_of(request, kind)
                ids[kind] = {int(v) for v in values}
        found = references.cards(ids)
        return JsonResponse(
            {kind: {str(pk): card for pk, card in cards.items()} for kind, cards in found.items()}
        )


def _bad(field: str, message: str) -> JsonResponse:
    return JsonResponse({"error": f"{field}: {message}", "field": field}, status=400)
