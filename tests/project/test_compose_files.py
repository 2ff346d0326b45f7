"""docker-compose.yml and deploy/nginx.conf never serve the uploads folder: the app decides
who may have each photo file and nginx only sends it (decision 0013)."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
NGINX = (ROOT / "deploy" / "nginx.conf").read_text()


def locations(config: str) -> dict[str, str]:
    return dict(re.findall(r"location\s+(\S+)\s*\{([^}]*)\}", config))


def test_the_app_hands_files_to_nginx_and_serves_no_folder():
    app = COMPOSE["services"]["app"]["environment"]
    assert "SERVE_UPLOADS" not in app
    assert app["FILES_OFFLOAD"] == "x-accel-redirect"
    assert app["FILES_INTERNAL_URL"] in locations(NGINX)
    assert "ports" not in COMPOSE["services"]["app"]  # reached through nginx only


def test_nginx_sends_uploads_only_from_an_internal_location():
    aliased = {path: body for path, body in locations(NGINX).items() if "alias" in body}
    assert list(aliased) == ["/_protected_uploads/"]
    assert re.search(r"^\s*internal;", aliased["/_protected_uploads/"], re.MULTILINE)
    assert "Surrogate-Key" in aliased["/_protected_uploads/"]  # a CDN purges by it
    web = COMPOSE["services"]["web"]
    assert "uploads:/uploads:ro" in web["volumes"]
    assert "./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro" in web["volumes"]


def test_nginx_replaces_the_clients_forwarded_for():
    """With TRUSTED_PROXIES=1 the app reads the address nginx saw, never one a client wrote."""
    assert COMPOSE["services"]["app"]["environment"]["TRUSTED_PROXIES"] == "1"
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in NGINX
