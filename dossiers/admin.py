from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db.models import Count, F
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from dossiers.models import Dossier, DossierEntry


class DossierActionForm(ActionForm):
    """The article list's action bar, with the dossier «file in» and «take out» act on."""

    dossier = forms.ModelChoiceField(
        Dossier.objects.order_by("title"), required=False, label=_("dossier")
    )


def _chosen_dossier(modeladmin, request):
    try:
        dossier = DossierActionForm.base_fields["dossier"].clean(request.POST.get("dossier"))
    except forms.ValidationError:
        dossier = None
    if dossier is None:
        modeladmin.message_user(
            request, gettext("Choose the dossier beside the action."), messages.WARNING
        )
    return dossier


def _forget(article_ids, dossier):
    """bulk_create sends no signal: tell the public copies and the CDN ourselves."""
    from articles import rendering

    rendering.forget(
        article_ids,
        keys=["dossiers", f"dossier-{dossier.slug}", f"dossier-list-{dossier.slug}"],
    )


@admin.action(description=_("File in the dossier chosen beside"), permissions=["file"])
def file_in_dossier(modeladmin, request, queryset):
    if (dossier := _chosen_dossier(modeladmin, request)) is None:
        return
    ids = list(queryset.values_list("pk", flat=True))
    DossierEntry.objects.bulk_create(
        [DossierEntry(dossier=dossier, article_id=pk) for pk in ids], ignore_conflicts=True
    )
    _forget(ids, dossier)
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d article is in «%(dossier)s».",
            "%(count)d articles are in «%(dossier)s».",
            len(ids),
        )
        % {"count": len(ids), "dossier": dossier},
    )


@admin.action(description=_("Take out of the dossier chosen beside"), permissions=["file"])
def take_out_of_dossier(modeladmin, request, queryset):
    if (dossier := _chosen_dossier(modeladmin, request)) is None:
        return
    ids = list(queryset.values_list("pk", flat=True))
    removed, _ = DossierEntry.objects.filter(dossier=dossier, article_id__in=ids).delete()
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d article taken out of «%(dossier)s».",
            "%(count)d articles taken out of «%(dossier)s».",
            removed,
        )
        % {"count": removed, "dossier": dossier},
    )


class PinnedEntryInline(admin.TabularInline):
    """On the dossier: the pinned articles, in the order readers see them (edit the
    numbers to reorder; add a row to pin another). All the articles: see the link above."""

    model = DossierEntry
    fields = ["article", "pin_position"]
    autocomplete_fields = ["article"]
    extra = 1
    verbose_name = _("pinned article")
    verbose_name_plural = _("pinned articles, in this order")

    def get_queryset(self, request):
        entries = super().get_queryset(request).select_related("article")
        return entries.filter(pin_position__isnull=False).order_by("pin_position", "id")


@admin.register(DossierEntry)
class DossierEntryAdmin(admin.ModelAdmin):
    """A dossier's articles, paginated: pin and reorder in the list, take out in bulk."""

    list_display = ["article", "dossier", "published_at", "pin_position"]
    list_editable = ["pin_position"]
    list_filter = ["dossier"]
    list_select_related = ["article", "dossier"]
    autocomplete_fields = ["dossier", "article"]
    ordering = [F("pin_position").asc(nulls_last=True), "-article__published_at"]
    show_full_result_count = False
    actions = ["delete_selected", "unpin"]

    @admin.display(description=_("published"), ordering="article__published_at")
    def published_at(self, entry):
        return entry.article.published_at

    @admin.action(description=_("Unpin"), permissions=["change"])
    def unpin(self, request, queryset):
        for entry in queryset.filter(pin_position__isnull=False):
            entry.pin_position = None
            entry.save(update_fields=["pin_position"])  # post_save refreshes the copies


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
    fields = ["title", "slug", "introduction", "cover_photo", "is_open", "timeline"]
    readonly_fields = ["timeline"]
    # Only the pinned entries: a 50,000-article dossier's entries are paginated in their own list.
    inlines = [PinnedEntryInline]

    def get_queryset(self, request):
        # A grouped query drops Meta.ordering: name it, or the autocomplete pages at random.
        counted = super().get_queryset(request).annotate(article_count=Count("entries"))
        return counted.order_by("title")

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, dossier):
        return dossier.article_count

    @admin.display(description=_("timeline"))
    def timeline(self, dossier):
        if dossier.pk is None:
            return "—"
        entries = reverse("admin:dossiers_dossierentry_changelist")
        return format_html(
            '<a href="{}">{}</a> · <a href="{}?dossier__id__exact={}">{}</a>',
            dossier.get_absolute_url(),
            gettext("Open the archive timeline"),
            entries,
            dossier.pk,
            gettext("All its articles: pin, reorder, take out"),
        )
