"""The agency items imported, read-only: which draft each became, its urgency, its version."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from newsroom.admin import ReadOnlyRecord
from wire.models import WireItem


@admin.register(WireItem)
class WireItemAdmin(ReadOnlyRecord):
    list_display = ("guid", "agency", "urgency", "version", "article_link", "held", "updated_at")
    list_filter = ("agency", "urgency", "held", "format")
    search_fields = ("guid", "article__headline")
    list_select_related = ("article",)
    date_hierarchy = "updated_at"

    @admin.display(description=_("article"))
    def article_link(self, item):
        if item.article is None:
            return "—"
        url = reverse("admin:articles_article_change", args=[item.article_id])
        return format_html('<a href="{}">{}</a>', url, item.article.headline)
