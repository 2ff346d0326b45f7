"""Public representations of articles, sections, people, quotes and tags. No queries here:
the views hand over objects loaded by the querysets' named loaders."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.models import Article, Correction, Person, Quote, Section, Tag
from media.api.serializers import photo_representation


class SectionSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Section
        fields = ["slug", "name", "parent", "position"]


class SectionRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Section
        fields = ["slug", "name"]


class PersonRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["slug", "name"]


class PersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["slug", "name", "description"]


class TagSerializer(serializers.ModelSerializer):
    person = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Tag
        fields = ["slug", "name", "kind", "person"]


class QuoteInArticleSerializer(serializers.ModelSerializer):
    person = PersonRefSerializer()

    class Meta:
        model = Quote
        fields = ["id", "text", "person", "role", "said_on", "context"]


class ArticleRefSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id")

    class Meta:
        model = Article
        fields = ["id", "slug", "headline", "published_at"]


class QuoteSerializer(QuoteInArticleSerializer):
    articles = ArticleRefSerializer(many=True, source="public_articles")

    class Meta(QuoteInArticleSerializer.Meta):
        fields = [*QuoteInArticleSerializer.Meta.fields, "articles"]


class CorrectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Correction
        fields = ["text", "published_at"]


class ArticleListSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="api:article-detail", lookup_field="slug")
    section = SectionRefSerializer()
    authors = serializers.SerializerMethodField()
    lead_photo = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "id",
            "slug",
            "url",
            "kicker",
            "headline",
            "standfirst",
            "section",
            "authors",
            "signature",
            "lead_photo",
            "language",
            "is_premium",
            "published_at",
            "updated_at",
        ]

    @extend_schema_field(PersonRefSerializer(many=True))
    def get_authors(self, article):
        return PersonRefSerializer([b.person for b in article.bylines.all()], many=True).data

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_lead_photo(self, article):
        return photo_representation(
            article.lead_photo, self.context.get("request"), caption=article.lead_photo_caption
        )


class DossierRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()


class ArticleDetailSerializer(ArticleListSerializer):
    section = SectionSerializer()
    body = serializers.SerializerMethodField()
    dossiers = DossierRefSerializer(many=True)
    tags = TagSerializer(many=True)
    quotes = QuoteInArticleSerializer(many=True)
    corrections = CorrectionSerializer(many=True)

    class Meta(ArticleListSerializer.Meta):
        fields = [
            *ArticleListSerializer.Meta.fields,
            "first_published_at",
            "body",
            "dossiers",
            "tags",
            "quotes",
            "corrections",
            "seo_title",
            "seo_description",
        ]

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_body(self, article):
        """Blocks in order; references resolved by ``body.attach_references`` beforehand."""
        request = self.context.get("request")
        refs = article.body_references
        blocks = []
        for block in article.body:
            kind = block["type"]
            if kind == "quote":
                quote = refs["quote"].get(block["quote"])
                if quote is None:
                    continue
                block = {"type": "quote", "quote": QuoteInArticleSerializer(quote).data}
            elif kind == "photo":
                photo = photo_representation(
                    refs["photo"].get(block["photo"]), request, caption=block.get("caption", "")
                )
                if photo is None:
                    continue
                block = {"type": "photo", "photo": photo}
            elif kind == "related":
                related = refs["related"].get(block["article"])
                if related is None:
                    continue
                block = {"type": "related", "article": ArticleRefSerializer(related).data}
            blocks.append(block)
        return blocks
