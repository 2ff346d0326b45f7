"""Telling the CDN what changed: surrogate keys handed to a pluggable purge backend.

``PURGE_BACKEND`` names the backend class: ``newsroom.purge.LoggingPurger`` (default: logs
the keys) or ``newsroom.purge.HttpPurger`` (sends ``PURGE`` with the keys in a header to
each of ``PURGE_URLS``, as Varnish with xkey or a Fastly-style endpoint expects).
"""

import logging
import urllib.request

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

from newsroom import response_cache

logger = logging.getLogger("newsroom.purge")


class LoggingPurger:
    def purge(self, keys: list[str]) -> None:
        logger.debug("purge %s", " ".join(keys))


class HttpPurger:
    """One PURGE request per configured URL, keys in ``PURGE_KEY_HEADER``; failures are logged."""

    def purge(self, keys: list[str]) -> None:
        for url in settings.PURGE_URLS:
            request = urllib.request.Request(  # noqa: S310 - the operator's configured URLs
                url, method="PURGE", headers={settings.PURGE_KEY_HEADER: " ".join(keys)}
            )
            try:
                with urllib.request.urlopen(request, timeout=settings.PURGE_TIMEOUT):  # noqa: S310
                    pass
            except OSError as error:
                logger.warning("purge of %s at %s failed: %s", " ".join(keys), url, error)


def backend():
    return import_string(settings.PURGE_BACKEND)()


def after_commit(keys) -> None:
    """Purge these keys once the current transaction has committed (at once outside one),
    in the CDN and in every worker's cache of public responses."""
    keys = sorted(set(keys))
    if keys:
        response_cache.notify_after_commit()
        transaction.on_commit(lambda: _purge(keys), robust=True)


def _purge(keys) -> None:
    response_cache.cache.clear()
    backend().purge(keys)
