"""Each worker keeps the public responses it has sent, and empties them on every purge.

A public API response (``Cache-Control: public``, asked for without a login) is kept in the
worker's memory for its ``s-maxage``, which ``newsroom.caching.mark_public`` already caps at the
second it changes by itself (a scheduled article goes live, a photo's rights expire); a
repeat of the request, conditional or not, is answered from memory without Django or SQL.
What a CDN in front would do, each worker does for itself, and it is told of changes the
same way: every change hands its surrogate keys to ``newsroom.purge.after_commit``, which
also sends ``NOTIFY newsroom_purge`` inside the transaction. PostgreSQL delivers it only if
the transaction commits; a thread in every worker ``LISTEN``s and empties its cache when it
arrives, and the process that made the change empties its own right after the commit.

Until its listener is connected, or once it has lost the connection, a worker keeps
nothing: it never serves a copy it could not hear about. Other workers hear of a change
within a few milliseconds of the commit (the time for PostgreSQL to deliver the
notification), which is the only window in which they may still send the old copy.
"""

import logging
import select
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.db import connection

logger = logging.getLogger("newsroom.response_cache")

CHANNEL = "newsroom_purge"
KEEPALIVE_SECONDS = 30
RETRY_SECONDS = 1
POLL_SECONDS = 0.5  # how soon a stopping listener notices
# Response headers that describe the body, left out of a 304.
BODY_HEADERS = {"content-type", "content-length"}


@dataclass(frozen=True)
class Entry:
    status: str
    headers: list[tuple[str, str]]
    body: bytes
    etag: str
    vary: tuple[tuple[str, str], ...]  # (environ key, value) the response varies on
    stored: float  # time.time()
    expires: float
    not_modified: list[tuple[str, str]]  # the headers of a 304: all but the body's

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers) + 200


class ResponseCache:
    """A size-bounded LRU of public responses; emptied whole by ``clear``.

    ``generation`` counts the clears: a response computed while a clear happened is not
    stored, since it may have been read from the database before the change committed.
    """

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.entries: OrderedDict[tuple, Entry] = OrderedDict()
        self.size = 0
        self.generation = 0
        self.listening = False
        self.lock = threading.Lock()
        self.listener: Listener | None = None

    def get(self, key, environ) -> Entry | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry.expires <= time.time() or any(
                environ.get(name, "") != value for name, value in entry.vary
            ):
                self._drop(key)
                return None
            self.entries.move_to_end(key)
            return entry

    def put(self, key, entry: Entry, generation: int) -> None:
        if entry.size > self.max_bytes // 10:
            return
        with self.lock:
            if not self.listening or generation != self.generation:
                return
            self._drop(key)
            self.entries[key] = entry
            self.size += entry.size
            while self.size > self.max_bytes:
                self._drop(next(iter(self.entries)))

    def _drop(self, key) -> None:
        entry = self.entries.pop(key, None)
        if entry is not None:
            self.size -= entry.size

    def clear(self, *, listening: bool | None = None) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0
            self.generation += 1
            if listening is not None:
                self.listening = listening

    def start_listening(self) -> None:
        """Start this process's listener, once (in each worker, after the fork)."""
        if self.listener is None:
            with self.lock:
                if self.listener is None:
                    self.listener = Listener(self, connection.get_connection_params())
                    self.listener.start()

    def stop_listening(self) -> None:
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        self.clear(listening=False)


class Listener(threading.Thread):
    """``LISTEN newsroom_purge`` on a connection of its own; each notification clears."""

    def __init__(self, cache: ResponseCache, connection_params: dict):
        super().__init__(name="response-cache-listener", daemon=True)
        self.cache = cache
        self.params = connection_params
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            try:
                self._listen()
            except Exception as error:  # noqa: BLE001 - any failure: keep nothing, retry
                logger.warning("purge listener disconnected: %s", error)
            self.cache.clear(listening=False)
            self.stopping.wait(RETRY_SECONDS)

    def _listen(self):
        import psycopg2

        conn = psycopg2.connect(**self.params)
        try:
            conn.autocommit = True
            conn.cursor().execute(f"LISTEN {CHANNEL}")
            self.cache.clear(listening=True)
            checked = time.time()
            while not self.stopping.is_set():
                if select.select([conn], [], [], POLL_SECONDS)[0]:
                    conn.poll()
                elif time.time() - checked > KEEPALIVE_SECONDS:
                    conn.cursor().execute("SELECT 1")  # notices a server that went away
                    checked = time.time()
                if conn.notifies:
                    conn.notifies.clear()
                    self.cache.clear()
        finally:
            conn.close()

    def stop(self):
        self.stopping.set()
        self.join(timeout=5)


