from rest_framework import mixins, viewsets
from rest_framework.response import Response

from articles import body
from articles.api import filters, serializers
from articles.models import Article, Person, Quote, Section, Tag
from newsroom.api import (
    LatestCursorPagination,
    NewestFirstCursorPagination,
    StrictQueryParametersMixin,
)

SLUG = r"[-a-zA-Z0-9_]+"


class ArticleViewSet(StrictQueryParametersMixin, viewsets.ReadOnlyModelViewSet):
    """Published articles, newest first."""

    lookup_field = "slug"
    lookup_value_regex = SLUG
    filterset_class = filters.ArticleFilter
    pagination_class = NewestFirstCursorPagination

    def get_queryset(self):
        public = Article.objects.public()
        return public.for_detail() if self.detail else public.for_list()

    def get_serializer_class(self):
        if self.detail:
            return serializers.ArticleDetailSerializer
        return serializers.ArticleListSerializer

    def retrieve(self, request, *args, **kwargs):
        article = self.get_object()
        body.attach_references(article)
        return Response(self.get_serializer(article).data)


class SectionViewSet(StrictQueryParametersMixin, viewsets.ReadOnlyModelViewSet):
    """The paper's sections (rubriques), in the paper's order."""

    queryset = Section.objects.select_related("parent")
    serializer_class = serializers.SectionSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG
    pagination_class = None


class PersonViewSet(StrictQueryParametersMixin, viewsets.ReadOnlyModelViewSet):
    """People quoted in, tagged on or writing published articles."""

    serializer_class = serializers.PersonSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG

    def get_queryset(self):
        return Person.objects.public()


class QuoteViewSet(StrictQueryParametersMixin, viewsets.ReadOnlyModelViewSet):
    """Who said what, when: quotes carried by published articles."""

    serializer_class = serializers.QuoteSerializer
    filterset_class = filters.QuoteFilter
    pagination_class = LatestCursorPagination
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        return Quote.objects.public().for_public_listing()


class TagViewSet(StrictQueryParametersMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Topics, people, places and organisations that published articles are about."""

    serializer_class = serializers.TagSerializer
    filterset_class = filters.TagFilter

    def get_queryset(self):
        return Tag.objects.public().select_related("person")
