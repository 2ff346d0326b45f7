from functools import partial

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Prefetch
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles import roles, workflow
from articles.forms import ArticleForm, ScheduleForm
from articles.models import Article, Byline, Correction, Person, Quote, Section, Tag
from dossiers.admin import ArticleDossierInline
from media.admin import photo_preview, photo_thumbnail


class SectionListFilter(admin.RelatedFieldListFilter):
    """Lists sections with their parent in one query (a section's name includes its parent)."""

    def field_choices(self, field, request, model_admin):
        return [(section.pk, str(section)) for section in Section.objects.select_related("parent")]


class BylineInline(admin.TabularInline):
    model = Byline
    fields = ["person", "position"]
    autocomplete_fields = ["person"]
    extra = 0
    verbose_name = _("author")
    verbose_name_plural = _("authors, in order")


class CorrectionInline(admin.TabularInline):
    model = Correction
    fields = ["published_at", "text"]
    extra = 0


class QuoteInline(admin.TabularInline):
    model = Quote.articles.through
    autocomplete_fields = ["quote"]
    extra = 0
    verbose_name = _("quote carried by this article")
    verbose_name_plural = _("quotes carried by this article")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    fieldsets = [
        (_("Headline"), {"fields": ["kicker", "headline", "slug", "expected_version"]}),
        (_("Standfirst"), {"fields": ["standfirst"]}),
        (_("Body"), {"fields": ["body_html"]}),
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
                    "status",
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
    ]
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["lead_photo", "tags"]
    inlines = [BylineInline, CorrectionInline, ArticleDossierInline, QuoteInline]

    list_display = ["headline", "section", "status", "published_at", "thumbnail", "authors"]
    list_filter = ["status", ("section", SectionListFilter), "is_premium", "language"]
    list_select_related = ["section__parent", "lead_photo"]
    date_hierarchy = "published_at"
    search_fields = ["headline", "kicker", "standfirst", "slug"]
    show_full_result_count = False
    actions = ["submit", "publish_now", "schedule", "withdraw"]

    def get_queryset(self, request):
        bylines = Byline.objects.select_related("person")
        return super().get_queryset(request).prefetch_related(Prefetch("bylines", bylines))

    def has_publish_permission(self, request):
        return roles.can_publish(request.user)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.user = request.user
        return form

    def save_related(self, request, form, formsets, change):
        """Record the revision once the tags and authors are saved too."""
        super().save_related(request, form, formsets, change)
        workflow.finish_save(form.instance, by=request.user, creating=not change)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "section":
            kwargs["queryset"] = Section.objects.select_related("parent")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("photo, caption and credit"))
    def lead_photo_preview(self, article):
        return photo_preview(article.lead_photo)

    @admin.display(description=_("photo"))
    def thumbnail(self, article):
        return photo_thumbnail(article.lead_photo, size=60)

    @admin.display(description=_("authors"))
    def authors(self, article):
        return ", ".join(byline.person.name for byline in article.bylines.all())

    @admin.action(description=_("Submit for editing"), permissions=["change"])
    def submit(self, request, queryset):
        self._apply(request, queryset, workflow.submit, gettext("“%(article)s” is submitted."))

    @admin.action(description=_("Publish now"), permissions=["publish"])
    def publish_now(self, request, queryset):
        self._apply(request, queryset, workflow.publish, gettext("“%(article)s” is published."))

    @admin.action(description=_("Schedule publication…"), permissions=["publish"])
    def schedule(self, request, queryset):
        """Ask for the time on an intermediate page, then schedule each article."""
        form = ScheduleForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            verb = partial(workflow.schedule, when=form.cleaned_data["when"])
            self._apply(request, queryset, verb, gettext("“%(article)s” is scheduled."))
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Schedule publication"),
            "opts": self.opts,
            "form": form,
            "articles": queryset,
            "media": self.media + form.media,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/articles/article/schedule.html", context)

    @admin.action(description=_("Withdraw"), permissions=["publish"])
    def withdraw(self, request, queryset):
        self._apply(request, queryset, workflow.withdraw, gettext("“%(article)s” is withdrawn."))

    def _apply(self, request, queryset, verb, success):
        """Run a workflow verb on each article; one refusal does not stop the others."""
        for article in queryset:
            try:
                verb(article, by=request.user)
            except workflow.WorkflowError as error:
                message = gettext("“%(article)s”: %(error)s")
                params = {"article": article, "error": " ".join(error.messages)}
                self.message_user(request, message % params, messages.ERROR)
            else:
                self.message_user(request, success % {"article": article}, messages.SUCCESS)


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "position", "slug"]
    list_select_related = ["parent"]
    list_editable = ["position"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("parent")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "description", "user"]
    list_select_related = ["user"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "person"]
    list_select_related = ["person"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["person"]


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["excerpt", "person", "role", "said_on"]
    list_filter = ["said_on", ("articles", admin.EmptyFieldListFilter)]
    search_fields = ["text", "person__name", "role"]
    date_hierarchy = "said_on"
    autocomplete_fields = ["person", "articles"]
    fields = ["text", "person", "role", "said_on", "context", "articles"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")

    @admin.display(description=_("exact words"), ordering="text")
    def excerpt(self, quote):
        return f"«{quote.text[:100]}»"
