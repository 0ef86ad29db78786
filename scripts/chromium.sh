#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests (tests/PeerGrid.Browser.Tests), installing it where
# it is missing and we can (Debian/Ubuntu as root), and prints its path. Playwright drives this executable; it never
# downloads a browser. Prints nothing and exits 1 when Chromium cannot be provided.
set -euo pipefail

path="${PEERGRID_CHROMIUM:-/usr/bin/chromium}"

if [ ! -x "$path" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "chromium.sh: installing Chromium" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq chromium >&2
  else
    echo "chromium.sh: Chromium is not installed at $path and cannot be installed here (needs root and apt-get)" >&2
    exit 1
  fi
fi

if [ ! -x "$path" ]; then
  echo "chromium.sh: the chromium package did not provide $path" >&2
  exit 1
fi
echo "$path"
