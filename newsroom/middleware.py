from corsheaders.middleware import CorsMiddleware
from django.conf import settings
from django.utils import translation

from newsroom.response_cache import is_shared_read


class PublicReadCors(CorsMiddleware):
    """django-cors-headers, for reading the public API only: browser front-ends on
    CORS_ALLOWED_ORIGINS may GET (and HEAD) it, without credentials; writes and the token
    endpoint get no CORS headers, so another origin can never read their answers."""

    def is_enabled(self, request) -> bool:
        return (
            request.method in ("GET", "HEAD", "OPTIONS")
            and bool(settings.CORS_ALLOWED_ORIGINS or settings.CORS_ALLOW_ALL_ORIGINS)
            and super().is_enabled(request)
        )


class PermissionsPolicyMiddleware:
    """``Permissions-Policy`` (settings.PERMISSIONS_POLICY) on the pages that get a
    Content-Security-Policy: every response but the public data's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        excluded = settings.CONTENT_SECURITY_POLICY.get("EXCLUDE_URL_PREFIXES", ())
        if not request.path_info.startswith(tuple(excluded)):
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class SiteAddressMiddleware:
    """Absolute URLs (API links, photo URLs, preview links) are written on SITE_URL, never on
    the request's ``Host`` or ``X-Forwarded-Host``: a kept response would otherwise hand the
    first asker's host to everyone.

    Sits below the common middleware, so a host outside ALLOWED_HOSTS is still refused first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # What HttpRequest.build_absolute_uri joins a path to (a cached property).
        request.__dict__["_current_scheme_host"] = settings.SITE_URL
        return self.get_response(request)


class SharedReadLanguageMiddleware:
    """An anonymous read of a public path is answered in the paper's language (LANGUAGE_CODE),
    whatever ``Accept-Language`` asks: its answer is kept and given to everyone (the workers'
    response cache, a CDN), which varies on neither the language nor the cookie.

    Sits below the locale middleware, which then labels the answer ``Content-Language: fr``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_shared_read(request.META):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)


class PublicResponseMiddleware:
    """Public (CDN-cacheable) responses set no cookie and vary on neither Cookie nor language.

    Sits above the session and locale middleware, so it sees their headers last.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "is_public", False):
            response.cookies.clear()
            if vary := response.get("Vary"):
                kept = [
                    v.strip()
                    for v in vary.split(",")
                    if v.strip().lower() not in ("cookie", "accept-language")
                ]
                if kept:
                    response["Vary"] = ", ".join(kept)
                else:
                    del response["Vary"]
        return response
