"""Public representations of articles, sections, people, quotes and tags. No queries here:
the views hand over objects loaded by the querysets' named loaders."""

import json

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    PolymorphicProxySerializer,
    extend_schema_field,
    extend_schema_serializer,
)
from rest_framework import serializers

from articles import body, jsonld, references
from articles.models import Article, Correction, Person, Quote, Section, Tag
from media.api.serializers import PhotoRepresentationSerializer, photo_representation
from media.models import Photo
from newsroom.api import StrictFieldsMixin, TimesMixin


class SectionSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text=_("The parent section's slug; null for a top-level section."),
    )

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


class PersonSerializer(StrictFieldsMixin, serializers.ModelSerializer):
    """A person: name, the other names the paper writes for them, a Wikidata id.

    The public sees the people of published articles; the newsroom creates, edits and
    deletes them."""

    aliases = serializers.ListField(
        child=serializers.CharField(max_length=200, validators=[body.reject_markup]),
        required=False,
        max_length=50,
    )

    class Meta:
        model = Person
        fields = ["slug", "name", "description", "aliases", "wikidata_id"]


class TagSerializer(serializers.ModelSerializer):
    person = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text=_("For a tag about a person, that person's slug; otherwise null."),
    )

    class Meta:
        model = Tag
        fields = ["slug", "name", "kind", "person"]


class QuoteInArticleSerializer(serializers.ModelSerializer):
    person = PersonRefSerializer(allow_null=True)
    speaker = serializers.CharField(
        help_text=_("Who said it: the person's or the organisation's name; empty if unattributed.")
    )

    class Meta:
        model = Quote
        fields = [
            "id",
            "text",
            "kind",
            "speaker",
            "person",
            "organisation",
            "document",
            "role",
            "said_on",
            "context",
        ]


class ArticleRefSerializer(TimesMixin, serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id")

    class Meta:
        model = Article
        fields = ["id", "slug", "headline", "published_at"]


class QuoteSerializer(QuoteInArticleSerializer):
    articles = ArticleRefSerializer(many=True, source="public_articles")

    class Meta(QuoteInArticleSerializer.Meta):
        fields = [*QuoteInArticleSerializer.Meta.fields, "articles"]


class QuotesPageSerializer(serializers.Serializer):
    next = serializers.URLField(allow_null=True, help_text=_("The next page, or null."))
    previous = serializers.URLField(allow_null=True)
    results = QuoteSerializer(many=True)


class CorrectionSerializer(TimesMixin, serializers.ModelSerializer):
    class Meta:
        model = Correction
        fields = ["text", "published_at"]


class ArticleListSerializer(TimesMixin, serializers.ModelSerializer):
    """A published article in a list: what a teaser shows."""

    id = serializers.UUIDField(source="public_id", read_only=True)
    url = serializers.SerializerMethodField()
    section = SectionRefSerializer()
    authors = serializers.SerializerMethodField()
    lead_photo = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "id",
            "slug",
            "url",
            "page_url",
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

    page_url = serializers.URLField(read_only=True)

    def get_url(self, article) -> str:
        path = reverse("api:article-detail", kwargs={"slug": article.slug})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path

    @extend_schema_field(PersonRefSerializer(many=True))
    def get_authors(self, article):
        return PersonRefSerializer([b.person for b in article.bylines.all()], many=True).data

    @extend_schema_field(PhotoRepresentationSerializer(allow_null=True))
    def get_lead_photo(self, article):
        return photo_representation(
            article.lead_photo, self.context.get("request"), caption=article.lead_photo_caption
        )


class SearchResultSerializer(ArticleListSerializer):
    """An article in a list: with ``q``, also its relevance and a highlighted snippet."""

    rank = serializers.FloatField(
        source="search_rank",
        required=False,
        help_text=_("Only with q: the relevance, higher first."),
    )
    snippet = serializers.CharField(
        source="search_snippet",
        required=False,
        help_text=_(
            "Only with q: standfirst and body around the matched words; safe HTML with <mark>."
        ),
    )

    class Meta(ArticleListSerializer.Meta):
        fields = [*ArticleListSerializer.Meta.fields, "rank", "snippet"]


class ArticlesPageSerializer(serializers.Serializer):
    next = serializers.URLField(allow_null=True, help_text=_("The next page, or null."))
    previous = serializers.URLField(allow_null=True)
    results = ArticleListSerializer(many=True)


class PersonDetailSerializer(PersonSerializer):
    """A person with the first page of their public quotes, newest first, and of the public
    articles quoting them or tagged with them; ``next`` leads on to the rest."""

    quotes = serializers.SerializerMethodField()
    articles = serializers.SerializerMethodField()

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "quotes", "articles"]

    @extend_schema_field(QuotesPageSerializer)
    def get_quotes(self, person):
        return person.quotes_page

    @extend_schema_field(ArticlesPageSerializer)
    def get_articles(self, person):
        return person.articles_page


class ParagraphBlockSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["paragraph"])
    html = serializers.CharField(
        help_text=_("Inline HTML: <a href>, <b>, <strong>, <i>, <em>, <br> only.")
    )


class IntertitleBlockSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["intertitle"])
    text = serializers.CharField(help_text=_("Plain text."))


class ListBlockSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["list"])
    items = serializers.ListField(
        child=serializers.CharField(),
        min_length=1,
        help_text=_("A bulleted list: each item's inline HTML, as a paragraph's."),
    )


class BlockquoteBlockSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["blockquote"])
    paragraphs = serializers.ListField(
        child=serializers.CharField(),
        min_length=1,
        help_text=_(
            "Quoted text set apart (an excerpt of a document, a letter), not attributed: "
            "each paragraph's inline HTML, as a paragraph's."
        ),
    )


class QuoteBlockSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["quote"])
    quote = QuoteInArticleSerializer()


class PhotoBlockSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["photo"])
    photo = PhotoRepresentationSerializer(
        help_text=_("The photo, with this article's caption if it gives one.")
    )


class EmbedBlockSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["embed"])
    url = serializers.URLField(help_text=_("An http(s) address to embed (a video, a post)."))


class RelatedBlockSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["related"])
    article = ArticleRefSerializer(help_text=_("A published article to read next."))


BODY_BLOCK = PolymorphicProxySerializer(
    component_name="BodyBlock",
    serializers={
        "paragraph": ParagraphBlockSerializer,
        "intertitle": IntertitleBlockSerializer,
        "list": ListBlockSerializer,
        "blockquote": BlockquoteBlockSerializer,
        "quote": QuoteBlockSerializer,
        "photo": PhotoBlockSerializer,
        "embed": EmbedBlockSerializer,
        "related": RelatedBlockSerializer,
    },
    resource_type_field_name="type",
    many=True,
)


class DossierRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()


class ArticleDetailSerializer(ArticleListSerializer):
    """A published article: its body as typed blocks, with its section, dossiers, tags,
    quotes and corrections."""

    section = SectionSerializer()
    body = serializers.SerializerMethodField()
    dossiers = DossierRefSerializer(many=True)
    tags = TagSerializer(many=True)
    quotes = QuoteInArticleSerializer(many=True)
    corrections = CorrectionSerializer(many=True)
    jsonld = serializers.SerializerMethodField(help_text="schema.org NewsArticle, as JSON-LD")

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
            "jsonld",
        ]

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_jsonld(self, article):
        return None  # filled in by to_representation, from the representation itself

    def to_representation(self, article):
        data = super().to_representation(article)
        data["jsonld"] = jsonld.news_article(data)
        return data

    @extend_schema_field(BODY_BLOCK)
    def get_body(self, article):
        """Blocks in order; references resolved by ``references.attach`` beforehand."""
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


class ArticlePreviewSerializer(ArticleDetailSerializer):
    """An article as it will be published, seen through a preview link: a draft may have
    no section yet."""

    section = SectionSerializer(allow_null=True)


class PendingChangeSerializer(serializers.Serializer):
    field = serializers.CharField()
    live = serializers.JSONField(allow_null=True)
    pending = serializers.JSONField(allow_null=True)


class ArticleNewsroomSerializer(ArticleDetailSerializer):
    """What the newsroom (a logged-in reader with the view permission) sees of an article:
    a published article's pending changes, if any, with what is live."""

    section = SectionSerializer(allow_null=True, help_text=_("Null until a draft has one."))
    pending_changes = serializers.SerializerMethodField(
        help_text="Changes waiting over the live version (null when none): each field, as "
        "the public sees it and as it will be once an editor publishes them."
    )

    class Meta(ArticleDetailSerializer.Meta):
        fields = [
            *ArticleDetailSerializer.Meta.fields,
            "status",
            "version",
            "embargo_until",
            "lead_photo_caption",
            "pending_changes",
            "pending_at",
            "created_at",
            "modified_at",
        ]

    @extend_schema_field(PendingChangeSerializer(many=True, allow_null=True))
    def get_pending_changes(self, article):
        return getattr(article, "pending_changes", None)


