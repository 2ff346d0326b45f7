"""The soak test (``make soak``): the project under load loses its database and recovers.

It starts the embedded PostgreSQL in a folder of its own, gunicorn with two workers and
the task worker, then for ``--seconds`` drives the public API (readers) and a stream of
editor writes (people created through the API with a newsroom token). After a third of the
time it kills PostgreSQL's postmaster with SIGKILL and lets the project start it again.
It reports the requests served, the answers by status before, during and after the
outage, how long recovery took, and whether every write acknowledged with a 2xx is in the
database; the report goes to stdout and to the "## Soak" section of docs/benchmarks.md.

Only 127.0.0.1 is ever addressed; every loop is bounded in time.
"""

import argparse
import json
import os
import platform
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import psutil

from bench.servers import BASE_DIR, Server

DOCS = BASE_DIR / "docs" / "benchmarks.md"
HEADING = "## Soak: PostgreSQL killed under load"
TIMEOUT = 10  # seconds a request may take before it counts as an error
NAME_PREFIX = "Personne Endurance"


@dataclass(frozen=True)
class Answer:
    kind: str  # "read" or "write"
    started: float
    ended: float
    status: int  # 0 when no HTTP answer came (timeout, connection refused)


class Soak:
    def __init__(self, args):
        self.args = args
        self.folder = Path(tempfile.mkdtemp(prefix="soak", dir="/tmp"))  # short socket path
        self.env = {
            **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
            "NEWSROOM_VAR_DIR": str(self.folder),
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DEBUG": "0",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": f"http://127.0.0.1:{args.port}",
            "LOG_FORMAT": "json",
            "API_WRITE_RATE": "1000000/minute",
            "API_AUTH_RATE": "1000/minute",
        }
        self.answers: list[Answer] = []
        self.acknowledged: list[str] = []  # names of the people created with a 2xx
        self.refused: list[str] = []  # names whose create answered anything else
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.killed_at = None
        self.load = 0.0
        self.password = secrets.token_urlsafe(16)
        self.token = ""
        self.paths = []

    def manage(self, *args: str) -> str:
        done = subprocess.run(  # noqa: S603 - our interpreter, our manage.py
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
        return done.stdout

    def prepare(self) -> None:
        say(f"soak: database and demo content in {self.folder}")
        self.manage("migrate", "--no-input", "-v", "0")
        self.manage("load_demo")
        self.manage("add_newsroom_user", "endurance", "--role", "editor", "--password",
                    self.password)  # fmt: skip

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.args.port}{path}"

    def request(self, path, *, data=None, token="") -> tuple[int, bytes]:
        headers = {"Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(data).encode()
        if token:
            headers["Authorization"] = f"Token {token}"
        request = urllib.request.Request(self.url(path), data=data, headers=headers)  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
        except (OSError, TimeoutError):
            return 0, b""

    def wait_ready(self, timeout=120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.request("/readyz")[0] == 200:
                return
            time.sleep(0.5)
        raise RuntimeError("the server never became ready")

    def log_in(self) -> None:
        status, body = self.request(
            "/api/v1/auth/token/", data={"username": "endurance", "password": self.password}
        )
        assert status == 200, (status, body)  # noqa: S101 - a broken setup stops the run
        self.token = json.loads(body)["token"]
        status, body = self.request("/api/v1/articles/")
        slugs = [article["slug"] for article in json.loads(body)["results"]][:5]
        self.paths = [
            "/api/v1/articles/",
            "/api/v1/sections/",
            "/api/v1/people/",
            *[f"/api/v1/articles/{slug}/" for slug in slugs],
        ]

    def record(self, answer: Answer) -> None:
        with self.lock:
            self.answers.append(answer)

    def reader(self, number: int) -> None:
        turn = number
        while not self.stop.is_set():
            path = self.paths[turn % len(self.paths)]
            turn += 1
            started = time.monotonic()
            status, _ = self.request(path)
            self.record(Answer("read", started, time.monotonic(), status))
            if status != 200:
                time.sleep(0.1)

    def writer(self, number: int) -> None:
        count = 0
        while not self.stop.is_set():
            count += 1
            name = f"{NAME_PREFIX} {number}-{count}"
            person = {"name": name, "slug": f"endurance-{number}-{count}"}
            started = time.monotonic()
            status, _ = self.request("/api/v1/people/", data=person, token=self.token)
            self.record(Answer("write", started, time.monotonic(), status))
            with self.lock:
                (self.acknowledged if 200 <= status < 300 else self.refused).append(name)
            time.sleep(0.05 if 200 <= status < 300 else 0.2)

    def kill_postgres(self) -> None:
        pid = int((self.folder / "pg" / "postmaster.pid").read_text().split()[0])
        os.kill(pid, signal.SIGKILL)
        self.killed_at = time.monotonic()
        say(f"soak: PostgreSQL (pid {pid}) killed with SIGKILL")

    def drive(self) -> float:
        threads = [
            threading.Thread(target=self.reader, args=(n,), daemon=True)
            for n in range(self.args.readers)
        ] + [
            threading.Thread(target=self.writer, args=(n,), daemon=True)
            for n in range(self.args.writers)
        ]
        self.load = os.getloadavg()[0]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        self.stop.wait(self.args.seconds / 3)
        self.kill_postgres()
        self.stop.wait(started + self.args.seconds - time.monotonic())
        self.stop.set()
        for thread in threads:
            thread.join(TIMEOUT + 5)
        return started

    def people_in_database(self) -> set[str]:
        script = (
            "import json; from articles.models import Person; "
            f"print(json.dumps(list(Person.objects.filter(name__startswith='{NAME_PREFIX}')"
            ".values_list('name', flat=True))))"
        )
        return set(json.loads(self.manage("shell", "-c", script).strip().splitlines()[-1]))

    def run(self) -> str:
        self.prepare()
        server = Server("newsroom.wsgi:application", env=self.env,
                        log=self.folder / "gunicorn.log", workers=2)  # fmt: skip
        server.port = self.args.port
        worker_log = (self.folder / "worker.log").open("w")
        worker = subprocess.Popen(  # noqa: S603 - our interpreter, our manage.py
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"],
            cwd=BASE_DIR,
            env=self.env,
            stdout=worker_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            with server:
                self.wait_ready()
                self.log_in()
                started = self.drive()
                ended = time.monotonic()
                time.sleep(1)
                self.wait_ready(timeout=60)
                stored = self.people_in_database()
                worker_alive = worker.poll() is None
                gunicorn_workers = len(psutil.Process(server.process.pid).children())
        finally:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
                worker.wait(30)
            worker_log.close()
        time.sleep(2)  # the last process to leave stops PostgreSQL
        report = self.report(started, ended, stored, worker_alive, gunicorn_workers)
        if not self.args.keep:
            shutil.rmtree(self.folder, ignore_errors=True)
        return report

    def report(self, started, ended, stored, worker_alive, gunicorn_workers) -> str:
        after_kill = [a for a in self.answers if a.started >= self.killed_at]
        first_ok = {
            kind: next(
                (a.ended for a in sorted(after_kill, key=lambda a: a.started)
                 if a.kind == kind and 200 <= a.status < 300),
                None,
            )
            for kind in ("read", "write")
        }  # fmt: skip
        recovered = max((t for t in first_ok.values() if t is not None), default=ended)
        last_error = max(
            (a.ended for a in after_kill if not 200 <= a.status < 300), default=self.killed_at
        )
        phases = {
            "before the kill (sent before)": [
                a for a in self.answers if a.started < self.killed_at
            ],
            "outage (kill to recovery)": [a for a in after_kill if a.started < recovered],
            "after recovery": [a for a in after_kill if a.started >= recovered],
        }
        missing = sorted(set(self.acknowledged) - stored)
        refused_but_stored = sorted(set(self.refused) & stored)
        lines = [
            f"Run of `make soak` on {time.strftime('%Y-%m-%d')}: {platform.machine()}, "
            f"{psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB, "
            f"Python {platform.python_version()}; embedded PostgreSQL, gunicorn with 2 sync "
            f"workers and `manage.py db_worker`; {self.args.readers} reader threads and "
            f"{self.args.writers} writer threads (POST /api/v1/people/ with an editor's "
            f"token) for {ended - started:.0f} s; the postmaster killed with SIGKILL at "
            f"{self.killed_at - started:.0f} s. Load average when it started: "
            f"{self.load:.1f} (other work shares the cores).",
            "",
            "| phase | requests | answers by status |",
            "| --- | ---: | --- |",
        ]
        for phase, answers in phases.items():
            counts = Counter(a.status for a in answers)
            shown = ", ".join(
                f"{status or 'no answer'}: {count:,}" for status, count in sorted(counts.items())
            )
            lines.append(f"| {phase} | {len(answers):,} | {shown} |")
        served = sum(1 for a in self.answers if 200 <= a.status < 300)
        errors_5xx = Counter(a.status for a in self.answers if a.status >= 500 or a.status == 0)
        lines += [
            "",
            f"- Requests: {len(self.answers):,} ({served:,} answered 2xx, "
            f"{len(self.answers) / (ended - started):.0f}/s on average).",
            f"- Errors other than 503 during the outage: "
            f"{sum(v for k, v in errors_5xx.items() if k != 503):,} "
            f"(500s: {errors_5xx.get(500, 0)}, no answer within {TIMEOUT} s: "
            f"{errors_5xx.get(0, 0)}).",
            f"- Time to recover (kill to the first 2xx): reads "
            f"{self.seconds(first_ok['read'])}, writes {self.seconds(first_ok['write'])}; "
            f"last error {last_error - self.killed_at:.1f} s after the kill.",
            f"- Writes acknowledged with a 2xx: {len(self.acknowledged):,}; found in the "
            f"database afterwards: {len(set(self.acknowledged) & stored):,}; missing: "
            f"{len(missing)}{' (' + ', '.join(missing[:5]) + ')' if missing else ''}.",
            f"- Writes answered with an error: {len(self.refused):,}; of which in the "
            f"database all the same: {len(refused_but_stored)}.",
            f"- After the run: task worker {'still running' if worker_alive else 'exited'}; "
            f"gunicorn workers alive: {gunicorn_workers}.",
        ]
        return "\n".join(lines)

    def seconds(self, moment) -> str:
        return "never" if moment is None else f"{moment - self.killed_at:.1f} s"


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=75)
    parser.add_argument("--port", type=int, default=8321)
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--output", type=Path, default=DOCS, help="'-' for stdout only")
    parser.add_argument("--keep", action="store_true", help="keep the data folder and logs")
    args = parser.parse_args(argv)
    report = Soak(args).run()
    say(report)
    if str(args.output) != "-":
        write_soak_section(args.output, report)
    return 0


def write_soak_section(path: Path, report: str) -> None:
    """Replace this section's body in docs/benchmarks.md (or add the section at the end)."""
    text = path.read_text()
    start, end = "<!-- soak start -->", "<!-- soak end -->"
    block = f"{start}\n{report.strip()}\n{end}"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + block + rest.split(end, 1)[1]
    else:
        text = f"{text.rstrip()}\n\n{HEADING}\n\n`make soak` (`python -m bench.soak`)\n\n{block}\n"
    path.write_text(text)


if __name__ == "__main__":
    sys.exit(main())
