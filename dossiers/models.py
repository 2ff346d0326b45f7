from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from dossiers.querysets import DossierEntryQuerySet, DossierQuerySet
from newsroom.markup import reject_markup

# The archivists' own pages under /dossiers/ (dossiers/urls.py), whose address no
# dossier's timeline may take.
ARCHIVE_PAGES = frozenset({"recherche", "personnes"})


class Dossier(models.Model):
    """An editorial collection that keeps a long story together."""

    title = models.CharField(_("title"), max_length=200, validators=[reject_markup])
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    introduction = models.TextField(_("introduction"), blank=True, validators=[reject_markup])
    cover_photo = models.ForeignKey(
        "media.Photo",
        verbose_name=_("cover photo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cover_of_dossiers",
    )
    is_open = models.BooleanField(_("open"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    articles = models.ManyToManyField(
        "articles.Article",
        through="DossierEntry",
        related_name="dossiers",
        verbose_name=_("articles"),
    )

    objects = DossierQuerySet.as_manager()

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """The archivists' timeline of the dossier."""
        return reverse("dossiers:timeline", kwargs={"slug": self.slug})

    def clean(self):
        if self.slug in ARCHIVE_PAGES:
            message = _("«%(slug)s» is the address of an archive page: choose another slug.")
            raise ValidationError({"slug": message % {"slug": self.slug}})

    def pinned_articles(self, at=None):
        """The public articles editors pinned, in their order."""
        return (
            Article.objects.public(at)
            .filter(dossier_entries__dossier=self, dossier_entries__pin_position__isnull=False)
            .order_by("dossier_entries__pin_position", "id")
        )


class DossierEntry(models.Model):
    """An article filed in a dossier; pinned entries come first, in the editors' order."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="entries")
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="dossier_entries",
    )
    pin_position = models.PositiveSmallIntegerField(
        _("pinned position"), null=True, blank=True, help_text=_("Empty: not pinned.")
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)
    # Copies of the article's, kept by PostgreSQL triggers (migration 0002), whatever Django
    # writes here: month counts and coverage read them from one index. ``public_from`` is
    # when the article is public (``Article.objects.public()``); NULL, not published.
    published_at = models.DateTimeField(null=True, editable=False)
    public_from = models.DateTimeField(null=True, editable=False)

    objects = DossierEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("dossier entry")
        verbose_name_plural = _("dossier entries")
        ordering = ["pin_position", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "article"], name="dossier_entry_unique"),
        ]
        indexes = [
            models.Index(
                fields=["dossier", "public_from"],
                include=["published_at"],
                name="dossier_entry_public_idx",
            ),
            # A dossier's timeline, newest first, walked from its own entries.
            models.Index(
                "dossier",
                F("published_at").desc(),
                F("article").desc(),
                include=["public_from"],
                name="dossier_entry_newest_idx",
            ),
        ]

    def __str__(self):
        return f"{self.dossier} — {self.article}"
