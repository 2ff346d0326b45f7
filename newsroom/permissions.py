"""Who may call the API, and how often. Kept apart from newsroom/api.py because DRF imports
these classes while it is itself being imported."""

from django.conf import settings
from django.core.cache import caches
from drf_spectacular import authentication as drf_spectacular_authentication
from rest_framework import authentication, permissions, throttling


class SessionAuthentication(authentication.SessionAuthentication):
    """DRF's session authentication, skipped when the request carries no session cookie:
    reading the session would make every public response vary on Cookie."""

    def authenticate(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        return super().authenticate(request)


class ReadOnlyOrModelPermissions(permissions.DjangoModelPermissions):
    """Anyone may read (each view decides what); writing needs a login and the model permission.

    Role rules finer than the model (whose article, which status) are checked by
    ``articles.workflow`` on the object written.
    """

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return super().has_permission(request, view)


class WriteThrottle(throttling.UserRateThrottle):
    """Limit writes per user; reads are left to the cache in front."""

    scope = "write"

    def allow_request(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return super().allow_request(request, view)


class AuthThrottle(throttling.AnonRateThrottle):
    """Limit token requests per client address (behind ``NUM_PROXIES``, from
    ``TRUSTED_PROXIES``), counted in the cache every worker shares."""

    scope = "auth"

    @property
    def cache(self):
        return caches["shared"]


class SessionScheme(drf_spectacular_authentication.SessionScheme):
    """The OpenAPI description of the newsroom's session authentication (the admin's login)."""

    target_class = "newsroom.permissions.SessionAuthentication"
