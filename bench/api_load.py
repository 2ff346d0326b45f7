"""``make bench``: the public API under gunicorn with production settings, loaded by wrk
beside the floor (the same responses replayed by a trivial WSGI app); the results go to
the "## API load" section of docs/benchmarks.md.

Settings, from the environment: ``BENCH_ARTICLES`` (generated articles, default 100000),
``BENCH_SECONDS`` (of load per endpoint and server, default 15), ``BENCH_ROUNDS`` (they
alternate the app and the floor, default 3), ``BENCH_WARMUP`` (seconds, default 3),
``BENCH_WORKERS`` (default 3), ``BENCH_RERENDER=1`` (re-render every public copy, to time
it), ``BENCH_WARM=0`` (render no copy beforehand: the first request for an article renders
its own, as after a bulk import), ``BENCH_CACHE_MB`` (each worker's cache of public
responses, default 32; 0 measures every request uncached), and ``DATABASE_URL`` (else the
embedded server). Load goes to 127.0.0.1 only;
gunicorn's logs and the floor's recording are left in var/bench/.
"""

import dataclasses
import os
import platform
import secrets
import shutil
import signal
import sys
from pathlib import Path

import django
import gunicorn
from django.conf import settings
from django.db import connection
from django.utils import timezone

from bench import floor, report, servers, wrk
from newsroom.db import url_of

DOCS = servers.BASE_DIR / "docs" / "benchmarks.md"
WORK_DIR = servers.BASE_DIR / "var" / "bench"
# Production settings, as docker-compose runs them, but serving 127.0.0.1 only.
SETTINGS = {
    "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    "DEBUG": "0",
    "ALLOWED_HOSTS": "127.0.0.1",
}


@dataclasses.dataclass(frozen=True)
class Knobs:
    """This run's settings: each field can be set by BENCH_<FIELD> in the environment."""

    articles: int = 100_000
    seconds: int = 15
    rounds: int = 3
    warmup: int = 3
    workers: int = servers.WORKERS
    rerender: int = 0
    warm: int = 1
    cache_mb: int = 32

    @classmethod
    def from_environment(cls) -> "Knobs":
        names = {f"BENCH_{field.name.upper()}": field.name for field in dataclasses.fields(cls)}
        return cls(**{names[k]: int(v) for k, v in os.environ.items() if k in names})

    def key(self) -> str:
        """Which block of docs/benchmarks.md this run replaces."""
        return f"{self.articles}" + ("" if self.cache_mb else "-uncached")

    def command(self) -> str:
        """The command that makes this run; of DATABASE_URL only the database's name, since
        the URL may hold a password."""
        defaults = Knobs()
        words = [
            f"BENCH_{field.name.upper()}={getattr(self, field.name)}"
            for field in dataclasses.fields(self)
            if getattr(self, field.name) != getattr(defaults, field.name)
        ]
        if url := os.environ.get("DATABASE_URL"):
            words.insert(0, f"DATABASE_URL=postgres://…/{url.rsplit('/', 1)[1]}")
        return " ".join([*words, ".venv/bin/python -m bench.api_load"])


def say(message: str) -> None:
    sys.stdout.write(message + "\n")
    sys.stdout.flush()


def main() -> None:
    wrk.executable()  # before anything slow: exits saying how to install it
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that finally blocks run
    knobs = Knobs.from_environment()
    os.environ.update(SETTINGS)
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    django.setup()
    # Only now: these load the models, which needs the settings chosen above.
    from bench import archive, endpoints

    say(f"Archive: {knobs.articles:,} generated articles")
    archive.migrate()
    archive.ensure_articles(knobs.articles)
    archive.ensure_reference_article()
    rendered, render_seconds = 0, 0.0
    if knobs.warm or knobs.rerender:
        say("Rendering the missing public copies")
        rendered, render_seconds = archive.warm_copies(say, every=bool(knobs.rerender))
    archive.analyze()
    facts = {
        "size": archive.size(),
        "rendered": rendered,
        "render_seconds": render_seconds,
        "postgres": database_version(),
    }
    picked = endpoints.pick(cached=knobs.cache_mb > 0)
    queries = {endpoint.name: endpoints.queries_per_request(endpoint) for endpoint in picked}
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "RESPONSE_CACHE_MB": str(knobs.cache_mb),
    }
    connection.close()  # the servers alone use the database from here on

    shutil.rmtree(WORK_DIR, ignore_errors=True)
    WORK_DIR.mkdir(parents=True)
    facts["load_average"] = os.getloadavg()[0]
    rows, peak = serve_and_load(knobs, picked, queries, env)
    block = describe(knobs, facts, picked, rows, peak)
    report.write_block(DOCS, knobs.key(), block)
    say(f"\n{block}\n\nWritten to {DOCS.relative_to(servers.BASE_DIR)}")


def database_url() -> str:
    """The database as production names it, a URL (hence persistent connections), even
    when it is the embedded server."""
    if url := os.environ.get("DATABASE_URL"):
        return url
    return url_of(settings.DATABASES["default"])


def database_version() -> str:
    version = connection.pg_version  # e.g. 180006
    return f"{version // 10000}.{version % 100}"


