import contextlib
import socket

import pytest
from django.db import connections


def closed_port() -> int:
    """A port on this machine where nothing listens (bound, then let go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def unreachable_database():
    """The default database cannot be reached, as after its server died: its settings point
    at a closed port and the open connection is closed. Put back on leaving."""
    conn = connections["default"]
    saved = {key: conn.settings_dict[key] for key in ("HOST", "PORT")}
    conn.close()
    conn.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
    try:
        yield
    finally:
        conn.close()
        conn.settings_dict.update(saved)


@pytest.fixture
def database_down(db):
    with unreachable_database():
        yield
