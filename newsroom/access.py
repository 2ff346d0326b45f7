"""Who is knocking: the client's real address behind the trusted proxies, and the answer a
locked-out client gets (django-axes counts the failures, in the database or in Redis)."""

import ipaddress

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import ngettext
from rest_framework import exceptions


def client_address(request) -> str:
    """The address of whoever sent ``request``: the TCP peer when no proxy is trusted, else
    the ``X-Forwarded-For`` entry added by the outermost of the ``TRUSTED_PROXIES`` proxies
    (what a client writes in the header itself is never read)."""
    peer = request.META.get("REMOTE_ADDR", "")
    if not settings.TRUSTED_PROXIES:
        return peer
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [address for address in forwarded if address]
    if not forwarded:
        return peer
    address = forwarded[-min(settings.TRUSTED_PROXIES, len(forwarded))]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:  # not written by a proxy (a request that went round it)
        return peer


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' check, first of ``AUTHENTICATION_BACKENDS``: a locked-out address gets
    no login. A call without a request (``Client.login``, a management command) comes from
    no address and is let through to the next backend; every door open to the network (the
    admin's form, the token endpoint) passes its request."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_seconds() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def lockout_message() -> str:
    """Said alike whether the account exists or not: the address is locked, not a user."""
    minutes = max(1, lockout_seconds() // 60)
    return ngettext(
        "Too many failed logins from your address: try again in %(minutes)d minute.",
        "Too many failed logins from your address: try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


class LockedOut(exceptions.Throttled):
    """The token endpoint's answer to a locked-out address (429 with ``Retry-After``)."""

    def __init__(self):
        super().__init__(wait=lockout_seconds(), detail=lockout_message())


def lockout_response(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: the admin's login page already says the address is locked
    (``NewsroomLoginForm``); it is answered 429 with ``Retry-After``."""
    response = original_response or HttpResponse(lockout_message(), content_type="text/plain")
    response.status_code = 429
    response["Retry-After"] = str(lockout_seconds())
    return response