def serve_and_load(knobs, picked, queries, env):
    """Start the app, record its responses, start the floor replaying them, load both."""
    app_log, floor_log = WORK_DIR / "app.log", WORK_DIR / "floor.log"
    app_name = "newsroom.wsgi:application"
    with servers.Server(app_name, env=env, log=app_log, workers=knobs.workers) as app:
        recorded = [
            floor.record(app.port, target, endpoint.headers.get("If-None-Match", ""))
            for endpoint in picked
            for target in endpoint.targets
        ]
        if failed := [r for r in recorded if not r.status.startswith(("200", "304"))]:
            sys.exit(f"{failed[0].target} answered {failed[0].status}; see {app_log}")
        floor.save(recorded, WORK_DIR / "floor.json")
        floor_name = f"bench.floor:make_app({str(WORK_DIR / 'floor.json')!r})"
        trip_name = floor_name.replace("make_app(", "make_app_with_round_trip(")
        trip_log = WORK_DIR / "floor-round-trip.log"
        with (
            servers.Server(floor_name, env=env, log=floor_log, workers=knobs.workers) as bare,
            servers.Server(trip_name, env=env, log=trip_log, workers=knobs.workers) as trip,
        ):
            return measure(knobs, picked, queries, app, bare, trip)


ROUND_TRIP_ROW = "the floor + one PostgreSQL round trip (`SELECT 1`), on the first row's targets"


def measure(knobs, picked, queries, app, bare, trip):
    """wrk on each endpoint in rounds alternating the app and the floor (``bare``), so
    that both share whatever else the machine is doing; on the first endpoint, the floor
    with one database round trip (``trip``) takes its turn too."""
    memory = servers.PeakMemory({"app": app, "floor": bare})
    memory.start()
    rows = []
    try:
        for index, endpoint in enumerate(picked):
            targets = WORK_DIR / f"targets-{index}.txt"
            targets.write_text("\n".join(endpoint.targets) + "\n")
            runs = {app: [], bare: [], **({trip: []} if index == 0 else {})}
            used = dict.fromkeys(runs, servers.CpuUse(0, 0, 0))
            for server in runs:
                wrk.run(server.port, targets, endpoint.headers, knobs.warmup)
            for _ in range(knobs.rounds):
                for server in runs:
                    seconds = knobs.seconds // knobs.rounds
                    before = servers.CpuUse.now(server)
                    runs[server].append(wrk.run(server.port, targets, endpoint.headers, seconds))
                    used[server] += servers.CpuUse.now(server) - before
            app_load, floor_load, *trip_load = (wrk.combined(loads) for loads in runs.values())
            name, share = endpoint.name, endpoint.floor_share
            cpu = used[app], used[bare]
            row = report.Row(name, app_load, floor_load, queries[name], share, *cpu)
            rows.append(row)
            if trip_load:
                trip_cpu = used[trip], used[bare]
                trip_row = report.Row(ROUND_TRIP_ROW, trip_load[0], floor_load, 1, None, *trip_cpu)
                rows.append(trip_row)
            say(
                f"{row.endpoint}: {row.app.rps:,.0f} req/s, p99 {row.app.p99_ms:.1f} ms, "
                f"{row.share:.0%} of the floor's {row.floor.rps:,.0f} req/s, "
                f"{row.queries} queries, {row.app.errors} errors"
            )
    finally:
        memory.stop()
    return rows, memory.peak


def describe(knobs, facts, picked, rows, peak) -> str:
    """The Markdown block of this run: the command, the archive, the machine, the table."""
    size, rendered, took = facts["size"], facts["rendered"], facts["render_seconds"]
    rate = f" ({rendered / took:,.0f} articles/s)" if rendered else ""
    return "\n".join(
        [
            f"### {knobs.articles:,} generated articles, "
            + (
                f"{knobs.cache_mb} MB response cache per worker"
                if knobs.cache_mb
                else "no response cache (every request uncached)"
            )
            + f" ({timezone.localdate():%Y-%m-%d})",
            "",
            f"- Command: `{knobs.command()}` (run by `make bench`).",
            f"- Archive: {size['articles']:,} articles ({size['public']:,} public, "
            f"{size['generated']:,} generated). Public copies rendered before the run: "
            f"{rendered:,} in {took:.1f} s{rate}.",
            f"- Machine: {cpu_model()}, {os.cpu_count()} cores, {memory_gb():.1f} GB; "
            f"Linux {platform.release()}, Python {platform.python_version()}, "
            f"PostgreSQL {facts['postgres']} on the same machine; 1-minute load average "
            f"{facts['load_average']:.1f} when the load started.",
            f"- gunicorn {gunicorn.__version__}: "
            f"`{' '.join(servers.gunicorn_options(knobs.workers))}`, bound to 127.0.0.1, "
            "DEBUG=0, persistent database connections (`DATABASE_URL`), "
            f"`RESPONSE_CACHE_MB={knobs.cache_mb}`.",
            f"- wrk: {wrk.CONNECTIONS} connections, {wrk.THREADS} threads, timeout "
            f"{wrk.TIMEOUT}. Per endpoint: {knobs.warmup} s of warm-up, then {knobs.rounds} "
            f"rounds of {knobs.seconds // knobs.rounds} s alternating the app and the floor; "
            "p50 is the rounds' median, p99 the worst round's.",
            "- Targets:",
            *(f"  - {endpoint.name}: `{endpoint.shown}`" for endpoint in picked),
            "",
            report.table(rows),
            "",
            report.memory_line(peak["app"] / 2**20, peak["floor"] / 2**20),
        ]
    )


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.machine()


def memory_gb() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 2**20
    return 0.0


if __name__ == "__main__":
    main()
