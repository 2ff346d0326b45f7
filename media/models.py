from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from articles.body import reject_markup
from media.querysets import PhotoQuerySet


class Photo(models.Model):
    """A picture with the caption, credit and rights that travel with it everywhere."""

    class Format(models.TextChoices):
        JPEG = "JPEG", "JPEG"
        PNG = "PNG", "PNG"
        WEBP = "WEBP", "WebP"

    image = models.ImageField(
        _("image file"), upload_to="photos/%Y/%m/", width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(_("width"), editable=False)
    height = models.PositiveIntegerField(_("height"), editable=False)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices, editable=False)
    content_hash = models.CharField(_("SHA-256 of the file"), max_length=64, unique=True, editable=False)
    caption = models.TextField(_("caption"), blank=True, validators=[reject_markup])
    credit = models.CharField(_("credit"), max_length=200, blank=True, validators=[reject_markup])
    creator = models.CharField(_("photographer"), max_length=200, blank=True)
    copyright_notice = models.CharField(_("copyright notice"), max_length=300, blank=True)
    source = models.CharField(_("source agency"), max_length=100, blank=True)
    taken_at = models.DateTimeField(_("date taken"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    alt_text = models.CharField(
        _("alternative text"), max_length=500, blank=True, validators=[reject_markup]
    )
    focal_x = models.FloatField(_("focal point (horizontal)"), default=0.5)
    focal_y = models.FloatField(_("focal point (vertical)"), default=0.5)
    usage_terms = models.TextField(_("usage terms"), blank=True)
    rights_expire_at = models.DateTimeField(_("rights expire"), null=True, blank=True)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(width__gt=0) & Q(height__gt=0), name="photo_dimensions_positive"
            ),
            models.CheckConstraint(
                condition=Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="photo_focal_point_inside",
            ),
            models.CheckConstraint(
                condition=Q(format__in=["JPEG", "PNG", "WEBP"]), name="photo_format_is_known"
            ),
        ]

    def __str__(self):
        return self.caption[:80] or self.image.name
