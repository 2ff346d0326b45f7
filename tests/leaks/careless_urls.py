"""The project's URLs and two views that forget the public rule, for the suite's self-check."""

from django.http import HttpResponse
from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from articles.models import Article
from newsroom.urls import urlpatterns as project_urlpatterns


def careless_detail(request, slug):
    """Any article's headline, by its slug: ``Article.objects`` instead of ``.public()``."""
    article = Article.objects.filter(slug=slug).first()
    return HttpResponse(article.headline if article else "", content_type="text/plain")


class CarelessSearch(APIView):
    """Standfirsts of every article whose headline holds ``q``, whatever its status."""

    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[OpenApiParameter("q", str)],
        responses={200: {"type": "object"}},
    )
    def get(self, request):
        words = request.query_params.get("q", "")
        found = Article.objects.filter(headline__icontains=words) if words else []
        return Response({"standfirsts": [article.standfirst for article in found]})


urlpatterns = [
    *project_urlpatterns,
    path("careless/<slug:slug>/", careless_detail),
    path("api/v1/careless-search/", CarelessSearch.as_view()),
]
