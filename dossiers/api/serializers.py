from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.api.serializers import ArticleListSerializer
from dossiers.models import Dossier
from media.api.serializers import photo_representation


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

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_cover_photo(self, dossier):
        return photo_representation(dossier.cover_photo, self.context.get("request"))


class SearchResultSerializer(ArticleListSerializer):
    """An article found by ``?q=``: the list fields, its relevance and a highlighted snippet."""

    rank = serializers.FloatField(source="search_rank", read_only=True)
    snippet = serializers.CharField(
        source="search_snippet",
        read_only=True,
        help_text="Standfirst and body around the matched words; safe HTML with <mark>.",
    )

    class Meta(ArticleListSerializer.Meta):
        fields = [*ArticleListSerializer.Meta.fields, "rank", "snippet"]


class MonthSerializer(serializers.Serializer):
    month = serializers.CharField(help_text="Year and month in Paris time, as 2024-11.")
    count = serializers.IntegerField()
