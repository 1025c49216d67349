#!/usr/bin/env bash
# `npm test`: every suite, on a fresh machine too. It installs what the suites need from Debian's
# packages when it can (Chromium for the browser tests, PostgreSQL for the second store), starts a
# PostgreSQL for the run, then type-checks, builds and runs unit, HTTP and end-to-end tests.
#   SKIP_POSTGRES=1   run the store tests on SQLite only (and skip the cluster tests, which need PostgreSQL)
#   TEST_DATABASE_URL use this PostgreSQL database instead of starting one
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

apt_install() {
  if ! command -v apt-get >/dev/null; then
    echo "Install $* with your package manager, then run npm test again." >&2
    exit 1
  fi
  [ -n "${APT_UPDATED:-}" ] || { as_root apt-get update -qq; APT_UPDATED=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] || { say "installing Chromium"; apt_install chromium fonts-noto-core; }
}

# The cluster tests start redis-server and nginx themselves; only the programs must be there.
ensure_cluster_tools() {
  if [ -z "${TEST_DATABASE_URL:-}" ]; then return; fi
  command -v redis-server >/dev/null || { say "installing redis-server"; apt_install redis-server; }
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { say "installing nginx"; apt_install nginx-light || apt_install nginx; }
}

ensure_postgres() {
  if [ -n "${TEST_DATABASE_URL:-}" ] || [ "${SKIP_POSTGRES:-0}" = 1 ]; then return; fi
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    say "installing PostgreSQL"
    apt_install postgresql
  fi
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  local dir="$PWD/.cache/pg" port
  if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root: the cluster belongs to the postgres user.
    mkdir -p "$dir" && chown postgres "$dir"
    run_pg() { su postgres -s /bin/bash -c "$*"; }
  else
    mkdir -p "$dir"
    run_pg() { bash -c "$*"; }
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    run_pg "'$bin/initdb' -D '$dir/data' -U postgres -A trust --no-sync >/dev/null"
  fi
  if run_pg "'$bin/pg_ctl' -D '$dir/data' status >/dev/null 2>&1"; then
    port=$(cat "$dir/port")
  else
    # The first free port from 54329 on: another checkout's test database may hold one.
    port=54329
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    echo "$port" > "$dir/port"
    run_pg "'$bin/pg_ctl' -D '$dir/data' -l '$dir/log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off\" start >/dev/null"
  fi
  run_pg "'$bin/psql' -h 127.0.0.1 -p $port -U postgres -tAc \"select 1 from pg_database where datname='shop_test'\"" | grep -q 1 ||
    run_pg "'$bin/createdb' -h 127.0.0.1 -p $port -U postgres shop_test"
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/shop_test"
}

ensure_chromium
ensure_postgres
ensure_cluster_tools
say "stores: sqlite${TEST_DATABASE_URL:+ and postgresql}"

say "type check";          npm run --silent typecheck
say "build";               npm run --silent build
say "unit tests";          npm run --silent test:unit
say "HTTP and build tests"; npm run --silent test:http
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  say "cluster tests (three nodes, PostgreSQL, Redis, nginx)"; npm run --silent test:cluster
else
  say "cluster tests skipped: they need PostgreSQL (SKIP_POSTGRES=1 is set)"
fi
say "end-to-end tests";    npm run --silent test:e2e
