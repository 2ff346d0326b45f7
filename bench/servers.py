"""gunicorn for the benchmark: started in its own process group on 127.0.0.1, stopped
whatever happens, its workers' memory watched while it serves and the processor time it
costs counted."""

import dataclasses
import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

BASE_DIR = Path(__file__).resolve().parent.parent
# Two cores: one worker more than cores keeps both busy while a worker waits on PostgreSQL,
# and more than that only adds context switches next to PostgreSQL and wrk on the same cores.
WORKERS = 3


def gunicorn_options(workers: int) -> list[str]:
    return [
        f"--workers={workers}",
        "--worker-class=sync",
        "--max-requests=0",
        "--timeout=30",
        "--log-level=warning",
    ]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """``with Server(app, env=…, log=…) as server:`` gunicorn serving ``app`` on
    127.0.0.1:``server.port`` until the block exits, by any route. ``python`` and
    ``chdir`` serve another project from its own virtualenv (the Wagtail peer)."""

    def __init__(
        self,
        app: str,
        *,
        env: dict[str, str],
        log: Path,
        workers: int = WORKERS,
        python: str = sys.executable,
        chdir: Path = BASE_DIR,
    ):
        self.app, self.env, self.log, self.workers = app, env, log, workers
        self.python, self.chdir = python, chdir
        self.port = free_port()
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(  # noqa: S603 - a fixed argument list, no shell
            [
                self.python,
                "-m",
                "gunicorn",
                f"--bind=127.0.0.1:{self.port}",
                f"--chdir={self.chdir}",
                f"--error-logfile={self.log}",
                *gunicorn_options(self.workers),
                self.app,
            ],
            env=self.env,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: Ctrl-C here reaches us only
        )
        try:
            self._wait_until_listening()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def _wait_until_listening(self, timeout: float = 60) -> None:
        """Until it answers HTTP (any status) with all its workers up."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", "/api/v1/")
                connection.getresponse().read()
                connection.close()
            except OSError:
                time.sleep(0.2)
                continue
            if len(self.worker_pids()) == self.workers:
                return
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer within {timeout:.0f} s; see {self.log}")

    def worker_pids(self) -> list[int]:
        try:
            return [child.pid for child in psutil.Process(self.process.pid).children()]
        except psutil.NoSuchProcess:
            return []

    def stop(self) -> None:
        """SIGTERM to the whole group (graceful), SIGKILL if it lingers."""
        if self.process is None:
            return
        group = self.process.pid  # start_new_session made gunicorn its group's leader
        try:
            os.killpg(group, signal.SIGTERM)
            self.process.wait(timeout=15)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(group, signal.SIGKILL)
            self.process.wait()


@dataclasses.dataclass(frozen=True)
class CpuUse:
    """CPU seconds spent so far: by one server's gunicorn processes, by PostgreSQL's, and by
    the whole machine (wrk, the kernel's network work and anything else included). Two
    readings taken around a load give what the load cost each of them."""

    server: float
    postgres: float
    machine: float

    @classmethod
    def now(cls, server: "Server") -> "CpuUse":
        processes = [psutil.Process(server.process.pid), *map(psutil.Process, server.worker_pids())]
        databases = [p for p in psutil.process_iter(["name"]) if p.info["name"] == "postgres"]
        machine = psutil.cpu_times()
        return cls(
            server=_cpu_seconds(processes),
            postgres=_cpu_seconds(databases),
            machine=machine.user + machine.nice + machine.system + machine.irq + machine.softirq,
        )

    def __add__(self, other: "CpuUse") -> "CpuUse":
        pairs = zip(dataclasses.astuple(self), dataclasses.astuple(other), strict=True)
        return CpuUse(*map(sum, pairs))

    def __sub__(self, other: "CpuUse") -> "CpuUse":
        return self + CpuUse(-other.server, -other.postgres, -other.machine)


def _cpu_seconds(processes) -> float:
    """User and system CPU of ``processes``, those gone since they were listed left out."""
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


class PeakMemory(threading.Thread):
    """Samples the resident memory of each server's workers until ``stop()``; ``peak[name]``
    is the largest any one worker of that server reached, in bytes."""

    def __init__(self, servers: dict[str, Server], interval: float = 0.2):
        super().__init__(daemon=True)
        self.servers, self.interval = servers, interval
        self.peak = dict.fromkeys(servers, 0)
        self._stopped = threading.Event()

    def run(self):
        while not self._stopped.wait(self.interval):
            for name, server in self.servers.items():
                for pid in server.worker_pids():
                    try:
                        rss = psutil.Process(pid).memory_info().rss
                    except psutil.NoSuchProcess:
                        continue
                    self.peak[name] = max(self.peak[name], rss)

    def stop(self):
        self._stopped.set()
        self.join()


def settle_database(databases: list[str], most_seconds: float = 60, quiet_seconds: float = 1):
    """Cancel the queries still running on ``databases`` once a server's turn is over,
    until none has run for ``quiet_seconds``; return how many were cancelled.

    A request wrk gave up on still runs: the peer's list pages at 1,000,000 articles take
    longer than gunicorn's 30 s, and the requests left in its workers' queue kept
    PostgreSQL and both cores busy into the next servers' turns (the floor's too). Needs
    Django set up; only client backends are cancelled, never this process's own."""
    from django.db import connection  # noqa: PLC0415 - set up by the caller

    cancelled, quiet_since = set(), time.monotonic()  # (backend, when its query started)
    deadline = quiet_since + most_seconds
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            # Chosen first, then cancelled: in one WHERE, PostgreSQL may call
            # pg_cancel_backend before it has left out this very backend. The activity
            # read afresh each time, even inside a transaction.
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "WITH running AS MATERIALIZED (SELECT pid, query_start FROM pg_stat_activity"
                " WHERE backend_type = 'client backend' AND state = 'active'"
                " AND datname = ANY(%s) AND pid <> pg_backend_pid())"
                " SELECT pid, query_start FROM running WHERE pg_cancel_backend(pid)",
                [databases],
            )
            running = cursor.fetchall()
            cancelled.update(running)
            if running:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= quiet_seconds:
                break
            time.sleep(0.1)
    return len(cancelled)
