import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Func, Q, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles import body
from articles.body import reject_markup
from articles.querysets import (
    SEARCH_CONFIG,
    UNDATED,
    ArticleQuerySet,
    PersonQuerySet,
    QuoteQuerySet,
    SectionQuerySet,
    TagQuerySet,
)

WIKIDATA_ID = RegexValidator(r"^Q[1-9][0-9]{0,11}$", _("A Wikidata id is Q followed by digits."))


class Section(models.Model):
    """A rubrique of the paper; sections nest (International › Europe)."""

    name = models.CharField(_("name"), max_length=100, validators=[reject_markup])
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent section"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = SectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("pk")), name="section_is_not_its_own_parent"
            ),
        ]

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name


class Person(models.Model):
    """Someone the paper writes about, quotes or employs; an author has a user account."""

    name = models.CharField(_("name"), max_length=200, validators=[reject_markup])
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.CharField(
        _("short description"), max_length=300, blank=True, validators=[reject_markup]
    )
    aliases = ArrayField(
        models.CharField(max_length=200, validators=[reject_markup]),
        verbose_name=_("aliases"),
        blank=True,
        default=list,
        help_text=_(
            "Other names the paper writes for them, separated by commas: «Poutine», "
            "«Vladimir Poutine». Not a role («le président russe»)."
        ),
    )
    wikidata_id = models.CharField(
        _("Wikidata id"),
        max_length=16,
        blank=True,
        validators=[WIKIDATA_ID],
        help_text=_("For example Q7747."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("newsroom account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    # When the first of the articles they sign, are quoted in or are tagged on is public
    # (the rule of ``ArticleQuerySet.public_q``); NULL, none published. Kept by
    # PostgreSQL triggers (migration 0030), whatever Django writes here: the list of
    # people checks it instead of looking up their articles.
    public_from = models.DateTimeField(null=True, editable=False)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        indexes = [GinIndex(name="person_name_trgm", fields=["name"], opclasses=["gin_trgm_ops"])]
        constraints = [
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~Q(wikidata_id=""),
                name="person_unique_wikidata_id",
                violation_error_message=_("Another person has this Wikidata id."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def names(self) -> list[str]:
        """The name and the aliases, the ways the paper writes this person."""
        return [self.name, *self.aliases]


class Tag(models.Model):
    class Kind(models.TextChoices):
        TOPIC = "topic", _("topic")
        PERSON = "person", _("person")
        PLACE = "place", _("place")
        ORGANISATION = "organisation", _("organisation")

    name = models.CharField(_("name"), max_length=200, validators=[reject_markup])
    slug = models.SlugField(_("slug"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TOPIC)
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="tags",
    )

    objects = TagQuerySet.as_manager()

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "slug"], name="tag_unique_slug_per_kind"),
            models.CheckConstraint(
                condition=Q(kind__in=["topic", "person", "place", "organisation"]),
                name="tag_kind_is_known",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=True) | Q(kind="person"),
                name="tag_only_person_tags_link_a_person",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        READY = "ready", _("ready for editing")
        PUBLISHED = "published", _("published")
        WITHDRAWN = "withdrawn", _("withdrawn")

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    kicker = models.CharField(_("kicker"), max_length=100, blank=True, validators=[reject_markup])
    headline = models.CharField(_("headline"), max_length=300, validators=[reject_markup])
    standfirst = models.TextField(_("standfirst"), blank=True, validators=[reject_markup])
    body = models.JSONField(_("body"), default=list, blank=True)
    body_text = models.TextField(_("body as plain text"), blank=True, editable=False)
    body_refs = ArrayField(
        models.CharField(max_length=30),
        default=list,
        blank=True,
        editable=False,
        help_text=_("What the body points to, as «quote:12», «photo:5», «related:34»."),
    )
    lead_photo = models.ForeignKey(
        "media.Photo",
        verbose_name=_("lead photo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lead_of_articles",
    )
    lead_photo_caption = models.TextField(
        _("caption for this article"),
        blank=True,
        validators=[reject_markup],
        help_text=_("Leave empty to use the photo's own caption. The credit cannot be changed."),
    )
    signature = models.CharField(
        _("signature"),
        max_length=200,
        blank=True,
        validators=[reject_markup],
        help_text=_("For example «Libération et AFP»."),
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="articles")
    language = models.CharField(
        _("language"), max_length=8, default="fr", validators=[reject_markup]
    )
    is_premium = models.BooleanField(_("subscribers only"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("publication time"), null=True, blank=True)
    first_published_at = models.DateTimeField(_("first publication time"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated time shown to readers"), null=True, blank=True)
    embargo_until = models.DateTimeField(_("embargo until"), null=True, blank=True)
    seo_title = models.CharField(
        _("SEO title"), max_length=200, blank=True, validators=[reject_markup]
    )
    seo_description = models.CharField(
        _("SEO description"), max_length=300, blank=True, validators=[reject_markup]
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    modified_at = models.DateTimeField(_("last saved"), auto_now=True)
    modified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last saved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Goes up by one at every save.")
    )
    # Edits of a published article wait here (a revision's content) until an editor
    # publishes them, now or at ``pending_at``: the public keeps the live fields meanwhile.
    pending = models.JSONField(_("pending changes"), null=True, blank=True, editable=False)
    pending_at = models.DateTimeField(
        _("pending changes go live at"), null=True, blank=True, editable=False
    )
    search_vector = models.GeneratedField(
        expression=SearchVector("headline", weight="A", config=SEARCH_CONFIG)
        + SearchVector("kicker", "standfirst", weight="B", config=SEARCH_CONFIG)
        + SearchVector("body_text", weight="C", config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-id"]
        permissions = [
            ("submit_article", _("Can submit an article for editing")),
            ("publish_article", _("Can publish, schedule, correct and withdraw articles")),
            ("edit_any_article", _("Can edit any article, whoever wrote it")),
            ("edit_article_metadata", _("Can edit the tags, dossiers and SEO of any article")),
        ]
        indexes = [
            models.Index(
                F("published_at").desc(),
                F("id").desc(),
                name="article_published_idx",
                condition=Q(status="published"),
            ),
            models.Index(
                "section",
                F("published_at").desc(),
                name="article_section_published_idx",
                condition=Q(status="published"),
            ),
            models.Index(fields=["status", "-modified_at"], name="article_status_modified_idx"),
            # The admin's list, newest first whatever the status, alone and by each filter.
            models.Index(F("published_at").desc(), F("id").desc(), name="article_newest_idx"),
            models.Index(
                "status", F("published_at").desc(), F("id").desc(), name="article_status_newest_idx"
            ),
            models.Index(
                "section",
                F("published_at").desc(),
                F("id").desc(),
                name="article_section_newest_idx",
            ),
            models.Index(
                "language",
                F("published_at").desc(),
                F("id").desc(),
                name="article_language_newest_idx",
            ),
            # The sitemap index's latest update of each month, read from updated articles only.
            models.Index(
                fields=["published_at"],
                include=["updated_at", "embargo_until"],
                name="article_updated_idx",
                condition=Q(status="published", updated_at__isnull=False),
            ),
            models.Index(
                fields=["embargo_until"],
                name="article_embargo_idx",
                condition=Q(embargo_until__isnull=False),
            ),
            models.Index(
                fields=["pending_at"],
                name="article_pending_at_idx",
                condition=Q(pending_at__isnull=False),
            ),
            GinIndex(fields=["search_vector"], name="article_search_idx"),
            GinIndex(fields=["body_refs"], name="article_body_refs_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "ready", "published", "withdrawn"]),
                name="article_status_is_known",
            ),
            models.CheckConstraint(
                condition=~Q(status="published")
                | (Q(published_at__isnull=False) & Q(section__isnull=False) & ~Q(headline="")),
                name="article_published_has_time_section_headline",
            ),
            models.CheckConstraint(
                condition=Exact(
                    Func(F("body"), function="jsonb_typeof", output_field=models.TextField()),
                    "array",
                ),
                name="article_body_is_a_list",
            ),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        self.derive_from_body()
        if kwargs.get("update_fields") is not None and "body" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_text", "body_refs"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("api:article-detail", kwargs={"slug": self.slug})

    def derive_from_body(self) -> None:
        """Check and sanitise the body, and derive its text and references (``save`` does;
        a bulk write calls it itself)."""
        self.body = body.clean_blocks(self.body)
        self.body_text = body.plain_text(self.body)
        self.body_refs = body.references(self.body)

    @property
    def page_url(self) -> str:
        """Where readers find this article on the website. Load the section's parent."""
        section = self.section
        return page_url(
            slug=self.slug,
            public_id=self.public_id,
            published_at=self.published_at,
            sections=[
                section.parent.slug if section and section.parent_id else None,
                section.slug if section else None,
            ],
        )

    def set_authors(self, people) -> None:
        """Replace the bylines with ``people`` (Person objects or ids), in this order."""
        self.bylines.all().delete()
        Byline.objects.bulk_create(
            Byline(article=self, person_id=getattr(person, "pk", person), position=position)
            for position, person in enumerate(people)
        )

    @property
    def lead_caption(self) -> str:
        """The caption readers see: this article's override, else the photo's own."""
        if not self.lead_photo_id:
            return ""
        return self.lead_photo_caption or self.lead_photo.caption


def page_url(*, slug, public_id, published_at, sections) -> str:
    """An article's address on the website (``settings.ARTICLE_PAGE_URL``); ``sections``
    are the slugs of its section's parent (or None) and its section."""
    day = timezone.localtime(published_at).date() if published_at else None
    return settings.ARTICLE_PAGE_URL.format(
        site=settings.SITE_URL,
        section="/".join(filter(None, sections)),
        slug=slug,
        id=public_id,
        year=f"{day:%Y}" if day else "",
        month=f"{day:%m}" if day else "",
        day=f"{day:%d}" if day else "",
    )


class Byline(models.Model):
    """One author of an article, in order."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    person = models.ForeignKey(
        Person,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="bylines",
        db_index=False,  # byline_person_article_idx starts with it
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        ordering = ["position", "id"]
        indexes = [
            # A person's articles from the index alone: whether someone signs a public
            # article stops at their first byline (PersonQuerySet.public), where a scan of
            # the person's index gathered all of an author's bylines first.
            models.Index(fields=["person", "article"], name="byline_person_article_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="byline_unique_author"),
        ]

    def __str__(self):
        return self.person.name


class Correction(models.Model):
    """A dated public note on an article."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    text = models.TextField(_("text"), validators=[reject_markup])
    published_at = models.DateTimeField(_("date"))

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["published_at", "id"]

    def __str__(self):
        return self.text[:80]


# What the public lists of quotes check besides their order: the copy of the public time
# and the filters on a quote's own columns. As index keys after the order, PostgreSQL
# checks them on the index tuple and reads the row only of a quote that passes them; an
# INCLUDE column it checks only after reading the row (unless the scan is index-only).
LIST_CHECKS = [F("public_from"), F("kind"), F("said_on")]


class Quote(models.Model):
    """Words someone said or wrote, exactly, with their role at that time.

    Said by a person, by an organisation (a ministry, a court, an agency) or neither
    (unattributed); the words may come from a document (a communiqué, a report, a decree).
    """

    class Kind(models.TextChoices):
        FULL = "full", _("full statement")
        FRAGMENT = "fragment", _("fragment")
        DOCUMENT = "document", _("document")

    text = models.TextField(_("exact words"), validators=[reject_markup])
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.FULL)
    person = models.ForeignKey(
        Person,
        verbose_name=_("said by"),
        on_delete=models.PROTECT,
        related_name="quotes",
        null=True,
        blank=True,
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=300,
        blank=True,
        validators=[reject_markup],
        help_text=_("When an organisation speaks: «ministère des Armées», «parquet de Paris»."),
    )
    document = models.CharField(
        _("document"),
        max_length=300,
        blank=True,
        validators=[reject_markup],
        help_text=_("The document quoted, if any: «communiqué du 12 novembre», «rapport annuel»."),
    )
    role = models.CharField(
        _("role at that time"),
        max_length=300,
        blank=True,
        validators=[reject_markup],
        help_text=_("For example «porte-parole du département d’Etat américain»."),
    )
    said_on = models.DateField(_("said on"), null=True, blank=True)
    context = models.TextField(_("context"), blank=True, validators=[reject_markup])
    articles = models.ManyToManyField(
        Article, verbose_name=_("articles"), blank=True, related_name="quotes"
    )
    # When the first of the articles carrying it is public (the rule of
    # ``ArticleQuerySet.public_q``); NULL, none published. Kept by PostgreSQL triggers
    # (migration 0020), whatever Django writes here: the public lists skip, as they walk
    # the quotes newest first, those no reader may see yet.
    public_from = models.DateTimeField(null=True, editable=False)
    # The quote as the public lists write it (JSON: its speaker, its published articles
    # newest first), and when the last of those articles is public: from then on, what
    # every reader sees. Kept by the same triggers (migration 0032).
    public_entry = models.TextField(null=True, editable=False)
    public_entry_from = models.DateTimeField(null=True, editable=False)

    objects = QuoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["-said_on", "id"]
        indexes = [
            # The public lists' order, newest said first (QuoteQuerySet.newest_first),
            # then what they check: a quote not public yet (those of scheduled articles
            # are the newest said), or of another kind or day, costs an index tuple.
            models.Index(
                Coalesce("said_on", Value(UNDATED)).desc(),
                F("id").desc(),
                *LIST_CHECKS,
                name="quote_said_public_idx",
            ),
            models.Index(
                F("person"),
                Coalesce("said_on", Value(UNDATED)).desc(),
                F("id").desc(),
                *LIST_CHECKS,
                name="quote_person_said_public_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["full", "fragment", "document"]), name="quote_kind_is_known"
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=True) | Q(organisation=""),
                name="quote_said_by_a_person_or_an_organisation",
                violation_error_message=_("A quote is said by a person or by an organisation."),
            ),
        ]

    def __str__(self):
        return f"{self.speaker or _('unattributed')}: «{self.text[:60]}»"

    @property
    def speaker(self) -> str:
        """Who said it, as the paper names them: the person, the organisation or ""."""
        return self.person.name if self.person_id else self.organisation


def _carried_quote_str(link) -> str:
    return str(link.quote)


# The link table Django makes for Quote.articles, as the article's page lists its rows
# (otherwise «Quote_articles object (1)»).
Quote.articles.through.__str__ = _carried_quote_str


class RejectedSuggestion(models.Model):
    """Words the quote finder suggested for an article that the journalist set aside: they
    are no longer offered for it (articles.suggestions)."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="rejected_suggestions"
    )
    text = models.TextField(_("words"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("rejected quote suggestion")
        verbose_name_plural = _("rejected quote suggestions")


class Revision(models.Model):
    """The full content of an article as one save left it: who, when, what.

    An article's revisions outlive it: the last one says who deleted it, and when."""

    article = models.ForeignKey(
        Article, on_delete=models.SET_NULL, null=True, related_name="revisions"
    )
    version = models.PositiveIntegerField(_("version"))
    created_at = models.DateTimeField(_("saved at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    content = models.JSONField(_("content"))

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["article", "version"], name="revision_unique_version"),
        ]

    def __str__(self):
        return f"{self.article} v{self.version}"


class PublicCopy(models.Model):
    """An article's public JSON, rendered once after each change and served as stored bytes.

    Whether the article is public is still decided by the query that reads this row.
    Deleted in the same transaction as any change that alters it (see articles/rendering.py).
    """

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="public_copy"
    )
    detail = models.TextField()
    summary = models.TextField()
    etag = models.CharField(max_length=64)
    surrogate_keys = ArrayField(models.CharField(max_length=120), default=list)
    rendered_at = models.DateTimeField()
    valid_until = models.DateTimeField(
        null=True, help_text=_("A photo's rights expire or a related article goes live then.")
    )

    class Meta:
        verbose_name = _("public copy")
        verbose_name_plural = _("public copies")

    def __str__(self):
        return f"public copy of article {self.article_id}"


class SnippetSource(models.Model):
    """The text a search snippet is cut from: the standfirst and the opening of the body
    (3,000 characters).

    Written by PostgreSQL itself (triggers, migration 0025) whenever an article is
    inserted, its standfirst or body text changes, or it is deleted, whatever the door, as
    it writes the search vector. A row of its own because the body's text is stored out
    of the article's row: reading 3,000 characters of it cost a search page a millisecond
    of PostgreSQL for twenty articles; this short row, compressed, stays in its page.
    """

    article = models.OneToOneField(
        Article,
        on_delete=models.DO_NOTHING,  # PostgreSQL's trigger deletes it
        db_constraint=False,
        primary_key=True,
        related_name="+",
    )
    text = models.TextField(editable=False)

    class Meta:
        verbose_name = _("snippet source")
        verbose_name_plural = _("snippet sources")

    def __str__(self):
        return f"snippet source of article {self.article_id}"
