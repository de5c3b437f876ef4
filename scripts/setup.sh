#!/usr/bin/env bash
# Installs dependencies (only when the lockfile changed since the last install) and builds every
# package. Used by both README commands; needs nothing but Node 20 and npm on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

stamp=node_modules/.quanta-lockfile.sha256
wanted=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$wanted" ]]; then
  echo "› installing dependencies (builds better-sqlite3 against Node's local headers; about a minute)"
  # `npm install` honours the lockfile's versions. Not `npm ci`: npm 11 records only this platform's
  # optional binaries (turbo's) in the lockfile and then `npm ci` rejects it as out of sync.
  npm install --no-audit --no-fund --loglevel=error
  echo "$wanted" > "$stamp"
fi
echo "› building packages"
npx --no-install turbo run build --output-logs=errors-only
