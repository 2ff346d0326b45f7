"""Newsroom beside a Wagtail 8 peer (issue 17), in one run: the same generated articles,
the same PostgreSQL, the same gunicorn settings and the same wrk load, on article detail,
the first list page and a list page deep in the archive. Five servers are up together and
take turns on each request, round by round, so that whatever else the machine does weighs
on all alike: Newsroom without and with its response cache, the peer without and with
Django's per-site cache, and the floor (Newsroom's own responses replayed by a trivial
WSGI function). The block goes to the "## Side by side with Wagtail" section of
docs/benchmarks.md.

``make bench`` runs ``python -m bench.side_by_side`` right after ``bench.api_load``, on the
same archive and with the same ``BENCH_*`` settings (``BENCH_PEER=0`` leaves it out;
``BENCH_ARTICLES=2000 BENCH_SECONDS=5 BENCH_ROUNDS=1`` for a smoke run). It imports
``api_load`` for its settings and machine facts, never the other way round.
"""

import os
import platform
import secrets
import signal
import sys
from contextlib import ExitStack
from dataclasses import dataclass

import dj_database_url
import django
import gunicorn
from django.utils import timezone

from bench import api_load, floor, report, servers, wagtail, wrk

HEADING = "## Side by side with Wagtail"
MARKER = "side-by-side"
WORK_DIR = servers.BASE_DIR / "var" / "bench"
NEWSROOM_CACHE_MB = 32
# Issue 17: Newsroom ÷ Wagtail, the cache off, at 100,000 and 1,000,000 articles.
DETAIL_TARGET, LIST_TARGET = 10, 100
# The columns, in the order the servers take their turns.
NEWSROOM_OFF, NEWSROOM_ON = "Newsroom, no cache", "Newsroom, cache"
WAGTAIL_OFF, WAGTAIL_ON = "Wagtail, no cache", "Wagtail, cache"
FLOOR = "floor"
COLUMNS = (NEWSROOM_OFF, NEWSROOM_ON, WAGTAIL_OFF, WAGTAIL_ON, FLOOR)


@dataclass(frozen=True)
class Request:
    """One row: what wrk asks of Newsroom (and the floor) and of the peer."""

    name: str
    newsroom: tuple[str, ...]
    wagtail: tuple[str, ...]
    target: float | None = None  # Newsroom ÷ Wagtail, no cache, issue 17 asks at least


def requests(peer_url: str) -> list[Request]:
    """The same public articles on both sides, the first list page, and a page 95% of
    the way back (Newsroom by date, the way its API pages; the peer by offset)."""
    from articles.models import Article
    from bench import endpoints
    from demo.cast import PREFIX

    slugs = list(
        Article.objects.public()
        .filter(slug__startswith=PREFIX)
        .order_by("?")
        .values_list("slug", flat=True)[: endpoints.ROTATING_ARTICLES]
    )
    ids = wagtail.page_ids(peer_url, slugs)
    deep = f"/api/v1/articles/?published_to={endpoints._deep_date():%Y-%m-%d}"
    return [
        Request(
            f"article detail ({len(slugs):,} articles)",
            tuple(f"/api/v1/articles/{slug}/" for slug in slugs),
            tuple(f"/api/v2/pages/{pk}/" for pk in ids),
            DETAIL_TARGET,
        ),
        Request("list, first page", ("/api/v1/articles/",), (wagtail.LIST,), LIST_TARGET),
        Request("list, 95% back", (deep,), (wagtail.deep_list(peer_url),), LIST_TARGET),
    ]


def run(knobs, env: dict[str, str], facts: dict, command: str) -> str:
    """Prepare the peer, serve all five, load them, write the block; return it."""
    from django.db import connection

    WORK_DIR.mkdir(parents=True, exist_ok=True)
    peer_url = wagtail.prepare(api_load.say, env["DATABASE_URL"], WORK_DIR)
    asked = requests(peer_url)
    connection.close()
    facts = {**facts, "load_average": os.getloadavg()[0]}
    loads, peak = serve_and_load(knobs, env, peer_url, asked)
    block = describe(knobs, facts, asked, loads, peak, command)
    docs = api_load.DOCS
    report.write_block(docs, str(knobs.articles), block, heading=HEADING, marker=MARKER)
    api_load.say(f"\n{block}\n\nWritten to {docs.relative_to(servers.BASE_DIR)}")
    return block


