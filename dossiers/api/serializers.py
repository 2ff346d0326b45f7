from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from dossiers.models import Dossier
from media.api.serializers import photo_representation


class DossierSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:dossier-detail", lookup_field="slug")
    articles = serializers.HyperlinkedIdentityField(
        view_name="api:dossier-articles", lookup_field="slug"
    )
    cover_photo = serializers.SerializerMethodField()

    class Meta:
        model = Dossier
        fields = ["slug", "url", "title", "introduction", "is_open", "cover_photo", "articles"]

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_cover_photo(self, dossier):
        return photo_representation(dossier.cover_photo, self.context.get("request"))
