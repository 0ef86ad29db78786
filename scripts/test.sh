#!/usr/bin/env bash
# Runs every test suite. Does its own set-up on a fresh machine: restore, a local PostgreSQL server for the
# persistence and API suites (scripts/postgres.sh installs and starts it where it can; under CI=true it must), and
# Debian's Chromium for the browser suite (scripts/chromium.sh, the same way: without it the browser tests are
# skipped, except under CI=true, where they fail).
# Prints one closing line "tests: N passed, N failed, N skipped" summed over all test projects.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

if pg=$(bash scripts/postgres.sh); then
  export PEERGRID_TEST_POSTGRES="$pg"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL could not be provided, and under CI=true its suites must run" >&2
  exit 1
else
  echo "warning: no PostgreSQL here; the API and persistence suites run on SQLite only" >&2
fi

if chromium=$(bash scripts/chromium.sh); then
  export PEERGRID_CHROMIUM="$chromium"
elif [ "${CI:-}" = "true" ]; then
  echo "Chromium could not be provided, and under CI=true the browser suite must run" >&2
  exit 1
else
  echo "warning: no Chromium here; the browser tests are skipped" >&2
fi

dotnet build PeerGrid.slnx -c Release -nologo -clp:ErrorsOnly
status=0
dotnet test PeerGrid.slnx -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

# "Passed!  - Failed:     0, Passed:   123, Skipped:     0, Total:   123, Duration: ..." per project.
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- Failed:' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
if [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
