"""The newsroom's admin for articles and what they are made of.

The article list at scale is in ``changelist``, the revision history in ``history``.
"""

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Prefetch, Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles import (
    body,
    pending,
    people,
    quotes,
    references,
    revisions,
    roles,
    search,
    sections,
    tags,
    workflow,
)
from articles.admin.blocks import BodyBlocksAdmin
from articles.admin.changelist import (
    ArticleChangeList,
    EstimatedCountPaginator,
    LanguageListFilter,
    MineListFilter,
    PublicationDateListFilter,
    SectionListFilter,
)
from articles.admin.history import RevisionHistoryAdmin
from articles.admin.preview import ArticlePreviewAdmin
from articles.admin.suggestions import QuoteSuggestionsAdmin
from articles.carriers import Reach
from articles.forms import ArticleForm, CorrectionForm, ScheduleForm
from articles.models import Article, Byline, Correction, Person, Quote, Section, Tag
from dossiers.admin import (
    ArticleDossierInline,
    DossierActionForm,
    file_in_dossier,
    take_out_of_dossier,
)
from media.admin import photo_preview, photo_thumbnail
from newsroom.admin import ThroughVerbs

# The version of each article an action's editor saw: ``seen_version_<pk>`` in the POST.
SEEN = "seen_version_"


class BylineInline(admin.TabularInline):
    model = Byline
    fields = ["person", "position"]
    autocomplete_fields = ["person"]
    extra = 0
    verbose_name = _("author")
    verbose_name_plural = _("authors, in order")

    # A published article's authors are shown only: its edits wait as pending changes,
    # which the byline rows would bypass.
    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not _live(obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not _live(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not _live(obj)


def _live(article) -> bool:
    return article is not None and workflow.edits_wait(article)


class CorrectionInline(admin.TabularInline):
    """Shown only: a correction is published by the «Publish a correction» action, which
    dates it and keeps a revision (workflow.correct)."""

    model = Correction
    fields = ["published_at", "text"]
    readonly_fields = fields
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class QuoteCarriedForm(forms.ModelForm):
    class Meta:
        model = Quote.articles.through
        fields = ["quote"]
        labels = {"quote": _("quote")}  # the link table's own label is English («Quote»)


class QuoteInline(admin.TabularInline):
    model = Quote.articles.through
    form = QuoteCarriedForm
    autocomplete_fields = ["quote"]
    extra = 0
    verbose_name = _("quote carried by this article")
    verbose_name_plural = _("quotes carried by this article")

    # What a published article carries is an editor's to change (articles.carriers).
    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and _may_change_carried(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and _may_change_carried(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and _may_change_carried(request, obj)


def status_label(article, at=None) -> str:
    """«brouillon», «programmé pour le 13 novembre 2024 à 9h07», «publié, modifications en
    attente»…"""
    at = at or timezone.now()
    if article.status == Article.Status.PUBLISHED:
        for moment, label in (
            (article.published_at, gettext("scheduled for %(when)s")),
            (article.embargo_until, gettext("under embargo until %(when)s")),
        ):
            if moment and moment > at:
                when = formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
                return label % {"when": when}
    if article.pending:
        return gettext("%(status)s, changes waiting") % {"status": article.get_status_display()}
    return article.get_status_display()


def _shown(row: dict, side: str):
    """A pending change's value as the editor reads it: the body as its lines of text."""
    if row["field"] == "body":
        return format_html_join(
            mark_safe("<br>"), "{}", ((line,) for line in revisions.readable_body(row[side]))
        )
    return row[side]


def _may_change_carried(request, article) -> bool:
    return not _live(article) or roles.can_publish(request.user)


@admin.register(Article)
class ArticleAdmin(
    ArticlePreviewAdmin,
    BodyBlocksAdmin,
    QuoteSuggestionsAdmin,
    RevisionHistoryAdmin,
    admin.ModelAdmin,
):
    form = ArticleForm
    fieldsets = [
        (_("Headline"), {"fields": ["kicker", "headline", "slug", "expected_version"]}),
        (_("Standfirst"), {"fields": ["standfirst"]}),
        (_("Body"), {"fields": [("body_html", "quote_suggestions")]}),
        (
            _("Lead photo"),
            {"fields": [("lead_photo", "lead_photo_preview"), "lead_photo_caption"]},
        ),
        (
            _("Classification"),
            {"fields": ["section", "tags", "signature", "language", "is_premium"]},
        ),
        (
            _("Publication"),
            {
                "fields": [
                    "status_in_words",
                    "pending_changes",
                    "published_at",
                    "first_published_at",
                    "updated_at",
                    "embargo_until",
                    "seo_title",
                    "seo_description",
                    ("modified_at", "modified_by"),
                ]
            },
        ),
    ]
    # Status and publication times change only through the actions (articles/workflow.py).
    readonly_fields = [
        *workflow.WORKFLOW_FIELDS,
        "modified_at",
        "modified_by",
        "lead_photo_preview",
        "status_in_words",
        "pending_changes",
        "quote_suggestions",
    ]
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["lead_photo", "tags"]
    inlines = [BylineInline, CorrectionInline, ArticleDossierInline, QuoteInline]

    list_display = ["headline", "section", "state", "published_at", "thumbnail", "authors"]
    list_filter = [
        MineListFilter,
        "status",
        ("section", SectionListFilter),
        "is_premium",
        PublicationDateListFilter,
        LanguageListFilter,
    ]
    list_select_related = ["section__parent", "lead_photo"]
    # Only orders an index serves: sorting a million headlines is seconds per page.
    sortable_by = ["published_at"]
    # Searched in full text (get_search_results); the field only turns the search box on.
    search_fields = ["headline"]
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER  # facets count every choice of every filter
    actions = [
        "submit",
        "return_to_draft",
        "publish_now",
        "schedule",
        "mark_updated",
        "correct",
        "withdraw",
        file_in_dossier,
        take_out_of_dossier,
    ]
    action_form = DossierActionForm

    def get_queryset(self, request):
        bylines = Byline.objects.select_related("person")
        return super().get_queryset(request).prefetch_related(Prefetch("bylines", bylines))

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_search_results(self, request, queryset, search_term):
        """French full-text search on the indexed ``search_vector`` (articles.search), never
        ILIKE; without the public search's rank and snippet, which the list does not show.
        The last word may be only begun, as in the pickers (a quote's articles), where one
        searches while typing."""
        if not search_term.strip():
            return queryset, False
        prepared = search.Search.prepare(search_term)
        if prepared.query.is_empty:
            return queryset.none(), False
        found = prepared.matches_q()
        if (begun := prepared.query.prefix_tsquery()) is not None:
            found |= Q(search_vector=begun)
        return queryset.filter(found), False

    def has_submit_permission(self, request):
        return request.user.has_perm("articles.submit_article")

    def has_publish_permission(self, request):
        return roles.can_publish(request.user)

    def has_file_permission(self, request):
        """Filing in dossiers (and taking out): editors and archivists."""
        user = request.user
        return user.has_perm("dossiers.add_dossierentry") and user.has_perm(
            "dossiers.delete_dossierentry"
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.user = request.user
        return form

    def get_fieldsets(self, request, obj=None):
        """Read-only, the page has no use for the version its form would carry."""
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "expected_version"]})
            for name, options in fieldsets
        ]

    def has_change_permission(self, request, obj=None):
        """An article the user may not edit (someone else's, or published, for a
        journalist) opens read-only, saying why, instead of refusing the save."""
        allowed = super().has_change_permission(request, obj)
        if not allowed or obj is None or obj.pk is None:
            return allowed
        return self.edit_refusal(request, obj) is None

    def edit_refusal(self, request, article) -> str | None:
        """Why the user may not edit ``article`` at all (asked once per request)."""
        cache = request.__dict__.setdefault("_edit_refusals", {})
        if article.pk not in cache:
            cache[article.pk] = roles.edit_refusal(request.user, article, roles.METADATA_FIELDS)
        return cache[article.pk]

    # The workflow actions the article page offers, by where the article stands; the
    # user's role then keeps those it allows (``get_actions``).
    DESK_ACTIONS = {
        "draft": ["submit", "publish_now", "schedule"],
        "ready": ["publish_now", "schedule", "return_to_draft"],
        "scheduled": ["withdraw", "return_to_draft"],
        "published": ["mark_updated", "correct", "withdraw", "return_to_draft"],
        "pending": ["publish_now", "schedule", "mark_updated", "correct", "withdraw"],
        "withdrawn": ["return_to_draft"],
    }

    def desk(self, request, article) -> dict:
        """What the article page shows above the form: the status in the paper's words,
        the actions the user may take from there, and why the form is read-only, if so."""
        stage = article.status
        if stage == Article.Status.PUBLISHED:
            if article.published_at and article.published_at > timezone.now():
                stage = "scheduled"
            elif article.pending:
                stage = "pending"
        actions = self.get_actions(request)
        refusal = self.edit_refusal(request, article)
        names = self.DESK_ACTIONS[stage]
        if not roles.can_publish(request.user):
            # A journalist submits their draft, or takes back what they submitted.
            names = (
                []
                if refusal
                else {"draft": ["submit"], "ready": ["return_to_draft"]}.get(stage, [])
            )
        return {
            "status": status_label(article),
            "stage": stage,
            "version": article.version,
            "actions": [(name, actions[name][2]) for name in names if name in actions],
            "read_only": refusal,
            "preview_url": self.preview_url(article),
        }

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None:
            context["desk"] = self.desk(request, obj)
            context["desk_seen"] = f"{SEEN}{obj.pk}"
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_action(self, request, queryset):
        """Back to the article page when the action was asked from it (``_next``)."""
        response = super().response_action(request, queryset)
        back = request.POST.get("_next", "")
        if response is not None and response.status_code == 302 and back:
            if url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
                return HttpResponseRedirect(back)
        return response

    def get_object(self, request, object_id, from_field=None):
        """A published article is edited as its pending changes, compared with the live one."""
        article = super().get_object(request, object_id, from_field)
        if article is not None:
            article.pending_changes = pending.changes(article)
            pending.shown(article)
        return article

    def save_model(self, request, obj, form, change):
        if change and workflow.edits_wait(obj):
            pending.keep(obj, by=request.user, tags=form.cleaned_data.get("tags"))
        else:
            super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        workflow.delete_article(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            workflow.delete_article(article, by=request.user)

    def save_related(self, request, form, formsets, change):
        """Record the revision once the tags and authors are saved too (pending changes
        hold them, and kept their revision)."""
        if change and workflow.edits_wait(form.instance):
            changed = any(formset.has_changed() for formset in formsets)
            for formset in formsets:
                self.save_formset(request, form, formset, change=change)
            if changed:  # quotes or dossiers, live at once: the article shows them
                note = gettext("quotes or dossiers changed on the article page")
                Reach([form.instance.pk]).done(by=request.user, note=note)
            return
        super().save_related(request, form, formsets, change)
        workflow.finish_save(form.instance, by=request.user, creating=not change)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "section":
            kwargs["queryset"] = Section.objects.select_related("parent")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("status"))
    def state(self, article):
        """The status in the paper's words (a scheduled or embargoed article says until
        when), whether changes wait, and the version the list shows (posted back with an
        action, so that an editor acts on what they saw)."""
        return format_html(
            '{}<input type="hidden" name="{}{}" value="{}">',
            status_label(article),
            SEEN,
            article.pk,
            article.version,
        )

    @admin.display(description=_("status"))
    def status_in_words(self, article):
        return status_label(article)  # «programmé pour le …», not «publié» before it is

    @admin.display(description=_("changes waiting for publication"))
    def pending_changes(self, article):
        """The live version and the pending changes side by side; «Publish now» (or
        «Schedule publication…») in the list makes them live."""
        rows = getattr(article, "pending_changes", None)
        if not rows:
            if not _live(article):
                return "—"
            if Article.objects.public().filter(pk=article.pk).exists():
                return gettext("None: what you see is live.")
            return gettext("None: what you see goes live as scheduled.")
        lines = format_html_join(
            "",
            "<tr><th>{}</th><td>{}</td><td>{}</td></tr>",
            (
                (revisions.LABELS[row["field"]], _shown(row, "live"), _shown(row, "pending"))
                for row in rows
            ),
        )
        when = (
            gettext("They go live on %(when)s.")
            % {
                "when": formats.date_format(
                    timezone.localtime(article.pending_at), "DATETIME_FORMAT"
                )
            }
            if article.pending_at
            else gettext("An editor publishes them with «Publish now» above.")
        )
        return format_html(
            '<table class="pending-changes"><tr><th></th><th>{}</th><th>{}</th></tr>{}</table>'
            "<p>{}</p>",
            gettext("live"),
            gettext("waiting"),
            lines,
            when,
        )

    @admin.display(description=_("Body"))
    def body_html(self, article):
        """The body on a read-only page (the form's editor field otherwise): text blocks as
        sanitised on save, the others described as the revision diff reads them."""
        found = references.cards(
            {kind: body.referenced_ids(article.body, kind) for kind in references.CARD_QUERYSETS}
        )
        return format_html_join(
            "",
            "{}",
            (
                (
                    format_html('<p class="body-card">{}</p>', references.describe(block, found))
                    if block["type"] in ("quote", "photo", "related", "embed")
                    # Sanitised on save, or escaped by blocks_to_html.
                    else mark_safe(body.blocks_to_html([block])),  # noqa: S308
                )
                for block in article.body
            ),
        )

    @admin.display(description=_("photo, caption and credit"))
    def lead_photo_preview(self, article):
        return photo_preview(article.lead_photo)

    @admin.display(description=_("photo"))
    def thumbnail(self, article):
        return photo_thumbnail(article.lead_photo, size=60)

    @admin.display(description=_("authors"))
    def authors(self, article):
        return ", ".join(byline.person.name for byline in article.bylines.all())

    # Workflow actions: each calls one verb of articles/workflow.py per article.

    @admin.action(description=_("Submit for editing"), permissions=["submit"])
    def submit(self, request, queryset):
        self._apply(request, queryset, workflow.submit, gettext("“%(article)s” is submitted."))

    @admin.action(description=_("Return to draft"), permissions=["submit"])
    def return_to_draft(self, request, queryset):
        success = gettext("“%(article)s” is back to draft.")
        self._apply(request, queryset, workflow.return_to_draft, success)

    @admin.action(description=_("Publish now"), permissions=["publish"])
    def publish_now(self, request, queryset):
        self._apply(request, queryset, workflow.publish, gettext("“%(article)s” is published."))

    @admin.action(description=_("Schedule publication…"), permissions=["publish"])
    def schedule(self, request, queryset):
        """Ask for the time on an intermediate page, then schedule each article."""
        form = ScheduleForm(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            return self._ask(request, queryset, "schedule", form, _("Schedule publication"))
        verb = partial(workflow.schedule, when=form.cleaned_data["when"])
        self._apply(request, queryset, verb, gettext("“%(article)s” is scheduled."))
        return None

    @admin.action(description=_("Significant update"), permissions=["publish"])
    def mark_updated(self, request, queryset):
        success = gettext("“%(article)s” shows its significant update time.")
        self._apply(request, queryset, workflow.mark_updated, success)

    @admin.action(description=_("Publish a correction…"), permissions=["publish"])
    def correct(self, request, queryset):
        """Ask for the text on an intermediate page, then publish it under each article."""
        form = CorrectionForm(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            return self._ask(request, queryset, "correct", form, _("Publish a correction"))
        verb = partial(workflow.correct, text=form.cleaned_data["text"])
        success = gettext("A correction is published under “%(article)s”.")
        self._apply(request, queryset, verb, success)
        return None

    @admin.action(description=_("Withdraw"), permissions=["publish"])
    def withdraw(self, request, queryset):
        self._apply(request, queryset, workflow.withdraw, gettext("“%(article)s” is withdrawn."))

    def _ask(self, request, queryset, action, form, title):
        """The intermediate page of an action that needs more than the selected articles."""
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.opts,
            "form": form,
            "action": action,
            "selected": queryset,
            "seen_versions": {
                name: value
                for name, value in request.POST.items()
                if name.startswith(SEEN) or name == "_next"
            },
            "media": self.media + form.media,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/articles/article/action_form.html", context)

    def _apply(self, request, queryset, verb, success):
        """Run a workflow verb on each article, on the version the list showed the editor
        (an article saved since is refused); one refusal does not stop the others."""
        for article in queryset:
            seen = request.POST.get(f"{SEEN}{article.pk}", "")
            try:
                verb(article, by=request.user, version=int(seen) if seen.isdigit() else None)
            except workflow.WorkflowError as error:
                message = gettext("“%(article)s”: %(error)s")
                params = {"article": article, "error": " ".join(error.messages)}
                self.message_user(request, message % params, messages.ERROR)
            else:
                self.message_user(request, success % {"article": article}, messages.SUCCESS)


@admin.register(Section)
class SectionAdmin(ThroughVerbs, admin.ModelAdmin):
    list_display = ["name", "parent", "position", "slug"]
    list_select_related = ["parent"]
    list_editable = ["position"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("parent")

    def check_change(self, section, *, by, form=None):
        sections.check_change(section, by=by)

    def save_verb(self, section, *, by, form):
        sections.save_section(section, by=by)

    def delete_verb(self, section, *, by):
        sections.delete_section(section, by=by)


@admin.register(Person)
class PersonAdmin(ThroughVerbs, admin.ModelAdmin):
    list_display = ["name", "description", "aliases", "user"]
    list_select_related = ["user"]
    search_fields = ["name", "slug", "description", "wikidata_id"]
    fields = ["name", "slug", "description", "aliases", "wikidata_id", "user"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]

    def check_change(self, person, *, by, form=None):
        people.check_change(person, by=by)

    def save_verb(self, person, *, by, form):
        people.save_person(person, by=by)

    def delete_verb(self, person, *, by):
        people.delete_person(person, by=by)


@admin.register(Tag)
class TagAdmin(ThroughVerbs, admin.ModelAdmin):
    list_display = ["name", "kind", "person"]
    list_select_related = ["person"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["person"]

    def check_change(self, tag, *, by, form=None):
        tags.check_change(tag, by=by)

    def save_verb(self, tag, *, by, form):
        tags.save_tag(tag, by=by)

    def delete_verb(self, tag, *, by):
        tags.delete_tag(tag, by=by)


@admin.register(Quote)
class QuoteAdmin(ThroughVerbs, admin.ModelAdmin):
    list_display = ["excerpt", "said_by", "role", "kind", "said_on"]
    list_filter = ["kind", "said_on", ("articles", admin.EmptyFieldListFilter)]
    # Searched in full text and by the speaker's name (get_search_results).
    search_fields = ["text", "person__name"]
    autocomplete_fields = ["person", "articles"]
    fields = [
        "text",
        "kind",
        ("person", "organisation"),
        "role",
        "document",
        "said_on",
        "context",
        "articles",
    ]
    # A quarter of the articles carry quotes: like the article list, never count them all.
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")

    def check_change(self, quote, *, by, form=None):
        articles = form.cleaned_data.get("articles", ()) if form is not None else ()
        quotes.check_change(quote, by=by, articles=articles)

    def save_verb(self, quote, *, by, form):
        quotes.save_quote(quote, by=by, articles=form.cleaned_data.get("articles"))

    def delete_verb(self, quote, *, by):
        quotes.delete_quote(quote, by=by)

    def get_search_results(self, request, queryset, search_term):
        """The words said (full-text index, articles.search) or part of the speaker's name;
        the article form's quote picker searches here too. The speakers are looked up
        first, so that the quotes are found through indexes only."""
        if not search_term.strip():
            return queryset, False
        speakers = Person.objects.filter(name__icontains=search_term.strip())
        by_speaker = queryset.filter(person__in=list(speakers.values_list("pk", flat=True)))
        return search.search_quotes(queryset, search_term) | by_speaker, False

    @admin.display(description=_("exact words"), ordering="text")
    def excerpt(self, quote):
        return f"«{quote.text[:100]}»"

    @admin.display(description=_("said by"))
    def said_by(self, quote):
        return quote.speaker or "—"
