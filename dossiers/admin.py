from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db.models import Count, F
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from dossiers import filing
from dossiers.models import Dossier, DossierEntry
from newsroom.admin import ThroughVerbs
from newsroom.errors import ChangeRefused


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


def _refused(modeladmin, request, refusal: ChangeRefused) -> None:
    modeladmin.message_user(request, " ".join(refusal.messages), messages.ERROR)


@admin.action(description=_("File in the dossier chosen beside"), permissions=["file"])
def file_in_dossier(modeladmin, request, queryset):
    if (dossier := _chosen_dossier(modeladmin, request)) is None:
        return
    ids = list(queryset.values_list("pk", flat=True))
    try:
        filing.file_in(dossier, ids, by=request.user)
    except ChangeRefused as refusal:
        return _refused(modeladmin, request, refusal)
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
    try:
        removed = filing.take_out(dossier, ids, by=request.user)
    except ChangeRefused as refusal:
        return _refused(modeladmin, request, refusal)
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

    list_display = ["article", "dossier", "published", "pin_position"]
    list_editable = ["pin_position"]
    list_filter = ["dossier"]
    list_select_related = ["article", "dossier"]
    autocomplete_fields = ["dossier", "article"]
    ordering = [F("pin_position").asc(nulls_last=True), "-article__published_at"]
    show_full_result_count = False
    actions = ["delete_selected", "unpin"]

    @admin.display(description=_("published"), ordering="article__published_at")
    def published(self, entry):  # not «published_at»: the entry's own field would win
        return entry.article.published_at

    @admin.action(description=_("Unpin"), permissions=["change"])
    def unpin(self, request, queryset):
        for entry in queryset.filter(pin_position__isnull=False).select_related("dossier"):
            filing.pin(entry, None, by=request.user)

    def save_model(self, request, obj, form, change):
        save_entry(obj, by=request.user, form=form)

    def delete_model(self, request, obj):
        filing.take_out(obj.dossier, [obj.article_id], by=request.user)

    def delete_queryset(self, request, queryset):
        for entry in queryset.select_related("dossier"):
            filing.take_out(entry.dossier, [entry.article_id], by=request.user)


def save_entry(entry, *, by, form) -> None:
    """A new entry files its article; a changed one moves or re-pins it."""
    if entry.pk is None:
        filing.file_in(entry.dossier, [entry.article_id], by=by, pin_position=entry.pin_position)
        return
    if {"dossier", "article"} & set(form.changed_data):
        before = DossierEntry.objects.select_related("dossier").get(pk=entry.pk)
        filing.take_out(before.dossier, [before.article_id], by=by)
        filing.file_in(entry.dossier, [entry.article_id], by=by, pin_position=entry.pin_position)
    elif "pin_position" in form.changed_data:
        filing.pin(entry, entry.pin_position, by=by)


class ArticleDossierInline(admin.TabularInline):
    """The dossiers an article is filed in, on the article (used by ArticleAdmin)."""

    model = DossierEntry
    fields = ["dossier", "pin_position"]
    autocomplete_fields = ["dossier"]
    extra = 0
    verbose_name = _("dossier")
    verbose_name_plural = _("dossiers")


@admin.register(Dossier)
class DossierAdmin(ThroughVerbs, admin.ModelAdmin):
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

    def check_change(self, dossier, *, by, form=None):
        filing.check_change(dossier, by=by)

    def save_verb(self, dossier, *, by, form):
        filing.save_dossier(dossier, by=by)

    def delete_verb(self, dossier, *, by):
        filing.delete_dossier(dossier, by=by)

    def save_formset(self, request, form, formset, change):
        """The pinned entries, each through the filing verbs."""
        for entry in formset.save(commit=False):
            entry.dossier = form.instance
            save_entry(entry, by=request.user, form=_changed(formset, entry))
        for entry in formset.deleted_objects:
            filing.take_out(entry.dossier, [entry.article_id], by=request.user)

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


def _changed(formset, entry):
    """The inline form that edited ``entry``."""
    return next(form for form in formset.forms if form.instance is entry)
