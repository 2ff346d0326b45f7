# Newsroom: `make run` to try it, `make test` to check it. `make help` lists the rest.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1
# make test and make bench sign with a key of their own, made afresh: production refuses
# the keys written in this repository (newsroom/settings.py, PUBLISHED_SECRET_KEYS).
THROWAWAY_KEY := $(shell $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')

.DEFAULT_GOAL := help
.PHONY: help install run worker chromium test lint fmt bench soak clean backup restore

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

install: $(VENV)/.installed ## Create .venv and install the pinned dependencies

run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: install ## Migrate, load the demo content and serve on http://127.0.0.1:$(PORT)
	DEBUG=$${DEBUG:-1} $(PY) manage.py migrate --no-input
	DEBUG=$${DEBUG:-1} $(PY) manage.py load_demo
	DEBUG=$${DEBUG:-1} $(PY) manage.py refresh_renditions
	DEBUG=$${DEBUG:-1} $(PY) manage.py ensure_admin
	DEBUG=$${DEBUG:-1} $(PY) manage.py ensure_demo_accounts
	DEBUG=$${DEBUG:-1} $(PY) manage.py db_worker & worker=$$!; trap "kill $$worker 2>/dev/null" EXIT; \
	DEBUG=$${DEBUG:-1} $(PY) manage.py runserver 127.0.0.1:$(PORT)

worker: install ## Run the background worker alone (photo renditions)
	DEBUG=$${DEBUG:-1} $(PY) manage.py db_worker

chromium: ## Debian's Chromium for the browser test (Playwright never downloads one)
	@command -v chromium >/dev/null || [ "$$(id -u)" != 0 ] || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
	@command -v chromium >/dev/null || echo "Chromium is missing: the browser test will be skipped (apt-get install chromium)."

test: install chromium ## Run the whole test suite (against PostgreSQL)
	SECRET_KEY=$${SECRET_KEY:-$(THROWAWAY_KEY)} $(VENV)/bin/pytest $(PYTEST_ARGS)

bench: install ## Benchmarks (not part of make test), written to docs/benchmarks.md
	SECRET_KEY=$${SECRET_KEY:-$(THROWAWAY_KEY)} $(PY) manage.py migrate --no-input
	SECRET_KEY=$${SECRET_KEY:-$(THROWAWAY_KEY)} $(PY) manage.py bench_renditions --output docs/benchmarks.md
	SECRET_KEY=$${SECRET_KEY:-$(THROWAWAY_KEY)} $(PY) manage.py quote_bench --output docs/benchmarks.md
	SECRET_KEY=$${SECRET_KEY:-$(THROWAWAY_KEY)} $(PY) manage.py bench_search --runs 5
	SECRET_KEY=$${SECRET_KEY:-$(THROWAWAY_KEY)} $(PY) manage.py bench_timeline --size 100000
	SECRET_KEY=$${SECRET_KEY:-$(THROWAWAY_KEY)} ALLOWED_HOSTS=localhost $(PY) manage.py bench_syndication
	SECRET_KEY=$${SECRET_KEY:-$(THROWAWAY_KEY)} $(PY) manage.py bench_wire --output docs/benchmarks.md
	@command -v wrk >/dev/null || [ "$$(id -u)" != 0 ] || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)
	SECRET_KEY=$${SECRET_KEY:-$(THROWAWAY_KEY)} $(PY) -m bench.api_load
	[ "$${BENCH_PEER:-1}" = 0 ] || SECRET_KEY=$${SECRET_KEY:-$(THROWAWAY_KEY)} $(PY) -m bench.side_by_side

soak: install ## Soak test (not in make test): PostgreSQL killed under load, recovery measured
	$(PY) -m bench.soak $(SOAK_ARGS)

backup: install ## Back up the database and the uploads into a new folder: make backup DIR=...
	@[ -n "$(DIR)" ] || { echo "Say where: make backup DIR=backups/$$(date +%F)"; exit 2; }
	SECRET_KEY=$${SECRET_KEY:-$(THROWAWAY_KEY)} $(PY) manage.py backup "$(DIR)"

restore: install ## Restore a backup into an empty database: make restore DIR=... [ARGS=--replace]
	@[ -n "$(DIR)" ] || { echo "Say which: make restore DIR=backups/..."; exit 2; }
	SECRET_KEY=$${SECRET_KEY:-$(THROWAWAY_KEY)} $(PY) manage.py restore "$(DIR)" $(ARGS)

lint: install ## ruff check and format check, import layers (lint-imports)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache --no-logo

fmt: install ## Format and fix what ruff can
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean: ## Remove the virtualenv and var/ (database, uploads)
	rm -rf $(VENV) var
