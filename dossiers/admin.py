from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from dossiers.models import Dossier, DossierEntry


class DossierEntryInline(admin.TabularInline):
    """The dossier's articles, on the dossier."""

    model = DossierEntry
    fields = ["article", "pin_position", "added_at"]
    readonly_fields = ["added_at"]
    autocomplete_fields = ["article"]
    extra = 0


class ArticleDossierInline(admin.TabularInline):
    """The dossiers an article is filed in, on the article (used by ArticleAdmin)."""

    model = DossierEntry
    fields = ["dossier", "pin_position"]
    autocomplete_fields = ["dossier"]
    extra = 0
    verbose_name = _("dossier")
    verbose_name_plural = _("dossiers")


@admin.register(Dossier)
class DossierAdmin(admin.ModelAdmin):
    list_display = ["title", "is_open", "article_count", "created_at"]
    list_filter = ["is_open"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["cover_photo"]
    fields = ["title", "slug", "introduction", "cover_photo", "is_open"]
    inlines = [DossierEntryInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("entries"))

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, dossier):
        return dossier.article_count
