#!/usr/bin/env bash
# The Python side of the test command: a virtual environment in .cache/python holding the real
# OpenLineage clients (openlineage-python, and dbt-ol running dbt-duckdb) pinned in
# test/lineage-clients/requirements.txt, all from PyPI. Builds it only when the requirements (or
# the interpreter) changed since the last install; a stamp in the venv holds their hash.
#
#   scripts/python-env.sh           install if needed
#   scripts/python-env.sh --check   only check that a usable Python is here
#
# Needs python3 >= 3.11 with its venv module (Debian: the python3-venv package); QUANTA_PYTHON names
# another interpreter. Exits 3, saying why, when there is no usable Python (the lineage-client suite
# then skips and says so); any other failure, such as PyPI unreachable, exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.cache/python
requirements=test/lineage-clients/requirements.txt
stamp=$venv/.quanta-requirements.sha256
python=${QUANTA_PYTHON:-python3}

unavailable() { echo "python-env: $*" >&2; exit 3; }
command -v "$python" >/dev/null ||
  unavailable "$python not found: install Python 3.11 or newer (Debian: apt-get install -y python3 python3-venv)"
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
  unavailable "$("$python" --version 2>&1) is too old: the clients in $requirements need Python 3.11 or newer"
"$python" -c 'import venv, ensurepip' 2>/dev/null ||
  unavailable "$python cannot create virtual environments (no ensurepip): on Debian run apt-get install -y python3-venv"
[[ ${1:-} == --check ]] && exit 0

wanted=$({ cat "$requirements"; "$python" -c 'import sys; print(sys.version)'; } | sha256sum | cut -d' ' -f1)
if [[ -f $stamp && $(cat "$stamp") == "$wanted" && -x $venv/bin/dbt-ol ]]; then
  echo "› Python clients: up to date in $venv (openlineage-python, dbt-ol on dbt-duckdb)"
  exit 0
fi

echo "› Python clients: installing $requirements into $venv (PyPI; under a minute, cached after)"
rm -rf "$venv"
mkdir -p .cache
"$python" -m venv "$venv" || { echo "python-env: $python -m venv failed (Debian: apt-get install -y python3-venv)" >&2; exit 1; }
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$requirements" ||
  { echo "python-env: pip could not install $requirements (is PyPI reachable?)" >&2; exit 1; }
echo "$wanted" > "$stamp"
echo "› Python clients: ready in $venv"
