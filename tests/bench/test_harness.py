"""The benchmark's own pieces, fast: the floor replays bytes, wrk's line is read, the
results table is judged and written without touching the rest of docs/benchmarks.md."""

import os
import shutil
import threading
import time

import psutil
import psycopg2
import psycopg2.errors
import pytest
from django.db import connection

from bench import api_load, floor, report, servers, wrk
from bench.wrk import Load

JSON = [("Content-Type", "application/json"), ("ETag", '"abc"')]


def call(app, path, query="", **headers):
    seen = {}

    def start_response(status, response_headers):
        seen["status"], seen["headers"] = status, dict(response_headers)

    environ = {"PATH_INFO": path, "QUERY_STRING": query, **headers}
    body = b"".join(app(environ, start_response))
    return seen["status"], seen["headers"], body


def test_floor_replays_the_recorded_status_headers_and_bytes(tmp_path):
    recorded = [
        floor.Recorded("/api/v1/articles/?q=r%C3%A9forme", "", "200 OK", JSON, "«x»".encode()),
        floor.Recorded(
            "/api/v1/articles/a/", '"abc"', "304 Not Modified", [("ETag", '"abc"')], b""
        ),
    ]
    floor.save(recorded, tmp_path / "floor.json")
    app = floor.make_app(str(tmp_path / "floor.json"))

    assert call(app, "/api/v1/articles/", "q=r%C3%A9forme") == (
        "200 OK",
        {**dict(JSON), "Content-Length": "5"},
        "«x»".encode(),
    )
    assert call(app, "/api/v1/articles/a/", HTTP_IF_NONE_MATCH='"abc"') == (
        "304 Not Modified",
        {"ETag": '"abc"', "Content-Length": "0"},
        b"",
    )
    assert call(app, "/api/v1/articles/a/")[0] == "404 Not Found"


def test_wrk_figures_are_read_from_the_script_line():
    output = "Running 1s test\n  2 threads\nBENCH " + (
        '{"requests": 3000, "duration_us": 2000000, "p50_us": 1500, "p99_us": 9000, '
        '"connect": 0, "read": 1, "write": 0, "status": 2, "timeout": 0}\n'
    )

    assert wrk.parse(output) == Load(3000, 2.0, 1.5, 9.0, 3)
    assert wrk.parse(output).rps == 1500


def test_rounds_combine_into_their_rate_median_p50_and_worst_p99():
    rounds = [
        Load(1000, 5.0, 2.0, 9.0, 0),
        Load(500, 5.0, 4.0, 30.0, 1),
        Load(900, 5.0, 3.0, 8.0, 0),
    ]

    assert wrk.combined(rounds) == Load(2400, 15.0, 3.0, 30.0, 1)


def test_the_command_shows_the_settings_changed_and_no_password(monkeypatch):
    monkeypatch.setenv("BENCH_ARTICLES", "1000000")
    monkeypatch.setenv("BENCH_SECONDS", "15")
    monkeypatch.setenv("DATABASE_URL", "postgres://user:secret@db:5432/newsroom")

    assert api_load.Knobs.from_environment().command() == (
        "DATABASE_URL=postgres://…/newsroom BENCH_ARTICLES=1000000 "
        ".venv/bin/python -m bench.api_load"
    )


def test_a_run_without_the_response_cache_keeps_its_own_block():
    assert api_load.Knobs(articles=1_000_000).key() == "1000000"
    assert api_load.Knobs(articles=1_000_000, cache_mb=0).key() == "1000000-uncached"
    assert "BENCH_CACHE_MB=0" in api_load.Knobs(cache_mb=0).command()


def test_rows_are_judged_against_the_targets():
    floor_load = Load(10_000, 10.0, 1.0, 5.0, 0)
    good = report.Row("detail", Load(8_000, 10.0, 2.0, 20.0, 0), floor_load, 1, 0.7)
    bad = report.Row("list", Load(4_000, 10.0, 8.0, 60.0, 5), floor_load, 4, 0.5)

    assert good.misses() == []
    assert bad.misses() == ["floor share < 50%", "p99 ≥ 50 ms", "errors", "> 3 queries"]
    assert report.table([good, bad]).splitlines()[2:] == [
        "| detail | 800 | 2.0 ms | 20.0 ms | 0 | 1 | 1,000 | 5.0 ms | 80% (≥ 70%) | pass |  |  |",
        "| list | 400 | 8.0 ms | 60.0 ms | 5 | 4 | 1,000 | 5.0 ms | 40% (≥ 50%) "
        "| **miss**: floor share < 50%, p99 ≥ 50 ms, errors, > 3 queries |  |  |",
    ]


