"""Drive a server on 127.0.0.1 with wrk at fixed concurrency and read back its figures."""

import json
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).with_name("wrk.lua")
CONNECTIONS = 32
THREADS = 2
TIMEOUT = "2s"
INSTALL_HINT = "wrk is not installed: apt-get install -y wrk (Debian, Ubuntu) or brew install wrk."


@dataclass(frozen=True)
class Load:
    """What one wrk run measured. Errors are socket errors, timeouts and statuses ≥ 400."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds


def executable() -> str:
    """The path of wrk, or exit with how to install it."""
    path = shutil.which("wrk")
    if path is None:
        sys.exit(INSTALL_HINT)
    return path


def command(port: int, targets_file: Path, headers: dict[str, str], seconds: int) -> list[str]:
    options = [f"--threads={THREADS}", f"--connections={CONNECTIONS}", f"--timeout={TIMEOUT}"]
    for name, value in headers.items():
        options += ["--header", f"{name}: {value}"]
    return [
        executable(),
        *options,
        f"--duration={seconds}s",
        f"--script={SCRIPT}",
        f"http://127.0.0.1:{port}/",
        "--",
        str(targets_file),
    ]


def run(port: int, targets_file: Path, headers: dict[str, str], seconds: int) -> Load:
    """Load the server on 127.0.0.1:``port`` with the targets in ``targets_file``."""
    output = subprocess.run(  # noqa: S603 - a fixed argument list, no shell
        command(port, targets_file, headers, seconds),
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
    return parse(output)


def parse(output: str) -> Load:
    """The figures from the line wrk.lua prints at the end of wrk's own report."""
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    figures = json.loads(line.removeprefix("BENCH "))
    errors = sum(figures[kind] for kind in ("connect", "read", "write", "status", "timeout"))
    return Load(
        requests=figures["requests"],
        seconds=figures["duration_us"] / 1e6,
        p50_ms=figures["p50_us"] / 1000,
        p99_ms=figures["p99_us"] / 1000,
        errors=errors,
    )


def combined(loads: list[Load]) -> Load:
    """Rounds of one measure as one: all their requests over all their time, the median
    p50 and the worst p99."""
    return Load(
        requests=sum(load.requests for load in loads),
        seconds=sum(load.seconds for load in loads),
        p50_ms=statistics.median(load.p50_ms for load in loads),
        p99_ms=max(load.p99_ms for load in loads),
        errors=sum(load.errors for load in loads),
    )
