"""Probes for a supervisor or a load balancer: ``/healthz`` (the process answers) and
``/readyz`` (it can serve: a new database connection works and no migration is waiting).

Neither needs a login nor is cached; neither touches the session.
"""

import functools

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from newsroom.outage import RETRY_AFTER_SECONDS


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    try:
        waiting = unapplied_migrations()
    except DatabaseError as error:
        return not_ready({"database": str(error).strip() or type(error).__name__})
    if waiting:
        return not_ready({"migrations": [f"{app}.{name}" for app, name in waiting]})
    return JsonResponse({"status": "ok"})


def not_ready(reasons: dict) -> JsonResponse:
    response = JsonResponse({"status": "unavailable", **reasons}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def unapplied_migrations() -> list[tuple[str, str]]:
    """The migrations on disk that the database has not recorded, read through a new
    connection (never the request's, which may have been opened before a failure)."""
    conn = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        applied = MigrationRecorder(conn).applied_migrations()
    finally:
        conn.close()
    return sorted(migrations_on_disk() - set(applied))


@functools.cache
def migrations_on_disk() -> frozenset[tuple[str, str]]:
    """Every migration the code has, squashed ones counted as their replacement (read once:
    the files do not change under a running process)."""
    return frozenset(MigrationLoader(None, ignore_no_migrations=True).graph.nodes)
