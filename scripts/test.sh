#!/usr/bin/env bash
# README command 2: the whole suite, as CI runs it (.ci/run) on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
bash scripts/setup.sh
step() { printf '\n› %s\n' "$*"; }

step "lint (eslint) and architecture rules (dependency-cruiser, DESIGN.md §3)"
npx --no-install eslint .
npx --no-install depcruise --config .dependency-cruiser.cjs ontologies services ingest web test

step "typecheck (sources and tests)"
npx --no-install turbo run typecheck --output-logs=errors-only

step "Python clients for the lineage suite: openlineage-python, dbt-ol on dbt-duckdb (PyPI, cached in .cache/python)"
# Exit 3 means no usable Python on this machine: the lineage-client suite then skips and says why.
python_env=0
bash scripts/python-env.sh || python_env=$?
((python_env == 0 || python_env == 3)) || exit "$python_env"

step "Debian's chromium for the browser suite (apt, when missing)"
# Exit 3 means chromium cannot be installed here: the browser suite then skips and says why.
browser_env=0
bash scripts/browser-env.sh || browser_env=$?
((browser_env == 0 || browser_env == 3)) || exit "$browser_env"

step "tests: unit, contract, browser, end-to-end"
mkdir -p .cache
status=0
bash scripts/with-neo4j.sh npx --no-install vitest run --config vitest.suite.config.ts --reporter=default --reporter=json --outputFile.json=.cache/vitest.json || status=$?
node scripts/summarize-tests.mjs .cache/vitest.json
exit $status