def test_each_row_says_what_a_request_cost_the_app_postgresql_and_the_rest():
    row = report.Row(
        "list",
        Load(4_000, 10.0, 8.0, 20.0, 0),
        Load(10_000, 10.0, 1.0, 5.0, 0),
        1,
        app_cpu=servers.CpuUse(server=2.0, postgres=1.0, machine=4.0),
        floor_cpu=servers.CpuUse(server=1.5, postgres=0.0, machine=2.5),
    )

    assert report.table([row]).splitlines()[2].endswith("| 0.50 + 0.25 + 0.25 = 1.00 | 0.25 |")


def test_each_archive_size_has_its_block_and_other_sections_are_kept(tmp_path):
    docs = tmp_path / "benchmarks.md"
    docs.write_text("# Benchmarks\n\n## API load\n\nHow to read it.\n\n## Admin\n\nTheirs.\n")

    report.write_block(docs, "100000", "first")
    report.write_block(docs, "1000000", "big")
    report.write_block(docs, "100000", "second")

    assert docs.read_text() == (
        "# Benchmarks\n\n## API load\n\nHow to read it.\n\n"
        "<!-- api-load 100000 start -->\nsecond\n<!-- api-load 100000 end -->\n\n"
        "<!-- api-load 1000000 start -->\nbig\n<!-- api-load 1000000 end -->\n\n"
        "## Admin\n\nTheirs.\n"
    )


def test_the_section_is_added_when_missing(tmp_path):
    docs = tmp_path / "benchmarks.md"
    docs.write_text("# Benchmarks\n\n## Admin\n\nTheirs.\n")

    report.write_block(docs, "100000", "figures")

    assert docs.read_text() == (
        "# Benchmarks\n\n## Admin\n\nTheirs.\n\n## API load\n\n"
        "<!-- api-load 100000 start -->\nfigures\n<!-- api-load 100000 end -->\n"
    )


@pytest.mark.skipif(shutil.which("wrk") is None, reason=wrk.INSTALL_HINT)
def test_wrk_drives_the_floor_under_gunicorn_and_everything_stops(tmp_path):
    recorded = [floor.Recorded(f"/{n}/", "", "200 OK", JSON, b"{}") for n in range(3)]
    floor.save(recorded, tmp_path / "floor.json")
    targets = tmp_path / "targets.txt"
    targets.write_text("/0/\n/1/\n/2/\n")
    app = f"bench.floor:make_app({str(tmp_path / 'floor.json')!r})"

    with servers.Server(app, env=dict(os.environ), log=tmp_path / "log", workers=1) as server:
        before = servers.CpuUse.now(server)
        load = wrk.run(server.port, targets, {}, seconds=1)
        used = servers.CpuUse.now(server) - before
        workers = server.worker_pids()

    assert load.requests > 0
    assert load.errors == 0
    assert 0 < used.server <= used.machine
    assert server.process.poll() is not None
    assert not any(psutil.pid_exists(pid) for pid in workers)


def test_queries_are_counted_past_the_workers_response_cache(db, settings):
    """The benchmark's "queries (uncached)" column: what a miss costs, not a cache hit."""
    from django.core import signals
    from django.db import close_old_connections

    from articles import workflow
    from bench import endpoints
    from tests.factories import ArticleFactory

    workflow.publish(ArticleFactory(), by=None)
    settings.ALLOWED_HOSTS = [endpoints.HOST]
    listing = endpoints.Endpoint("list", ("/api/v1/articles/",))
    # As Django's test client does: the test's transaction is no old connection to close.
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    try:
        endpoints.get("/api/v1/articles/")  # now in the worker's cache
        assert endpoints.queries_per_request(listing) == 1
    finally:
        for signal in (signals.request_started, signals.request_finished):
            signal.connect(close_old_connections)


def test_every_search_row_is_judged_against_the_search_share():
    from bench import endpoints

    rows = endpoints.searches(0.2)
    assert len(rows) == 2 * len(endpoints.SEARCH_WORDS) + 1
    assert {row.floor_share for row in rows} == {0.2}
    assert all("ordering=" in row.targets[0] for row in rows[:-1])


@pytest.mark.django_db
def test_settling_the_database_cancels_a_query_left_running_by_a_servers_turn():
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    other = psycopg2.connect(**params)
    failed = []

    def left_running():
        try:
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_sleep(30)")
        except psycopg2.errors.QueryCanceled as error:
            failed.append(error)

    thread = threading.Thread(target=left_running)
    started = time.monotonic()
    thread.start()
    try:
        while not _running(params["dbname"], "pg_sleep"):
            time.sleep(0.05)
        cancelled = servers.settle_database([params["dbname"]], quiet_seconds=0.3)
        thread.join(10)
    finally:
        other.close()

    assert cancelled == 1
    assert failed  # the query was cancelled, not left to its 30 s
    assert time.monotonic() - started < 10
    assert not _running(params["dbname"], "pg_sleep")


def _running(database, text) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")  # else read once a transaction
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND state = 'active'"
            " AND query LIKE %s AND pid <> pg_backend_pid()",
            [database, f"%{text}%"],
        )
        return cursor.fetchone()[0] > 0