def serve_and_load(knobs, env, peer_url, asked):
    newsroom = "newsroom.wsgi:application"
    workers = knobs.workers
    with ExitStack() as stack:
        up = {
            NEWSROOM_OFF: servers.Server(
                newsroom,
                env={**env, "RESPONSE_CACHE_MB": "0"},
                log=WORK_DIR / "side-newsroom-off.log",
                workers=workers,
            ),
            NEWSROOM_ON: servers.Server(
                newsroom,
                env={**env, "RESPONSE_CACHE_MB": str(knobs.cache_mb or NEWSROOM_CACHE_MB)},
                log=WORK_DIR / "side-newsroom-on.log",
                workers=workers,
            ),
            WAGTAIL_OFF: wagtail.server(
                peer_url, cached=False, log=WORK_DIR / "side-wagtail-off.log", workers=workers
            ),
            WAGTAIL_ON: wagtail.server(
                peer_url, cached=True, log=WORK_DIR / "side-wagtail-on.log", workers=workers
            ),
        }
        for server in up.values():
            stack.enter_context(server)
        recorded = [floor.record(up[NEWSROOM_OFF].port, t) for r in asked for t in r.newsroom]
        for name, targets in ((NEWSROOM_OFF, "newsroom"), (WAGTAIL_OFF, "wagtail")):
            for request in asked:
                target = getattr(request, targets)[0]
                answer = floor.record(up[name].port, target)
                if not answer.status.startswith("200"):
                    sys.exit(f"{name}: {target} answered {answer.status}; see {up[name].log}")
        floor.save(recorded, WORK_DIR / "side-floor.json")
        app = f"bench.floor:make_app({str(WORK_DIR / 'side-floor.json')!r})"
        up[FLOOR] = servers.Server(app, env=env, log=WORK_DIR / "side-floor.log", workers=workers)
        stack.enter_context(up[FLOOR])
        databases = [dj_database_url.parse(url)["NAME"] for url in (env["DATABASE_URL"], peer_url)]
        return measure(knobs, up, asked, databases)


