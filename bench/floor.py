"""The floor: the app's own responses, recorded once and replayed by a trivial WSGI function.

Served under the same gunicorn settings and driven by the same load, it measures what
gunicorn, the kernel and wrk cost by themselves; the app's figures are read as a share
of it.
"""

import base64
import http.client
import json
import os
from dataclasses import dataclass
from pathlib import Path

# Headers the server writes itself; every other recorded header is replayed as recorded.
SERVER_HEADERS = {"connection", "content-length", "date", "server", "transfer-encoding"}


@dataclass(frozen=True)
class Recorded:
    """One response, keyed by the request target and the If-None-Match it was sent with."""

    target: str
    if_none_match: str
    status: str
    headers: list[tuple[str, str]]
    body: bytes


def record(port: int, target: str, if_none_match: str = "") -> Recorded:
    """GET ``target`` from the server on 127.0.0.1:``port`` and keep what it answered."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        headers = {"If-None-Match": if_none_match} if if_none_match else {}
        connection.request("GET", target, headers=headers)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    kept = [(k, v) for k, v in response.getheaders() if k.lower() not in SERVER_HEADERS]
    return Recorded(target, if_none_match, f"{response.status} {response.reason}", kept, body)


def save(responses: list[Recorded], path: Path) -> None:
    rows = [
        {
            "target": r.target,
            "if_none_match": r.if_none_match,
            "status": r.status,
            "headers": r.headers,
            "body": base64.b64encode(r.body).decode(),
        }
        for r in responses
    ]
    path.write_text(json.dumps(rows))


def load(path: Path) -> list[Recorded]:
    return [
        Recorded(
            row["target"],
            row["if_none_match"],
            row["status"],
            [tuple(header) for header in row["headers"]],
            base64.b64decode(row["body"]),
        )
        for row in json.loads(path.read_text())
    ]


def replay(responses: list[Recorded]):
    """A WSGI app answering each recorded request with its recorded response; 404 otherwise."""
    table = {
        (r.target, r.if_none_match): (
            r.status,
            [*r.headers, ("Content-Length", str(len(r.body)))],
            [r.body],
        )
        for r in responses
    }
    missing = ("404 Not Found", [("Content-Type", "text/plain"), ("Content-Length", "0")], [])

    def app(environ, start_response):
        target = environ["PATH_INFO"]
        if query := environ.get("QUERY_STRING"):
            target = f"{target}?{query}"
        status, headers, body = table.get((target, environ.get("HTTP_IF_NONE_MATCH", "")), missing)
        start_response(status, headers)
        return body

    return app


def make_app(path: str):
    """What gunicorn serves: ``'bench.floor:make_app("/tmp/…/floor.json")'``."""
    return replay(load(Path(path)))


def make_app_with_round_trip(path: str):
    """The floor, plus one PostgreSQL round trip per request (``SELECT 1`` on a connection
    each worker keeps, to ``DATABASE_URL``): what no answer read from the database can beat
    on this machine, whatever the app does around it."""
    import psycopg2  # only this floor needs it

    replayed, kept = make_app(path), {}

    def app(environ, start_response):
        if "connection" not in kept:
            kept["connection"] = psycopg2.connect(os.environ["DATABASE_URL"])
            kept["connection"].autocommit = True
        with kept["connection"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return replayed(environ, start_response)

    return app
