from pathlib import Path

from django.contrib import admin
from django.contrib.auth.signals import user_logged_in
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import include, path
from django.utils.cache import patch_cache_control
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import parsers
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from accounts.api import RevokeTokenView, RotateTokenView
from articles.api import urls as article_routes  # noqa: F401 - each app registers its
from dossiers.api import urls as dossier_routes  # noqa: F401 - resources on the router
from media.api import urls as photo_routes  # noqa: F401
from newsroom.access import LockedOut
from newsroom.api import router
from newsroom.health import healthz, readyz
from newsroom.parsers import JSONParser
from newsroom.permissions import AuthThrottle
from wire import api as wire_routes  # noqa: F401


class TokenView(ObtainAuthToken):
    """Exchange a username and password for an API token (throttled per address, and
    refused with 429 while the address is locked out after too many failures)."""

    throttle_classes = [AuthThrottle]
    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser, parsers.FormParser, parsers.MultiPartParser]

    def post(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        try:
            serializer.is_valid(raise_exception=True)
        except ValidationError:
            if getattr(request, "axes_locked_out", False):  # set by django-axes
                raise LockedOut() from None
            raise
        user = serializer.validated_data["user"]
        token, _created = Token.objects.get_or_create(user=user)
        # A login like the admin's: the audit log and the lockout's count hear of it.
        user_logged_in.send(sender=type(user), request=request._request, user=user)
        return Response({"token": token.key})


FAVICON = (Path(__file__).parent / "favicon.svg").read_bytes()


def favicon(request):
    """The paper's mark, for the admin's, archive's and preview's tabs (an SVG: browsers
    ask /favicon.ico of every page and take what its type says)."""
    response = HttpResponse(FAVICON, content_type="image/svg+xml")
    patch_cache_control(response, public=True, max_age=86_400)
    return response


def home(request):
    """The archive for those who may read it, the public API's root for everyone else."""
    if request.user.has_perm("dossiers.change_dossier"):  # dossiers.views.ARCHIVE_PERMISSION
        return redirect("dossiers:list")
    return redirect("api:api-root")


handler500 = "newsroom.outage.server_error"

urlpatterns = [
    path("", home, name="home"),
    path("favicon.ico", favicon, name="favicon"),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("api/v1/auth/token/", TokenView.as_view(), name="api-token"),
    path("api/v1/auth/token/rotate/", RotateTokenView.as_view(), name="api-token-rotate"),
    path("api/v1/auth/token/revoke/", RevokeTokenView.as_view(), name="api-token-revoke"),
    path("api/v1/", include((router.urls, "api"))),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path("photos/", include("media.urls")),
    path("dossiers/", include("dossiers.urls")),
    path("", include("syndication.urls")),
]
