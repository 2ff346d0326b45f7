"""The embedded PostgreSQL is shared by the project's processes and stopped by the last."""

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
USE_THE_SERVER = """
import pathlib, sys
from newsroom.db import start_embedded_server
start_embedded_server(pathlib.Path(sys.argv[1]))
print("ready", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def data_dir():
    folder = Path(tempfile.mkdtemp(prefix="pg", dir="/tmp"))  # a socket path stays short
    yield folder / "pg"
    postmaster = folder / "pg" / "postmaster.pid"
    if postmaster.exists():  # a failed test leaves no server behind
        os.kill(int(postmaster.read_text().split()[0]), signal.SIGINT)
        time.sleep(1)
    shutil.rmtree(folder, ignore_errors=True)


def project_process(data_dir: Path) -> subprocess.Popen:
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", USE_THE_SERVER, str(data_dir)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline() == "ready\n"
    return process


def server_runs(data_dir: Path) -> bool:
    return (data_dir / "postmaster.pid").exists()


def leave(process: subprocess.Popen, how: str) -> None:
    if how == "exit":
        process.stdin.close()
    elif how == "SIGTERM":
        process.terminate()
    else:
        process.kill()
    process.wait(timeout=30)


@pytest.mark.parametrize("how", ["exit", "SIGTERM"])
def test_the_server_stops_when_the_last_process_leaves(data_dir, how):
    first, second = project_process(data_dir), project_process(data_dir)

    leave(first, how)
    assert server_runs(data_dir)
    leave(second, how)
    assert not server_runs(data_dir)


def test_a_process_killed_outright_does_not_keep_the_server_running_for_ever(data_dir):
    killed = project_process(data_dir)
    leave(killed, "SIGKILL")
    assert server_runs(data_dir)  # nobody could stop it then

    later = project_process(data_dir)
    leave(later, "exit")
    assert not server_runs(data_dir)
