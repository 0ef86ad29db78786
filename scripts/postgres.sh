#!/usr/bin/env bash
# Makes sure a local PostgreSQL server runs for the test suites, installing it where it is missing and we can
# (Debian/Ubuntu as root), and prints the admin connection string the tests use (PEERGRID_TEST_POSTGRES).
# Prints nothing and exits 1 when PostgreSQL cannot be provided.
set -euo pipefail

role=peergrid_test
password=peergrid_test

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "postgres.sh: installing PostgreSQL" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
  else
    echo "postgres.sh: PostgreSQL is not installed and cannot be installed here (needs root and apt-get)" >&2
    exit 1
  fi
fi

if command -v pg_lsclusters >/dev/null; then
  read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1) || true
  if [ -z "${version:-}" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    pg_createcluster "$version" main >&2
    read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1)
  fi
  if [ "$status" != "online" ]; then
    pg_ctlcluster "$version" "$cluster" start >&2
  fi
else
  echo "postgres.sh: pg_lsclusters not found (expected Debian's postgresql-common)" >&2
  exit 1
fi

for _ in $(seq 1 30); do
  if su postgres -c "psql -p $port -tAc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done
su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qtAc \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password'; END IF; END \\\$\\\$;\"" >&2

echo "Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=postgres"
