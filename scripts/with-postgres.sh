#!/usr/bin/env bash
# Runs a command with a PostgreSQL server for the tests: `scripts/with-postgres.sh cargo test`.
#
# With BLMA_TEST_PG_URL already set, runs the command as it is. Otherwise starts a throwaway
# cluster (initdb in a temporary directory, listening on a unix socket only, fsync off), exports
# BLMA_TEST_PG_URL for it, runs the command, and stops and removes the cluster on exit. Installs
# Debian's postgresql package when the binaries are missing and we are root. If PostgreSQL cannot
# be started, warns and runs the command anyway: the storage contract tests then run on SQLite only
# and say so.
set -euo pipefail

if [ "$#" = 0 ]; then
  echo "usage: $0 COMMAND [ARG…]" >&2
  exit 2
fi
if [ -n "${BLMA_TEST_PG_URL:-}" ]; then
  exec "$@"
fi

warn() { echo "with-postgres: warning: $*; running without PostgreSQL (SQLite only)" >&2; }

# The newest installed server binaries (Debian keeps them out of PATH).
find_bindir() {
  local dir best=""
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && best="$dir"
  done
  if [ -z "$best" ] && command -v initdb >/dev/null 2>&1; then
    best="$(dirname "$(command -v initdb)")"
  fi
  echo "$best"
}

start_postgres() {
  bindir="$(find_bindir)"
  if [ -z "$bindir" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "with-postgres: installing postgresql" >&2
    apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || true
    bindir="$(find_bindir)"
  fi
  if [ -z "$bindir" ]; then
    warn "no PostgreSQL server binaries (initdb) found; install the postgresql package"
    return 1
  fi

  # PostgreSQL refuses to run as root: run it as an unprivileged user.
  as_server=()
  if [ "$(id -u)" = 0 ]; then
    local user=postgres
    if ! id "$user" >/dev/null 2>&1; then
      user=blma-pg
      id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
    fi
    as_server=(runuser -u "$user" --)
  fi

  # `set -e` does not apply inside a function called from `||`: check each step.
  if ! cluster="$(mktemp -d "${TMPDIR:-/tmp}/blma-pg.XXXXXX")" || ! mkdir "$cluster/socket"; then
    warn "cannot create a temporary directory"
    return 1
  fi
  if [ "${#as_server[@]}" != 0 ] && ! chown -R "${as_server[2]}" "$cluster"; then
    warn "cannot hand $cluster to ${as_server[2]}"
    return 1
  fi
  if ! "${as_server[@]}" "$bindir/initdb" -D "$cluster/data" -U blma --auth=trust -E UTF8 \
    --locale=C.UTF-8 >"$cluster/initdb.log" 2>&1; then
    warn "initdb failed: $(tail -n 3 "$cluster/initdb.log")"
    return 1
  fi
  # A test cluster: durability is not worth the time (CREATE DATABASE per test).
  if ! "${as_server[@]}" "$bindir/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$cluster/socket' -c fsync=off \
        -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null; then
    warn "the server did not start: $(tail -n 3 "$cluster/server.log")"
    return 1
  fi
  started=1
  if ! "$bindir/createdb" -h "$cluster/socket" -U blma blma; then
    warn "createdb failed"
    return 1
  fi
  export BLMA_TEST_PG_URL="postgres://blma@localhost/blma?host=$cluster/socket"
  echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on $cluster/socket" >&2
}

cleanup() {
  if [ "${started:-0}" = 1 ]; then
    "${as_server[@]}" "$bindir/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  [ -n "${cluster:-}" ] && rm -rf "$cluster"
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_postgres || unset BLMA_TEST_PG_URL
status=0
"$@" || status=$?
exit "$status"
