from django.db import models
from django.utils.translation import gettext_lazy as _


class WireItem(models.Model):
    """An agency item as last imported, and the draft article it became.

    ``article_version`` is the article's version right after our own last write: when the
    article has moved on since, someone in the newsroom changed it, and later versions of
    the item wait as its pending changes (``held``) instead of replacing their work.
    """

    guid = models.CharField(_("agency identifier"), max_length=500, unique=True)
    version = models.PositiveIntegerField(_("agency version"), default=1)
    version_created = models.DateTimeField(_("agency version created"), null=True, blank=True)
    agency = models.CharField(_("agency"), max_length=200, blank=True)
    urgency = models.PositiveSmallIntegerField(
        _("urgency"), null=True, blank=True, help_text=_("1 is the most urgent, 9 the least.")
    )
    format = models.CharField(_("format"), max_length=20)
    article = models.OneToOneField(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="wire_item",
    )
    article_version = models.PositiveIntegerField(_("article version after the import"))
    held = models.BooleanField(
        _("changed in the newsroom"),
        default=False,
        help_text=_("Later versions of the item wait as pending changes."),
    )
    received_at = models.DateTimeField(_("first received"))
    updated_at = models.DateTimeField(_("last received"))

    class Meta:
        verbose_name = _("agency item")
        verbose_name_plural = _("agency items")
        ordering = ["-updated_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(urgency__isnull=True) | models.Q(urgency__range=(0, 9)),
                name="wire_item_urgency_0_to_9",
            ),
        ]

    def __str__(self):
        return f"{self.guid} v{self.version}"
