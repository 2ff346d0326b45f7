from django.utils import timezone
from rest_framework import serializers

from media.models import Photo


def photo_representation(photo: Photo | None, request, *, caption: str = "", at=None) -> dict | None:
    """A photo as every public response shows it: caption and credit always together.

    ``caption`` is an article's own caption for this use; the credit is never overridden.
    A photo whose rights have expired is not shown at all.
    """
    if photo is None:
        return None
    if photo.rights_expire_at is not None and photo.rights_expire_at <= (at or timezone.now()):
        return None
    url = photo.image.url
    return {
        "id": photo.pk,
        "caption": caption or photo.caption,
        "credit": photo.credit,
        "creator": photo.creator,
        "copyright_notice": photo.copyright_notice,
        "source": photo.source,
        "alt_text": photo.alt_text,
        "width": photo.width,
        "height": photo.height,
        "format": photo.format,
        "focal_point": {"x": photo.focal_x, "y": photo.focal_y},
        "url": request.build_absolute_uri(url) if request is not None else url,
    }


class PhotoSerializer(serializers.ModelSerializer):
    image = serializers.SerializerMethodField()

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
        ]

    def get_image(self, photo) -> dict:
        data = photo_representation(photo, self.context.get("request"))
        return {key: data[key] for key in ("url", "width", "height", "format", "focal_point")}