def measure(knobs, up, asked, databases):
    """wrk on each request, each server in turn, in rounds; ``loads[request][column]``.
    After each turn, what is still running on ``databases`` is cancelled
    (``servers.settle_database``), so that no server's turn pays for another's."""
    memory = servers.PeakMemory(up)
    memory.start()
    loads = {}
    try:
        for index, request in enumerate(asked):
            files = {}
            for side in ("newsroom", "wagtail"):
                files[side] = WORK_DIR / f"side-targets-{index}-{side}.txt"
                files[side].write_text("\n".join(getattr(request, side)) + "\n")
            target_file = {
                column: files["wagtail" if column.startswith("Wagtail") else "newsroom"]
                for column in COLUMNS
            }
            runs = {column: [] for column in COLUMNS}
            for column in COLUMNS:
                wrk.run(up[column].port, target_file[column], {}, knobs.warmup)
                servers.settle_database(databases)
            for _ in range(knobs.rounds):
                for column in COLUMNS:
                    seconds = max(1, knobs.seconds // knobs.rounds)
                    runs[column].append(wrk.run(up[column].port, target_file[column], {}, seconds))
                    servers.settle_database(databases)
            loads[request.name] = {column: wrk.combined(runs[column]) for column in COLUMNS}
            api_load.say(
                f"{request.name}: "
                + ", ".join(f"{c} {loads[request.name][c].rps:,.0f} req/s" for c in COLUMNS)
            )
    finally:
        memory.stop()
    return loads, memory.peak


def cell(load: wrk.Load) -> str:
    errors = f", **{load.errors:,} error{'s' if load.errors > 1 else ''}**" if load.errors else ""
    return f"{load.rps:,.0f} req/s, p99 {load.p99_ms:.0f} ms{errors}"


def ratio(a: wrk.Load, b: wrk.Load, target: float | None = None) -> str:
    """``a`` ÷ ``b``; if ``b`` answered nothing in its seconds, at least ``a``'s requests in
    as many seconds (``b`` answered fewer than one)."""
    if not b.seconds:
        return "–"
    times = a.rps / b.rps if b.requests else a.rps * b.seconds
    shown = f"{times:,.1f}×" if b.requests else f"> {times:,.0f}× (none answered)"
    if target is None:
        return shown
    verdict = "pass" if times >= target else "**miss**"
    return f"{shown} (≥ {target}×: {verdict})"


def table(asked, loads) -> str:
    lines = [
        "| request | " + " | ".join(COLUMNS) + " | Newsroom ÷ Wagtail, no cache | with cache |",
        "| --- |" + " ---: |" * (len(COLUMNS) + 2),
    ]
    for request in asked:
        row = loads[request.name]
        lines.append(
            f"| {request.name} | "
            + " | ".join(cell(row[column]) for column in COLUMNS)
            + f" | {ratio(row[NEWSROOM_OFF], row[WAGTAIL_OFF], request.target)}"
            + f" | {ratio(row[NEWSROOM_ON], row[WAGTAIL_ON])} |"
        )
    return "\n".join(lines)


def describe(knobs, facts, asked, loads, peak, command) -> str:
    smoke = knobs.articles < 100_000 or knobs.seconds < 15
    title = f"### {knobs.articles:,} generated articles ({timezone.localdate():%Y-%m-%d})"
    if smoke:
        title += ": smoke run"
    lines = [title, ""]
    if smoke:
        lines += [
            f"**A smoke run on a busy machine, not a measure**: {knobs.articles:,} articles, "
            f"{knobs.seconds} s per server and request, while other work ran on the same "
            "two cores. It shows that the harness runs end to end; the issue's targets are "
            "read at 100,000 and 1,000,000 articles on a quiet machine.",
            "",
        ]
    if peer := os.environ.get("BENCH_PEER_DATABASE_URL"):
        command = f"BENCH_PEER_DATABASE_URL=postgres://…/{peer.rsplit('/', 1)[1]} {command}"
    lines += [
        f"- Command: `{command}`.",
        f"- Machine: {api_load.cpu_model()}, {os.cpu_count()} cores (`nproc`), "
        f"{api_load.memory_gb():.1f} GB RAM; Linux {platform.release()}, Python "
        f"{platform.python_version()}, PostgreSQL {facts['postgres']} on the same machine; "
        f"1-minute load average {facts['load_average']:.1f} when the load started.",
        f"- Both under gunicorn {gunicorn.__version__}: "
        f"`{' '.join(servers.gunicorn_options(knobs.workers))}`, DEBUG=0, persistent "
        "connections. Newsroom's cache: "
        f"`RESPONSE_CACHE_MB={knobs.cache_mb or NEWSROOM_CACHE_MB}` (0 without). Wagtail "
        f"{_wagtail_version()} (bench/wagtail_peer/requirements.txt, var/wagtail-venv), "
        "API v2 pages endpoint; its cache is Django's per-site cache in each worker's "
        "memory (`PEER_CACHE=1`).",
        f"- wrk: {wrk.CONNECTIONS} connections, {wrk.THREADS} threads. Per request: "
        f"{knobs.warmup} s of warm-up on each server, then {knobs.rounds} round(s) of "
        f"{max(1, knobs.seconds // knobs.rounds)} s, the five servers in turn. The floor "
        "replays Newsroom's bytes (Wagtail's answers are larger: indented JSON).",
        "- Requests:",
    ]
    for request in asked:
        lines.append(
            f"  - {request.name}: Newsroom `{request.newsroom[0]}`{_more(request.newsroom)}, "
            f"Wagtail `{request.wagtail[0]}`{_more(request.wagtail)}"
        )
    lines += [
        "",
        table(asked, loads),
        "",
        "Peak RSS of one worker: "
        + ", ".join(f"{column} {peak[column] / 2**20:.0f} MB" for column in COLUMNS)
        + ".",
    ]
    return "\n".join(lines)


def _more(targets: tuple[str, ...]) -> str:
    return f" (+{len(targets) - 1:,} more)" if len(targets) > 1 else ""


def _wagtail_version() -> str:
    for line in wagtail.REQUIREMENTS.read_text().splitlines():
        if line.lower().startswith("wagtail=="):
            return line.split("==", 1)[1]
    return "?"


def main() -> None:
    """Alone: the archive as ``bench.api_load`` makes it, then the side by side."""
    wrk.executable()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    knobs = api_load.Knobs.from_environment()
    os.environ.update(api_load.SETTINGS)
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    django.setup()
    from bench import archive

    api_load.say(f"Archive: {knobs.articles:,} generated articles")
    archive.migrate()
    archive.ensure_articles(knobs.articles)
    if knobs.warm:
        api_load.say("Rendering the missing public copies")
        archive.warm_copies(api_load.say)
    archive.analyze()
    env = {**os.environ, "DATABASE_URL": api_load.database_url()}
    facts = {"postgres": api_load.database_version()}
    run(knobs, env, facts, knobs.command().replace("bench.api_load", "bench.side_by_side"))


if __name__ == "__main__":
    main()
