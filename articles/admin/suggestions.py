"""The quotes found in the article's text, beside its body on the article page.

The panel asks for them when the page opens and when the journalist asks again (from the
text in the editor, saved or not); each is accepted as found or as edited, or rejected,
without leaving the page. Accepting goes through ``articles.suggestions.accept`` (the quote
and people verbs), so a published article's quotes stay an editor's to change.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.dateparse import parse_date
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from articles import body, suggestions
from articles.models import Quote
from newsroom.errors import ChangeRefused


class QuoteSuggestionsAdmin:
    """For ArticleAdmin: the ``quote_suggestions`` panel and the views behind it."""

    def get_urls(self):
        view = self.admin_site.admin_view
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<int:object_id>/quote-suggestions/",
                view(self.quote_suggestions_view),
                name=f"{name}_quote_suggestions",
            ),
            path(
                "<int:object_id>/quote-suggestions/accept/",
                view(require_POST(self.accept_suggestion_view)),
                name=f"{name}_accept_suggestion",
            ),
            path(
                "<int:object_id>/quote-suggestions/reject/",
                view(require_POST(self.reject_suggestion_view)),
                name=f"{name}_reject_suggestion",
            ),
            *super().get_urls(),
        ]

    def quote_suggestions(self, article):
        if article is None or article.pk is None:
            return _("Save the article to see the quotes found in its text.")
        url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_quote_suggestions",
            args=[article.pk],
        )
        return format_html(
            '<div id="quote-suggestions" data-url="{}" aria-live="polite">{}</div>',
            url,
            _("Looking for quotes…"),
        )

    quote_suggestions.short_description = gettext_lazy("quotes found in the text")

    def _article_for_suggestions(self, request, object_id, *, changing: bool):
        article = self.get_object(request, str(object_id))
        if article is None:
            raise Http404
        allowed = self.has_change_permission if changing else self.has_view_permission
        if not allowed(request, article):
            raise PermissionDenied(
                self.edit_refusal(request, article) or _("You may not change this article.")
            )
        return article

    def quote_suggestions_view(self, request, object_id):
        """The panel's content: the suggestions for the text posted (the editor's, saved
        or not), or for the article as it will be published."""
        article = self._article_for_suggestions(request, object_id, changing=False)
        if request.method == "POST" and "body_html" in request.POST:
            article.body = body.html_to_blocks(request.POST["body_html"])
        found = suggestions.for_article(article)
        for suggestion in found:
            suggestion["kind_label"] = Quote.Kind(suggestion["kind"]).label
            speaker = suggestion["speaker"]
            suggestion["organisation"] = bool(speaker) and suggestions.is_organisation(speaker)
        return render(
            request,
            "admin/articles/article/quote_suggestions.html",
            {
                "suggestions": [s for s in found if s["status"] != "rejected"],
                "rejected": sum(s["status"] == "rejected" for s in found),
                "kinds": Quote.Kind.choices,
                "may_change": self.has_change_permission(request, article),
                "accept_url": reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_accept_suggestion",
                    args=[article.pk],
                ),
                "reject_url": reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_reject_suggestion",
                    args=[article.pk],
                ),
            },
        )

    def accept_suggestion_view(self, request, object_id):
        try:
            article = self._article_for_suggestions(request, object_id, changing=True)
        except PermissionDenied as refusal:
            return JsonResponse({"error": str(refusal)}, status=403)
        data = request.POST
        text = data.get("text", "").strip()
        kind = data.get("kind", Quote.Kind.FULL)
        said_on = parse_date(data["said_on"]) if data.get("said_on") else None
        if not text or kind not in Quote.Kind.values or (data.get("said_on") and not said_on):
            return JsonResponse(
                {"error": _("Give the exact words, a kind and, if any, a date (2024-11-12).")},
                status=400,
            )
        try:
            quote = suggestions.accept(
                article,
                by=request.user,
                text=text,
                speaker=data.get("speaker", ""),
                person=data.get("person", ""),
                role=data.get("role", "").strip(),
                kind=kind,
                said_on=said_on,
            )
        except ChangeRefused as error:
            return JsonResponse({"error": " ".join(error.messages)}, status=403)
        except ValidationError as error:
            return JsonResponse({"error": " ".join(error.messages)}, status=400)
        return JsonResponse(
            {
                "quote": quote.pk,
                "message": _("Quote %(id)d added to the article: %(speaker)s.")
                % {"id": quote.pk, "speaker": quote.speaker or _("unattributed")},
            }
        )

    def reject_suggestion_view(self, request, object_id):
        try:
            article = self._article_for_suggestions(request, object_id, changing=True)
        except PermissionDenied as refusal:
            return JsonResponse({"error": str(refusal)}, status=403)
        text = request.POST.get("text", "").strip()
        if not text:
            return JsonResponse({"error": _("Which words? None were sent.")}, status=400)
        suggestions.reject(article, by=request.user, text=text)
        return JsonResponse({"message": _("Suggestion rejected: it will not be offered again.")})
