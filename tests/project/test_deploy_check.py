"""Production settings pass Django's deployment checks when the operator says the site is
behind TLS (12-factor: all of it from the environment)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
BEHIND_TLS = {
    "DEBUG": "0",
    "ALLOWED_HOSTS": "journal.example",
    "SECURE_COOKIES": "1",
    "SECURE_SSL_REDIRECT": "1",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
}


def deploy_check(**env) -> str:
    environment = {**os.environ, "SECRET_KEY": secrets.token_urlsafe(50), **env}
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.stdout + done.stderr


def test_check_deploy_finds_no_security_issue_behind_tls():
    output = deploy_check(**BEHIND_TLS)
    assert "(security." not in output, output


def test_check_deploy_names_hsts_and_the_ssl_redirect_when_they_are_off():
    output = deploy_check(DEBUG="0", ALLOWED_HOSTS="journal.example", SECURE_COOKIES="1")
    assert "security.W004" in output
    assert "security.W008" in output
