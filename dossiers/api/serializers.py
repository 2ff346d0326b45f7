from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from dossiers.models import Dossier
from media.api.serializers import PhotoRepresentationSerializer, photo_representation


class DossierSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:dossier-detail", lookup_field="slug")
    articles = serializers.HyperlinkedIdentityField(
        view_name="api:dossier-articles", lookup_field="slug"
    )
    pinned = serializers.HyperlinkedIdentityField(
        view_name="api:dossier-pinned", lookup_field="slug"
    )
    months = serializers.HyperlinkedIdentityField(
        view_name="api:dossier-months", lookup_field="slug"
    )
    cover_photo = serializers.SerializerMethodField()

    class Meta:
        model = Dossier
        fields = [
            "slug",
            "url",
            "title",
            "introduction",
            "is_open",
            "cover_photo",
            "articles",
            "pinned",
            "months",
        ]

    @extend_schema_field(PhotoRepresentationSerializer(allow_null=True))
    def get_cover_photo(self, dossier):
        return photo_representation(dossier.cover_photo, self.context.get("request"))


class MonthSerializer(serializers.Serializer):
    month = serializers.CharField(help_text="Year and month in Paris time, as 2024-11.")
    count = serializers.IntegerField()
