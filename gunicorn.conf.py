"""gunicorn's settings, read from the folder it starts in: its access lines are JSON and
carry the request's id (X-Request-ID, newsroom/logs.py), like the project's own lines."""

access_log_format = (
    '{"time": "%(t)s", "level": "INFO", "logger": "gunicorn.access", '
    '"request_id": "%({x-request-id}o)s", "method": "%(m)s", "path": "%(U)s", '
    '"status": %(s)s, "bytes": "%(B)s", "duration_ms": %(M)s}'
)
