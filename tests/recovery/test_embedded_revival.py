"""The embedded PostgreSQL killed outright (SIGKILL) is started again by the project's own
process when it cannot reach it, with no manage.py command run by a person."""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# A project process: joins the server, then on each line read tries a query, and if it
# fails starts the server again the way a failed request does.
PROCESS = """
import pathlib, sys, time
import psycopg2
from newsroom import db
socket_dir = db.start_embedded_server(pathlib.Path(sys.argv[1]))
print("ready", flush=True)
for line in sys.stdin:
    try:
        psycopg2.connect(host=str(socket_dir), user="postgres", dbname="newsroom").close()
        print("up", flush=True)
    except psycopg2.OperationalError:
        db._embedded["checked"] = 0.0
        print("revived" if db.revive_embedded_server() else "not revived", flush=True)
"""

pytestmark = pytest.mark.slow


@pytest.fixture
def data_dir():
    folder = Path(tempfile.mkdtemp(prefix="pg", dir="/tmp"))  # a socket path stays short
    yield folder / "pg"
    postmaster = folder / "pg" / "postmaster.pid"
    if postmaster.exists():  # a failed test leaves no server behind
        try:
            os.kill(int(postmaster.read_text().split()[0]), signal.SIGINT)
            time.sleep(1)
        except ProcessLookupError:
            pass
    shutil.rmtree(folder, ignore_errors=True)


def ask(process: subprocess.Popen) -> str:
    process.stdin.write("?\n")
    process.stdin.flush()
    return process.stdout.readline().strip()


def project_process(data_dir: Path) -> subprocess.Popen:
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", PROCESS, str(data_dir)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline() == "ready\n"
    return process


def leave(process: subprocess.Popen) -> None:
    process.stdin.close()
    process.wait(timeout=60)


def test_a_killed_embedded_server_is_started_again_by_the_process_that_cannot_reach_it(data_dir):
    first, second = project_process(data_dir), project_process(data_dir)
    try:
        assert ask(first) == "up"
        postmaster = int((data_dir / "postmaster.pid").read_text().split()[0])
        os.kill(postmaster, signal.SIGKILL)
        time.sleep(0.5)

        assert ask(first) == "revived"
        assert ask(first) == "up"
        assert ask(second) == "up"
        assert int((data_dir / "postmaster.pid").read_text().split()[0]) != postmaster
    finally:
        leave(first)
        assert (data_dir / "postmaster.pid").exists()  # the second still uses it
        leave(second)
    # The last to leave stops the server it did not start itself.
    assert not (data_dir / "postmaster.pid").exists()
