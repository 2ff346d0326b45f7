"""Dossiers through the public API.

``articles/`` is the whole timeline in time order, newest first, pinned articles included
in their place: a cursor pages through one order only. What editors pinned, in their
order, is ``pinned/`` (linked from the dossier), for a front-end to show above page one.
``months/`` counts the timeline's articles by month from one grouped query.
"""

from django import forms
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from articles.api.filters import ArticleFilter
from articles.api.serializers import ArticleListSerializer, SearchResultSerializer
from articles.models import Article
from articles.responses import PublicArticlesExpiry, public_array, public_list
from dossiers.api.serializers import DossierSerializer, MonthSerializer
from dossiers.models import Dossier, DossierEntry
from dossiers.timeline import month_counts
from newsroom import surrogate_keys
from newsroom.api import DossierTimelinePagination, StrictQueryParametersMixin
from newsroom.caching import CacheHeadersMixin


class TimelineFilter(ArticleFilter):
    """The article filters minus full-text search, which ``articles/`` runs itself (to rank
    and cut snippets from the same prepared query) and ``months/`` refuses: counting every
    match of a frequent word by month would read every matching article."""


TimelineFilter.base_filters.pop("q")


class MonthsFilter(TimelineFilter):
    """The timeline's filters minus its order: months are counted, not ordered."""


for name in ("q", "ordering"):
    MonthsFilter.base_filters.pop(name)
MAX_QUERY = 200


def search_text(request) -> str:
    """``q``, as the article list takes it (at most 200 characters, no NUL), else a 400."""
    field = forms.CharField(required=False, max_length=MAX_QUERY)
    try:
        return field.clean(request.query_params.get("q", ""))
    except forms.ValidationError as error:
        raise exceptions.ValidationError({"q": error.messages}) from None


class DossierViewSet(
    PublicArticlesExpiry,
    CacheHeadersMixin,
    StrictQueryParametersMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Dossiers that hold published articles; their articles in time order."""

    serializer_class = DossierSerializer
    filterset_class = None
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    lookup_example = "guerre-entre-l-ukraine-et-la-russie"

    def get_queryset(self):
        return Dossier.objects.public().select_related("cover_photo")

    def surrogate_keys(self, response) -> list[str]:
        """What a CDN must purge this response on (articles.rendering sends these keys)."""
        slug = self.kwargs.get("slug")
        if slug is None:
            return [surrogate_keys.DOSSIERS]
        if self.action == "retrieve":
            return [surrogate_keys.DOSSIERS, surrogate_keys.dossier(slug)]
        return surrogate_keys.dossier_timeline(slug)

    def allowed_query_parameters(self):
        if self.action not in ("articles", "pinned", "months"):
            return super().allowed_query_parameters()
        allowed = {"format"}
        if self.filterset_class is not None:
            allowed |= set(self.filterset_class.base_filters)
        if self.paginator is not None:
            allowed |= {self.paginator.cursor_query_param, self.paginator.page_size_query_param}
        if self.action == "articles":
            allowed.add("q")
        return allowed

    def _dossier(self, slug):
        return get_object_or_404(Dossier.objects.public(), slug=slug)

    @extend_schema(
        responses=SearchResultSerializer(many=True),
        parameters=[
            OpenApiParameter(
                "q",
                str,
                description="French full-text search (accents ignored, stemmed, "
                '"a phrase", -exclusion); each result then carries rank and snippet, '
                "best first unless ordering=newest.",
            )
        ],
    )
    @action(
        detail=True,
        serializer_class=ArticleListSerializer,
        filterset_class=TimelineFilter,
        pagination_class=DossierTimelinePagination,
    )
    def articles(self, request, slug=None):
        """The dossier's published articles, newest first, with the article filters; with
        ``q``, each result also carries its ``rank`` and a highlighted ``snippet``."""
        response = public_list(
            self,
            Article.objects.public().in_dossier(slug),
            keys=self.surrogate_keys(None),
            search_text=search_text(request),
        )
        if not response.found:
            self._dossier(slug)  # nothing found: is there such a dossier at all?
        return response

    @extend_schema(responses=ArticleListSerializer(many=True))
    @action(detail=True, serializer_class=ArticleListSerializer, pagination_class=None)
    def pinned(self, request, slug=None):
        """The articles editors pinned, in their order."""
        pinned = self._dossier(slug).pinned_articles()
        return public_array(pinned, keys=self.surrogate_keys(None))

    @extend_schema(responses=MonthSerializer(many=True))
    @action(
        detail=True,
        serializer_class=MonthSerializer,
        filterset_class=MonthsFilter,
        pagination_class=None,
    )
    def months(self, request, slug=None):
        """How many published articles each month holds (Paris time), newest month first;
        the same filters as ``articles/`` except ``q``."""
        if set(request.query_params) - {"format"}:
            rows = self.filter_queryset(
                Article.objects.public().filter(dossier_entries__dossier__slug=slug)
            )
        else:  # the whole timeline: from the entries' copied times alone
            rows = DossierEntry.objects.public().filter(dossier__slug=slug)
        counts = month_counts(rows)
        if not counts:
            self._dossier(slug)  # nothing counted: is there such a dossier at all?
        data = [
            {"month": f"{timezone.localtime(row['month']):%Y-%m}", "count": row["count"]}
            for row in counts
        ]
        return Response(MonthSerializer(data, many=True).data)
