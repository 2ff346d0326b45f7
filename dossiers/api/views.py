from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action

from articles.api.filters import ArticleFilter
from articles.api.serializers import ArticleListSerializer
from articles.models import Article
from dossiers.api.serializers import DossierSerializer
from dossiers.models import Dossier
from newsroom.api import NewestFirstCursorPagination, StrictQueryParametersMixin


class DossierViewSet(StrictQueryParametersMixin, viewsets.ReadOnlyModelViewSet):
    """Dossiers that hold published articles; their articles in time order."""

    serializer_class = DossierSerializer
    filterset_class = None
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"

    def get_queryset(self):
        return Dossier.objects.public().select_related("cover_photo")

    def allowed_query_parameters(self):
        if self.action != "articles":
            return super().allowed_query_parameters()
        paginator = self.paginator
        return {
            "format",
            paginator.cursor_query_param,
            paginator.page_size_query_param,
            *ArticleFilter.base_filters,
        }

    @extend_schema(responses=ArticleListSerializer(many=True))
    @action(
        detail=True,
        serializer_class=ArticleListSerializer,
        filterset_class=ArticleFilter,
        pagination_class=NewestFirstCursorPagination,
    )
    def articles(self, request, slug=None):
        """The dossier's published articles, newest first, with the article filters."""
        dossier = get_object_or_404(Dossier.objects.public(), slug=slug)
        articles = Article.objects.public().for_list().filter(dossier_entries__dossier=dossier)
        page = self.paginate_queryset(self.filter_queryset(articles))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
