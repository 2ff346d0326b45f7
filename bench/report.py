"""The results in Markdown, judged against issue 7's targets, and written into the
"## API load" section of docs/benchmarks.md without touching the rest of the file.

Each archive size has its own block between markers, so a run at 1,000,000 articles sits
beside the run at 100,000 instead of replacing it; text outside the markers is kept.
"""

import re
from dataclasses import astuple, dataclass
from pathlib import Path

from bench.servers import CpuUse
from bench.wrk import Load

HEADING = "## API load"
P99_LIMIT_MS = 50
MAX_QUERIES = 3
MAX_WORKER_RSS_MB = 200


@dataclass(frozen=True)
class Row:
    endpoint: str
    app: Load
    floor: Load
    queries: int
    floor_share: float | None = None  # the share of the floor's req/s required, if any
    app_cpu: CpuUse | None = None  # what the app's rounds cost the machine's processors
    floor_cpu: CpuUse | None = None

    @property
    def share(self) -> float:
        return self.app.rps / self.floor.rps if self.floor.rps else 0.0

    def cpu_per_request(self) -> tuple[str, str]:
        """Milliseconds of CPU a request cost: the app's gunicorn processes, PostgreSQL, and
        the rest of the machine (wrk, the kernel's network work); and the floor's whole."""
        if self.app_cpu is None or self.floor_cpu is None:
            return "", ""
        app, requests = self.app_cpu, self.app.requests
        server, postgres, machine = (1000 * s / requests for s in astuple(app))
        rest = machine - server - postgres
        floor = 1000 * self.floor_cpu.machine / self.floor.requests
        return f"{server:.2f} + {postgres:.2f} + {rest:.2f} = {machine:.2f}", f"{floor:.2f}"

    def misses(self) -> list[str]:
        """What this row misses of the targets; empty when it meets them all."""
        misses = []
        if self.floor_share is not None and self.share < self.floor_share:
            misses.append(f"floor share < {self.floor_share:.0%}")
        if self.app.p99_ms >= P99_LIMIT_MS:
            misses.append(f"p99 ≥ {P99_LIMIT_MS} ms")
        if self.app.errors:
            misses.append("errors")
        if self.queries > MAX_QUERIES:
            misses.append(f"> {MAX_QUERIES} queries")
        return misses


def table(rows: list[Row]) -> str:
    lines = [
        "| endpoint | req/s | p50 | p99 | errors | queries (uncached) | floor req/s | floor p99 "
        "| share of floor (target) | verdict | CPU ms a request: app + PostgreSQL + rest "
        "| floor's |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
    ]
    for row in rows:
        target = f" (≥ {row.floor_share:.0%})" if row.floor_share is not None else ""
        misses = row.misses()
        cpu, floor_cpu = row.cpu_per_request()
        lines.append(
            f"| {row.endpoint} | {row.app.rps:,.0f} | {row.app.p50_ms:.1f} ms "
            f"| {row.app.p99_ms:.1f} ms | {row.app.errors:,} | {row.queries} "
            f"| {row.floor.rps:,.0f} | {row.floor.p99_ms:.1f} ms | {row.share:.0%}{target} "
            f"| {'**miss**: ' + ', '.join(misses) if misses else 'pass'} "
            f"| {cpu} | {floor_cpu} |"
        )
    return "\n".join(lines)


def memory_line(peak_mb: float, floor_peak_mb: float) -> str:
    verdict = "pass" if peak_mb < MAX_WORKER_RSS_MB else "**miss**"
    return (
        f"Peak RSS of one gunicorn worker: {peak_mb:.0f} MB "
        f"(target < {MAX_WORKER_RSS_MB} MB: {verdict}); floor worker {floor_peak_mb:.0f} MB."
    )


def write_block(
    path: Path, key: str, block: str, *, heading: str = HEADING, marker: str = "api-load"
) -> None:
    """Put ``block`` between this ``key``'s markers in the ``heading`` section of ``path``
    (the API load section unless told otherwise)."""
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    start, end = f"<!-- {marker} {key} start -->", f"<!-- {marker} {key} end -->"
    marked = f"{start}\n{block.strip()}\n{end}"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + marked + rest.split(end, 1)[1]
    else:
        section = re.search(rf"^{re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
        if section is None:
            text = f"{text.rstrip()}\n\n{heading}\n\n{marked}\n"
        else:
            at = section.end()
            text = f"{text[:at].rstrip()}\n\n{marked}\n\n{text[at:].lstrip()}".rstrip() + "\n"
    path.write_text(text)


def replace_section(text: str, heading: str, section: str) -> str:
    """``text`` with the section under ``heading`` (a ``## `` line) replaced by ``section``
    (or added at the end), the rest of the file kept."""
    lines = text.splitlines()
    if heading not in lines:
        return text.rstrip("\n") + "\n\n" + section
    start = lines.index(heading)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    after = "\n".join(lines[end:])
    return "\n".join(lines[:start]) + "\n" + section + ("\n" + after + "\n" if after else "")
