"""When PostgreSQL cannot be reached: a 503 that says to come back, never a 500 or a hang.

A lost database is the infrastructure failing, not a bad request, so it is answered in one
place: JSON ``{"detail": ...}`` under ``/api/``, a short page everywhere else, both with
``Retry-After``. The broken connections are closed so that the next request opens a new
one, and the embedded server is started again if it died (``newsroom.db``).

A write that collided with another one saved at the same moment (PostgreSQL broke a
deadlock, or refused a serialisable transaction) is answered the same way, with what
happened: the database is there, nothing of the write was kept, and sent again a second
later it goes through. Its connection is kept.
"""

import logging
import sys
import threading

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views import defaults

from newsroom import db

logger = logging.getLogger("newsroom.outage")

RETRY_AFTER_SECONDS = 5
COLLISION_RETRY_AFTER_SECONDS = 1
DATABASE_ERRORS = (OperationalError, InterfaceError)
# SQLSTATEs of a transaction PostgreSQL rolled back for colliding with another.
COLLISIONS = ("40P01", "40001")  # deadlock_detected, serialization_failure
PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>{title}</title></head>
<body><h1>{title}</h1><p>{message}</p></body></html>
"""


class DatabaseUnavailableMiddleware:
    """Turn a lost database connection raised by a view into a 503 with ``Retry-After``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        return answered(request, exception)


def server_error(request):
    """``handler500``: a database lost outside a view (a middleware saving the session)
    gets the same 503; anything else Django's 500."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_ERRORS):
        return answered(request, exception)
    return defaults.server_error(request)


def answered(request, exception) -> HttpResponse:
    """The 503 for a database error: a collision's, or a lost database's."""
    reason = str(exception).strip() or type(exception)
    if collided(exception):
        logger.warning("write collided with another: %s", reason)
        message = _(
            "Another change was being saved at the same moment: this one was not saved. "
            "Send it again."
        )
        return unavailable(request.path, message, COLLISION_RETRY_AFTER_SECONDS)
    logger.warning("database unavailable: %s", reason)
    database_lost()
    return unavailable(request.path)


def collided(exception) -> bool:
    """Whether PostgreSQL rolled the transaction back for colliding with another one
    (Django's error wraps the driver's, which carries the SQLSTATE)."""
    return getattr(exception.__cause__, "pgcode", None) in COLLISIONS


def database_lost() -> None:
    """Close every connection (the next use opens a new one) and, off the request, start
    the embedded server again if it died."""
    for conn in connections.all(initialized_only=True):
        try:
            conn.close()
        except DATABASE_ERRORS:
            conn.connection = None
    threading.Thread(target=db.revive_embedded_server, name="revive-db", daemon=True).start()


def unavailable(path: str, message=None, retry_after=RETRY_AFTER_SECONDS) -> HttpResponse:
    if message is None:
        message = _("The database cannot be reached for a moment. Try again in a few seconds.")
    if path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=503)
    else:
        title = _("Service unavailable")
        page = PAGE.format(title=escape(title), message=escape(message))
        response = HttpResponse(page, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response