class ArticleWriteSerializer(StrictFieldsMixin, serializers.ModelSerializer):
    """What a client may send to create or edit an article. Status and times are changed by
    the workflow actions (submit, publish, withdraw…), never by writing fields."""

    id = serializers.UUIDField(source="public_id", read_only=True)
    section = serializers.SlugRelatedField(
        slug_field="slug", queryset=Section.objects.all(), allow_null=True, required=False
    )
    lead_photo = serializers.PrimaryKeyRelatedField(
        queryset=Photo.objects.all(), allow_null=True, required=False
    )
    tags = serializers.PrimaryKeyRelatedField(queryset=Tag.objects.all(), many=True, required=False)
    authors = serializers.SlugRelatedField(
        slug_field="slug", queryset=Person.objects.all(), many=True, required=False
    )
    body = serializers.JSONField(required=False)

    class Meta:
        model = Article
        fields = [
            "id",
            "slug",
            "kicker",
            "headline",
            "standfirst",
            "body",
            "section",
            "lead_photo",
            "lead_photo_caption",
            "signature",
            "tags",
            "authors",
            "language",
            "is_premium",
            "embargo_until",
            "seo_title",
            "seo_description",
            "status",
            "version",
            "published_at",
            "first_published_at",
            "updated_at",
            "created_at",
            "modified_at",
        ]
        read_only_fields = [
            "status",
            "version",
            "published_at",
            "first_published_at",
            "updated_at",
            "created_at",
            "modified_at",
        ]

    def validate_body(self, value):
        return checked_body(value, check_references=True)


def checked_body(value, *, check_references: bool) -> list[dict]:
    """Blocks as the article write API takes them, cleaned; a 400 naming the problem.

    The length is the JSON's in characters, not in bytes (an accented text is not longer
    for being accented); Python's encoder takes what orjson refuses (ids past 64 bits, a
    lone surrogate), which the blocks' own checks then name."""
    if len(json.dumps(value, ensure_ascii=False, separators=(",", ":"))) > settings.MAX_BODY_CHARS:
        raise serializers.ValidationError(
            _("The body is too long: at most %(max)d characters.")
            % {"max": settings.MAX_BODY_CHARS}
        )
    try:
        blocks = body.clean_blocks(value)
        if check_references:
            references.check(blocks)
    except DjangoValidationError as error:
        raise serializers.ValidationError(error.messages) from None
    return blocks


REFERENCE_PARAGRAPH = (  # from the demo's reference article (Libération, 13 November 2024)
    "«Je peux confirmer que plus de 10 000 soldats nord-coréens ont été envoyés en "
    "Russie, la plupart sont arrivés dans la région de Koursk, où ils ont commencé à "
    "s’engager» dans les combats, a déclaré mardi le porte-parole du département "
    "d’Etat américain, Vedant Patel, soulignant «l’inquiétude» des Etats-Unis quant à"
    " cette alliance."
)


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "A paragraph of the reference article",
            value={"body": [{"type": "paragraph", "html": REFERENCE_PARAGRAPH}]},
            request_only=True,
        )
    ]
)
class SuggestionsRequestSerializer(StrictFieldsMixin, serializers.Serializer):
    """A body to find quotes in; nothing is saved."""

    body = serializers.JSONField(help_text=_("Body blocks, as in the article write API."))

    def validate_body(self, value):
        return checked_body(value, check_references=False)


class QuoteSuggestionSerializer(serializers.Serializer):
    text = serializers.CharField(help_text=_("The exact words, without the quotation marks."))
    speaker = serializers.CharField(
        allow_null=True, help_text=_("The speaker's name as written in full, or null.")
    )
    person = serializers.CharField(
        allow_null=True, help_text=_("Slug of the existing person the speaker is, or null.")
    )
    role = serializers.CharField(allow_blank=True, help_text=_("The role as written, or empty."))
    kind = serializers.ChoiceField(choices=Quote.Kind.choices)
    block = serializers.IntegerField(help_text=_("Index of the block where the quote starts."))


class QuoteSuggestionsSerializer(serializers.Serializer):
    suggestions = QuoteSuggestionSerializer(many=True, help_text=_("In reading order."))


class QuoteWriteSerializer(StrictFieldsMixin, serializers.ModelSerializer):
    """A quote as the newsroom writes it: said by a person, an organisation or no one."""

    person = serializers.SlugRelatedField(
        slug_field="slug", queryset=Person.objects.all(), allow_null=True, required=False
    )
    articles = serializers.SlugRelatedField(
        slug_field="slug", queryset=Article.objects.all(), many=True, required=False
    )

    class Meta:
        model = Quote
        fields = [
            "id",
            "text",
            "kind",
            "person",
            "organisation",
            "document",
            "role",
            "said_on",
            "context",
            "articles",
        ]

    def validate(self, data):
        person = data.get("person", getattr(self.instance, "person", None))
        organisation = data.get("organisation", getattr(self.instance, "organisation", ""))
        if person and organisation:
            raise serializers.ValidationError(
                {"organisation": _("A quote is said by a person or by an organisation.")}
            )
        return data


class PublishSerializer(StrictFieldsMixin, serializers.Serializer):
    """When to publish."""

    at = serializers.DateTimeField(
        required=False, help_text=_("When to publish; omit to publish now.")
    )


class CorrectionInputSerializer(StrictFieldsMixin, serializers.Serializer):
    """A public correction note, in plain text."""

    text = serializers.CharField(max_length=2000, validators=[body.reject_markup])


class PreviewTokenSerializer(serializers.Serializer):
    token = serializers.CharField()
    url = serializers.URLField()
