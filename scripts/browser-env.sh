#!/usr/bin/env bash
# The browser side of the test command: Debian's chromium for the UI suite (test/browser), which
# playwright-core drives. Installed with apt when missing (never `npx playwright install`: nothing
# may be downloaded from outside the package registries).
#
# Exits 3, saying why, when chromium is missing and apt cannot install it here (not root, no
# apt-get): the browser suite then skips and says so. Any other failure, such as the Debian mirror
# unreachable, exits 1.
set -euo pipefail

chromium=/usr/bin/chromium
[[ -x $chromium ]] && exit 0

unavailable() { echo "browser-env: $*" >&2; exit 3; }
command -v apt-get >/dev/null || unavailable "$chromium is missing and there is no apt-get to install it"
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null && sudo -n true 2>/dev/null || unavailable "$chromium is missing and installing it needs root: run apt-get install -y chromium"
  sudo=(sudo -n)
fi

echo "› installing Debian's chromium for the browser suite (apt; a minute or two)"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq chromium >/dev/null
[[ -x $chromium ]] || { echo "browser-env: apt installed chromium but $chromium is not there" >&2; exit 1; }
