#!/usr/bin/env bash
# README command 1: install, build, and start Quanta with the demo mesh on embedded backends.
# Flags are passed to `quanta up` (e.g. --port 4100, --data-dir /tmp/q, --no-demo).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node ingest/dist/cli.js up "$@"
