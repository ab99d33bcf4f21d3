# Two commands on a fresh machine: `make run` and `make test`. Each creates .venv if missing.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

$(STAMP): pyproject.toml package.json
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check --upgrade pip 2>/dev/null || true
	@$(PY) -m pip install -q --disable-pip-version-check -e '.[dev]'
	@bash scripts/system-deps.sh
	@if command -v npm >/dev/null 2>&1; then npm install --no-audit --no-fund --silent; else echo "warning: npm missing: the WCAG check (axe-core) in the browser tests will skip" >&2; fi
	@touch $(STAMP)

.PHONY: help install run canonical test lint unit docs bench bench-scale eval eval-ingest eval-calibration

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

install: $(STAMP) ## Create .venv and install the project with its dev tools

run: $(STAMP) ## Migrate, load the demo cases and logins, and serve on http://127.0.0.1:8000
	@bash scripts/serve-demo.sh

canonical: $(STAMP) ## The canonical case through the CLI: lawful outcomes in both regimes, assessment, deadlines
	@bash scripts/canonical.sh

lint: $(STAMP) ## ruff, mypy --strict on rules/ and domain/, import-linter
	@$(VENV)/bin/ruff check src tests
	@$(VENV)/bin/mypy
	@$(VENV)/bin/lint-imports --no-cache

unit: $(STAMP) ## pytest only, on every core (a single file: .venv/bin/pytest tests/...)
	@$(VENV)/bin/pytest -n auto --dist worksteal

test: lint unit ## Everything CI runs: lint, types, import contracts and the test suite

docs: $(STAMP) ## Regenerate the generated docs (rules catalogue, factor catalogue, CLI reference)
	@$(VENV)/bin/misconduct rules catalogue > docs/rules.md
	@$(VENV)/bin/misconduct factors --format markdown > docs/factors.md
	@$(PY) -c "from misconduct.cli.main import cli; from misconduct.cli.reference import cli_markdown; print(cli_markdown(cli), end='')" > docs/cli.md

bench: $(STAMP) ## Performance figures, with the data size they were taken on
	@$(PY) bench/run.py

bench-scale: $(STAMP) ## Every list page at 1,000 and 100,000 cases under 16 clients (long: minutes to hours)
	@$(PY) bench/scale.py

eval: $(STAMP) ## Evaluate the assessment engine against real published outcomes
	@$(PY) eval/run.py
	@$(PY) eval/ingest_eval.py

eval-ingest: $(STAMP) ## Field accuracy of misconduct ingest (also part of make eval)
	@$(PY) eval/ingest_eval.py

eval-calibration: $(STAMP) ## The review queue's calibration, leave one set out (needs the page texts)
	@$(PY) eval/calibration.py --loso
