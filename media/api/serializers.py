from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from media.models import Photo, Rendition
from media.uploads import METADATA_FIELDS
from newsroom.api import StrictFieldsMixin, TimesMixin


def absolute(url: str, request) -> str:
    return request.build_absolute_uri(url) if request is not None else url


def public_image(renditions) -> Rendition | None:
    """The picture at its largest public size: the widest whole-picture JPEG rendition of
    ``renditions`` (a photo's). The original itself is never public (decision 0013)."""
    whole = [
        rendition
        for rendition in renditions
        if rendition.ratio == Rendition.Ratio.ORIGINAL and rendition.format == Rendition.Format.JPEG
    ]
    return max(whole, key=lambda rendition: rendition.width, default=None)


def image_representation(photo: Photo, request, *, original: bool = False, renditions=None) -> dict:
    """The picture: its URL, size, format and focal point.

    For the public, the largest whole-picture rendition (``url`` is null until the
    renditions are made); for the newsroom (``original``), the original file as uploaded,
    at its upright size, whose URL only the newsroom may fetch. Uses ``renditions``, else
    the ``renditions`` prefetch when the queryset has one, else costs a query."""
    width, height = photo.display_size
    url, image_format = None, photo.format
    if original:
        url = absolute(photo.image.url, request)
    elif rendition := public_image(photo.renditions.all() if renditions is None else renditions):
        url = absolute(rendition.file.url, request)
        width, height, image_format = rendition.width, rendition.height, rendition.format
    return {
        "url": url,
        "width": width,
        "height": height,
        "format": image_format,
        "focal_point": {"x": photo.focal_x, "y": photo.focal_y},
    }


def renditions_representation(photo: Photo, request, renditions=None) -> list[dict]:
    """The stored renditions, ready for ``srcset`` (group by ratio and format).

    Uses ``renditions``, else the ``renditions`` prefetch when the queryset has one, else
    costs a query.
    """
    return [
        {
            "ratio": rendition.ratio,
            "format": rendition.format,
            "mime_type": rendition.mime_type,
            "width": rendition.width,
            "height": rendition.height,
            "url": absolute(rendition.file.url, request),
        }
        for rendition in (photo.renditions.all() if renditions is None else renditions)
    ]


def photo_representation(
    photo: Photo | None, request, *, caption: str = "", at=None
) -> dict | None:
    """A photo as every public response shows it: caption and credit always together.

    ``caption`` is an article's own caption for this use; the credit is never overridden.
    A photo whose rights have expired is not shown at all. Load photos with the
    ``renditions`` prefetch (e.g. ``"lead_photo__renditions"``), or this costs a query each.
    """
    if photo is None:
        return None
    if photo.rights_expire_at is not None and photo.rights_expire_at <= (at or timezone.now()):
        return None
    renditions = list(photo.renditions.all())
    return {
        "id": photo.pk,
        "caption": caption or photo.caption,
        "credit": photo.credit,
        "creator": photo.creator,
        "copyright_notice": photo.copyright_notice,
        "source": photo.source,
        "alt_text": photo.alt_text,
        **image_representation(photo, request, renditions=renditions),
        "renditions": renditions_representation(photo, request, renditions),
    }


class FocalPointSerializer(serializers.Serializer):
    """Where the picture's subject is, from the left and from the top, between 0 and 1."""

    x = serializers.FloatField(min_value=0.0, max_value=1.0)
    y = serializers.FloatField(min_value=0.0, max_value=1.0)


class ImageSerializer(serializers.Serializer):
    """The picture: its address, size, format and focal point. For the public, its largest
    whole-picture rendition (``url`` is null until the renditions are made); for the
    newsroom, the original file (only the newsroom may fetch it)."""

    url = serializers.URLField(allow_null=True)
    width = serializers.IntegerField(help_text="Width in pixels, upright.")
    height = serializers.IntegerField(help_text="Height in pixels, upright.")
    format = serializers.ChoiceField(choices=Photo.Format.choices)
    focal_point = FocalPointSerializer()


class RenditionSerializer(serializers.Serializer):
    """A resized copy of the photo, for ``srcset``: group them by ratio and format."""

    ratio = serializers.ChoiceField(
        choices=Rendition.Ratio.choices, help_text="The crop: the whole picture or a ratio."
    )
    format = serializers.ChoiceField(choices=Rendition.Format.choices)
    mime_type = serializers.CharField(help_text="image/jpeg or image/webp.")
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    url = serializers.URLField()


class PhotoRepresentationSerializer(serializers.Serializer):
    """A photo as articles and dossiers show it: caption and credit always together, the
    original and its renditions."""

    id = serializers.IntegerField()
    caption = serializers.CharField(help_text="The article's own caption, else the photo's.")
    credit = serializers.CharField()
    creator = serializers.CharField()
    copyright_notice = serializers.CharField()
    source = serializers.CharField()
    alt_text = serializers.CharField()
    url = serializers.URLField(
        allow_null=True,
        help_text="The largest whole-picture rendition (null until the renditions are made).",
    )
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    format = serializers.ChoiceField(choices=Photo.Format.choices)
    focal_point = FocalPointSerializer()
    renditions = RenditionSerializer(many=True)


class PhotoSerializer(TimesMixin, serializers.ModelSerializer):
    """A photo's public metadata, its original and its renditions."""

    image = serializers.SerializerMethodField()
    renditions = serializers.SerializerMethodField()

    class Meta:
        model = Photo
        fields = [
            "id",
            "caption",
            "credit",
            "creator",
            "copyright_notice",
            "source",
            "taken_at",
            "place",
            "alt_text",
            "usage_terms",
            "image",
            "renditions",
        ]

    @extend_schema_field(ImageSerializer)
    def get_image(self, photo) -> dict:
        return image_representation(photo, self.context.get("request"))

    @extend_schema_field(RenditionSerializer(many=True))
    def get_renditions(self, photo) -> list[dict]:
        return renditions_representation(photo, self.context.get("request"))


class PhotoNewsroomSerializer(StrictFieldsMixin, PhotoSerializer):
    """What the newsroom reads of a photo, and the metadata it may change (PATCH)."""

    class Meta(PhotoSerializer.Meta):
        fields = [
            *PhotoSerializer.Meta.fields,
            "focal_x",
            "focal_y",
            "rights_expire_at",
            "content_hash",
            "created_at",
        ]
        read_only_fields = ["content_hash", "created_at"]
        extra_kwargs = {
            "focal_x": {"min_value": 0.0, "max_value": 1.0},
            "focal_y": {"min_value": 0.0, "max_value": 1.0},
        }

    @extend_schema_field(ImageSerializer)
    def get_image(self, photo) -> dict:
        return image_representation(photo, self.context.get("request"), original=True)


class PhotoUploadSerializer(StrictFieldsMixin, serializers.ModelSerializer):
    """A new photo: the file, and optionally metadata that beats the file's own."""

    image = serializers.FileField(
        allow_empty_file=True,  # refused by create_photo, with the same message as elsewhere
        help_text="JPEG, PNG, WebP, AVIF or HEIC; its IPTC, XMP and EXIF metadata pre-fill "
        "the rest.",
    )

    class Meta:
        model = Photo
        fields = ["image", *METADATA_FIELDS]
        extra_kwargs = {
            "focal_x": {"min_value": 0.0, "max_value": 1.0},
            "focal_y": {"min_value": 0.0, "max_value": 1.0},
        }
