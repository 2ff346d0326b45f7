"""docker-compose.yml, the production shape: it cannot start with a guessable secret, and
its processes come back when they die."""

from pathlib import Path

import yaml

COMPOSE = yaml.safe_load((Path(__file__).parents[2] / "docker-compose.yml").read_text())
APP_SERVICES = ["app", "worker"]


def test_compose_refuses_to_start_without_a_secret_key():
    for name in APP_SERVICES:
        secret = COMPOSE["services"][name]["environment"]["SECRET_KEY"]
        assert secret.startswith("${SECRET_KEY:?"), (name, secret)  # no default to guess


def test_the_app_and_the_worker_are_restarted_when_they_die():
    for name in APP_SERVICES:
        assert COMPOSE["services"][name]["restart"] == "unless-stopped", name


def test_compose_sends_its_cookies_over_https_only_unless_told_otherwise():
    assert COMPOSE["services"]["app"]["environment"]["SECURE_COOKIES"] == "${SECURE_COOKIES:-1}"
