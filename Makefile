# claimtrack developer entry points. `make help` lists them.
#
# Everything runs from the project's own virtualenv (.venv), created on first
# use; requirements are reinstalled only when a requirements file changes
# (stamp files inside .venv).

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTEST_ARGS ?=
# Python modules run by `make bench`, in order, against throwaway PostgreSQL and Redis.
BENCH_MODULES ?= claims.extraction.evaluation.bench claims.extraction.evaluation.bench_language claims.bench_workflow claims.bench_public articles.bench claims.bench_matching articles.bench_refetch claims.bench_agreement claims.bench_quality claims.bench_exports claims.bench_sources claims.bench_dashboard

PIP_INSTALL := $(PY) -m pip install --disable-pip-version-check --quiet
RUNTIME_STAMP := $(VENV)/.requirements.stamp
DEV_STAMP := $(VENV)/.requirements-dev.stamp
# Set once the demo data is in db.sqlite3; removed whenever db.sqlite3 is missing.
SEED_MARKER := var/.demo-seeded

.PHONY: help run test lint bench clean venv dev-venv

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "}; {printf "  make %-6s %s\n", $$1, $$2}'
	@echo "  Variables: PORT=$(PORT) (make run), PYTEST_ARGS='...' (make test), BENCH_MODULES='...' (make bench)"

$(PY):
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): requirements.txt | $(PY)
	$(PIP_INSTALL) -r requirements.txt
	touch $@

# The dev requirements include requirements.txt, so they satisfy the runtime stamp too.
$(DEV_STAMP): requirements.txt requirements-dev.txt | $(PY)
	$(PIP_INSTALL) -r requirements-dev.txt
	touch $@ $(RUNTIME_STAMP)

venv: $(RUNTIME_STAMP)
dev-venv: $(DEV_STAMP)

run: $(RUNTIME_STAMP) ## Serve the demo at http://127.0.0.1:8000 (PORT=...; SQLite, in-process tasks, demo data)
	@# The embedded default: ignore any DATABASE_URL/REDIS_URL from the shell.
	@unset DATABASE_URL REDIS_URL; \
	export SITE_URL="$${SITE_URL:-http://127.0.0.1:$(PORT)}"; \
	mkdir -p $(dir $(SEED_MARKER)); \
	if [ ! -e db.sqlite3 ]; then rm -f $(SEED_MARKER); fi; \
	$(PY) manage.py migrate --noinput; \
	if [ ! -e $(SEED_MARKER) ]; then $(PY) manage.py seed_demo && touch $(SEED_MARKER); fi; \
	echo "Serving http://127.0.0.1:$(PORT)/ (Ctrl-C stops)"; \
	exec $(PY) manage.py runserver 127.0.0.1:$(PORT)

# pytest runs even when ruff fails, so one run shows both; either failure fails the target.
test: $(DEV_STAMP) ## ruff check ., then pytest against throwaway PostgreSQL + Redis (PYTEST_ARGS=...)
	@lint=0; $(VENV)/bin/ruff check . || lint=$$?; \
	scripts/with-services.sh $(VENV)/bin/pytest $(PYTEST_ARGS); \
	if [ $$lint -ne 0 ]; then echo "make test: ruff check failed (see above)" >&2; exit $$lint; fi

lint: $(DEV_STAMP) ## ruff check .
	$(VENV)/bin/ruff check .

bench: $(DEV_STAMP) ## Run the benchmarks (BENCH_MODULES) against throwaway PostgreSQL + Redis
	scripts/with-services.sh bash -euc '$(foreach m,$(BENCH_MODULES),echo "== $(m)"; $(PY) -m $(m);)'

clean: ## Remove .venv, db.sqlite3, the demo-data marker and tool caches
	rm -rf $(VENV) db.sqlite3 $(SEED_MARKER) .pytest_cache .ruff_cache
