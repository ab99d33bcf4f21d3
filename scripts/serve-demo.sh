#!/usr/bin/env bash
# `make run`: the web application and API with the demo data, on http://127.0.0.1:8000.
# Applies the migrations, loads the demo cases (idempotent), creates the demo logins if absent and
# prints them, then serves under gunicorn (static files by whitenoise). PORT overrides the port.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/misconduct serve --demo --host 127.0.0.1 --port "${PORT:-8000}"
