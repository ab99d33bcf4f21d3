#!/usr/bin/env bash
# `make canonical`: the canonical case through the CLI, end to end without the web server.
set -euo pipefail
m=.venv/bin/misconduct
echo "== The canonical case (Met 'PC A'): gross misconduct at a hearing, allegation before 28 May 2025 =="
$m rules outcomes --forum misconduct_hearing --finding gross_misconduct \
  --allegation-date 2025-02-01 --severity-date 2025-02-10 --decision-date 2025-07-01 --rank constable
echo
echo "== The same facts on an allegation from June 2025 (presumption of dismissal) =="
$m rules outcomes --forum misconduct_hearing --finding gross_misconduct \
  --allegation-date 2025-06-02 --severity-date 2025-06-10 --decision-date 2025-11-03 --rank constable
echo
echo "== The assessment (College of Policing guidance, three stages) =="
$m assess examples/canonical_case.toml
echo
echo "== Deadlines: outcome report after a hearing ending Mon 22 Dec 2025; appeal window from 1 Apr 2026 =="
$m deadline reg43_report --from 2025-12-22
$m deadline reg45_appeal --from 2026-04-01