def notify_after_commit() -> None:
    """Tell every worker to empty its cache when the current transaction commits."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_notify(%s, '')", [CHANNEL])


cache = ResponseCache(settings.RESPONSE_CACHE_BYTES)


class CachedPublicResponses:
    """WSGI middleware: answer repeated anonymous GETs of public responses from ``cache``."""

    def __init__(self, app, response_cache: ResponseCache | None = None):
        self.app = app
        self.cache = response_cache or cache

    def __call__(self, environ, start_response):
        key = self._key(environ)
        if key is None:
            return self.app(environ, start_response)
        self.cache.start_listening()
        entry = self.cache.get(key, environ)
        if entry is not None:
            return self._replay(entry, environ, start_response)
        if environ["REQUEST_METHOD"] != "GET":
            return self.app(environ, start_response)
        return self._fetch(key, environ, start_response)

    def _key(self, environ):
        if self.cache.max_bytes <= 0 or not is_shared_read(environ):
            return None
        return (
            environ.get("wsgi.url_scheme"),
            environ.get("HTTP_HOST") or environ.get("SERVER_NAME"),
            environ["PATH_INFO"],
            environ.get("QUERY_STRING", ""),
            cors_origin(environ),
        )

    def _fetch(self, key, environ, start_response):
        generation = self.cache.generation
        seen = {}

        def capture(status, headers, exc_info=None):
            seen["status"], seen["headers"] = status, headers
            if exc_info is None:
                return start_response(status, headers)
            return start_response(status, headers, exc_info)

        started = time.time()
        result = self.app(environ, capture)
        lifetime = _shared_lifetime(seen.get("status", ""), seen.get("headers", []))
        if lifetime is None:
            return result  # streamed untouched: not ours to keep
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        headers = seen["headers"]
        names = {name.lower(): value for name, value in headers}
        vary = tuple(
            (_environ_key(name), environ.get(_environ_key(name), ""))
            for name in names.get("vary", "").split(",")
            if name.strip() and name.strip().lower() != "origin"  # in the key, as cors_origin
        )
        entry = Entry(
            seen["status"],
            headers,
            body,
            names["etag"],
            vary,
            started,
            started + lifetime,
            [(k, v) for k, v in headers if k.lower() not in BODY_HEADERS],
        )
        self.cache.put(key, entry, generation)
        return [body]

    @staticmethod
    def _replay(entry: Entry, environ, start_response):
        age = ("Age", str(int(time.time() - entry.stored)))
        if_none_match = environ.get("HTTP_IF_NONE_MATCH")
        if if_none_match and entry.etag in etags_in(if_none_match):
            start_response("304 Not Modified", [*entry.not_modified, age])
            return [b""]
        start_response(entry.status, [*entry.headers, age])
        return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [entry.body]


def is_shared_read(environ) -> bool:
    """An anonymous read of a public path: its answer may be kept and given to anyone."""
    return (
        environ["REQUEST_METHOD"] in ("GET", "HEAD")
        and environ.get("PATH_INFO", "").startswith(settings.RESPONSE_CACHE_PATHS)
        and "HTTP_AUTHORIZATION" not in environ
        and settings.SESSION_COOKIE_NAME not in environ.get("HTTP_COOKIE", "")
    )


def cors_origin(environ) -> str:
    """The part of ``Origin`` a public answer depends on: an origin allowed to read the API
    (CORS_ALLOWED_ORIGINS) gets its own copy; any other is answered as if it sent none, so
    made-up origins cannot push the kept copies out."""
    origin = environ.get("HTTP_ORIGIN", "")
    if settings.CORS_ALLOW_ALL_ORIGINS:
        return "*" if origin else ""
    return origin if origin in settings.CORS_ALLOWED_ORIGINS else ""


def _shared_lifetime(status: str, headers) -> int | None:
    """How long a shared cache may keep this response (``s-maxage``), or None if it may not."""
    if not status.startswith("200"):
        return None
    names = {name.lower(): value for name, value in headers}
    if "set-cookie" in names or "etag" not in names or "content-length" not in names:
        return None
    directives = dict(
        (part.strip().partition("=")[::2]) for part in names.get("cache-control", "").split(",")
    )
    if "public" not in directives or not directives.get("s-maxage", "").isdigit():
        return None
    return int(directives["s-maxage"]) or None


def _environ_key(header: str) -> str:
    return "HTTP_" + header.strip().upper().replace("-", "_")


def etags_in(header: str) -> set[str]:
    return {value.strip().removeprefix("W/") for value in header.split(",") if value.strip()}
