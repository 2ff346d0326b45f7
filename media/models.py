from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from media import files
from media.querysets import PhotoQuerySet
from newsroom.markup import reject_markup

# EXIF orientations that swap width and height (rotated by a quarter turn).
QUARTER_TURNS = {5, 6, 7, 8}


class Photo(models.Model):
    """A picture with the caption, credit and rights that travel with it everywhere."""

    class Format(models.TextChoices):
        JPEG = "JPEG", "JPEG"
        PNG = "PNG", "PNG"
        WEBP = "WEBP", "WebP"
        AVIF = "AVIF", "AVIF"
        HEIF = "HEIF", "HEIC"

    image = models.ImageField(
        _("image file"),
        upload_to=files.original_name,
        width_field="width",
        height_field="height",
        max_length=255,
        db_index=True,  # media.views.photo_file finds an original by its name
    )
    width = models.PositiveIntegerField(_("width"), editable=False)
    height = models.PositiveIntegerField(_("height"), editable=False)
    orientation = models.PositiveSmallIntegerField(
        _("EXIF orientation"),
        default=1,
        editable=False,
        help_text=_("How the camera was held (1 to 8); applied to renditions, never to the file."),
    )
    format = models.CharField(_("format"), max_length=10, choices=Format.choices, editable=False)
    content_hash = models.CharField(
        _("SHA-256 of the file"), max_length=64, unique=True, editable=False
    )
    caption = models.TextField(_("caption"), blank=True, validators=[reject_markup])
    credit = models.CharField(_("credit"), max_length=200, blank=True, validators=[reject_markup])
    creator = models.CharField(
        _("photographer"), max_length=200, blank=True, validators=[reject_markup]
    )
    copyright_notice = models.CharField(
        _("copyright notice"), max_length=300, blank=True, validators=[reject_markup]
    )
    source = models.CharField(
        _("source agency"), max_length=100, blank=True, validators=[reject_markup]
    )
    taken_at = models.DateTimeField(_("date taken"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True, validators=[reject_markup])
    alt_text = models.CharField(
        _("alternative text"), max_length=500, blank=True, validators=[reject_markup]
    )
    focal_x = models.FloatField(_("focal point (horizontal)"), default=0.5)
    focal_y = models.FloatField(_("focal point (vertical)"), default=0.5)
    usage_terms = models.TextField(_("usage terms"), blank=True, validators=[reject_markup])
    rights_expire_at = models.DateTimeField(_("rights expire"), null=True, blank=True)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    renditions_refreshed_at = models.DateTimeField(
        _("renditions made"), null=True, blank=True, editable=False
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

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
                condition=Q(format__in=["JPEG", "PNG", "WEBP", "AVIF", "HEIF"]),
                name="photo_format_is_known",
            ),
            models.CheckConstraint(
                condition=Q(orientation__gte=1, orientation__lte=8),
                name="photo_orientation_is_exif",
            ),
        ]

    def __str__(self):
        return self.caption[:80] or self.image.name

    @property
    def display_size(self) -> tuple[int, int]:
        """Width and height as the picture is seen, once its EXIF orientation is applied."""
        if self.orientation in QUARTER_TURNS:
            return self.height, self.width
        return self.width, self.height


def rendition_path(rendition: "Rendition", filename: str) -> str:
    """Kept for the migrations that name it; new names come from ``files.rendition_name``."""
    return files.rendition_name(rendition, filename)


class Rendition(models.Model):
    """A resized (and maybe cropped) copy of a photo, derived from it and never edited.

    ``box`` is the part of the upright original it was cut from; when the focal point moves
    the wanted box changes, which is how a stale crop is recognised.
    """

    class Ratio(models.TextChoices):
        ORIGINAL = "original", _("whole picture")
        WIDE = "16:9", "16:9"
        STANDARD = "4:3", "4:3"
        SQUARE = "1:1", "1:1"

    class Format(models.TextChoices):
        JPEG = "JPEG", "JPEG"
        WEBP = "WEBP", "WebP"

    photo = models.ForeignKey(
        Photo, verbose_name=_("photo"), on_delete=models.CASCADE, related_name="renditions"
    )
    ratio = models.CharField(_("ratio"), max_length=10, choices=Ratio.choices)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    box = models.CharField(_("crop box in the original"), max_length=50)
    file = models.FileField(_("file"), upload_to=files.rendition_name, max_length=255)

    class Meta:
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")
        ordering = ["ratio", "format", "width"]
        constraints = [
            models.UniqueConstraint(
                fields=["photo", "ratio", "format", "width"], name="rendition_unique_per_spec"
            ),
            models.CheckConstraint(
                condition=Q(width__gt=0) & Q(height__gt=0), name="rendition_dimensions_positive"
            ),
        ]

    def __str__(self):
        return f"{self.photo_id} {self.ratio} {self.width}×{self.height} {self.format}"

    @property
    def mime_type(self) -> str:
        return f"image/{self.format.lower()}"


@receiver(post_delete, sender=Photo)
@receiver(post_delete, sender=Rendition)
def delete_file_after_commit(sender, instance, **kwargs):
    """Remove the file from storage once the row is gone for good (never on a rollback); a
    storage that fails then leaves a file behind, never an error for a committed delete."""
    field = instance.image if sender is Photo else instance.file
    if field.name:
        storage, name = field.storage, field.name
        transaction.on_commit(lambda: storage.delete(name), robust=True)
