#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and CI, on loopback only.
#
#   .ci/postgres.sh start DIR PORT   initdb DIR/data (as the `postgres` user), start it on 127.0.0.1:PORT with its
#                                    socket in DIR, and create the role `scorecard_admin` (LOGIN CREATEROLE, not a
#                                    superuser) and the database `scorecard` it owns:
#                                    postgres://scorecard_admin@127.0.0.1:PORT/scorecard
#   .ci/postgres.sh stop DIR         stop it (if running) and remove DIR; stopping what is not there is not an error
#
# Authentication is `trust`: anyone on this machine may connect as any role, so the roles and row-level security
# are tested by connecting as each login (postgres://alice@127.0.0.1:PORT/scorecard), never for secrecy. The
# superuser is `postgres`. The server's log is DIR/log. Installs Debian's `postgresql` if no initdb is found.
# TLS is on, with a self-signed certificate made in DIR, so that `sslmode=require` is tested for real.
set -euo pipefail

usage() { echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2; }
fail() { echo "postgres.sh: $*" >&2; exit 1; }

# The newest installed PostgreSQL's bin directory (Debian: /usr/lib/postgresql/VERSION/bin).
find_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1) || true
  [[ -n "$found" && -x "$found/initdb" ]] && echo "$found"
}

# Marks a directory as made by this script, so that `stop` never removes anything else.
marker=.scorecard-postgres

as_postgres() { (cd "$DIR" && runuser -u postgres -- "$@"); }

start() {
  [[ $PORT =~ ^[0-9]+$ ]] || usage
  local bin
  bin=$(find_bin) || true
  if [[ -z "$bin" ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1 \
      || fail "could not install postgresql"
    bin=$(find_bin) || fail "postgresql installed but no initdb found under /usr/lib/postgresql/*/bin"
  fi
  id postgres >/dev/null 2>&1 || fail "no 'postgres' system user to run the server as"

  if [[ -e "$DIR" && ! -e "$DIR/$marker" ]] && [[ -n "$(ls -A "$DIR" 2>/dev/null)" ]]; then
    fail "$DIR exists and was not made by this script"
  fi
  mkdir -p "$DIR"
  touch "$DIR/$marker"
  chown postgres:postgres "$DIR"
  chmod 700 "$DIR"
  # Unix socket paths are limited to 107 bytes.
  ((${#DIR} + 20 < 107)) || fail "DIR is too long for a socket path: $DIR"

  if [[ ! -f "$DIR/data/PG_VERSION" ]]; then
    as_postgres "$bin/initdb" -D "$DIR/data" --auth=trust -U postgres -E UTF8 --locale=C.UTF-8 \
      >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; fail "initdb failed"; }
  fi
  # TLS with a throwaway self-signed certificate, so that sslmode=require can be tested for real.
  command -v openssl >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null 2>&1 || true
  local tls=""
  if command -v openssl >/dev/null; then
    if [[ ! -f "$DIR/server.crt" ]]; then
      openssl req -new -x509 -days 7 -nodes -subj "/CN=127.0.0.1" -keyout "$DIR/server.key" -out "$DIR/server.crt" \
        >/dev/null 2>&1 || fail "openssl could not make a certificate"
      chown postgres:postgres "$DIR/server.key" "$DIR/server.crt"
      chmod 600 "$DIR/server.key"
    fi
    tls="-c ssl=on -c ssl_cert_file=$DIR/server.crt -c ssl_key_file=$DIR/server.key"
  fi
  if ! as_postgres "$bin/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    as_postgres "$bin/pg_ctl" -D "$DIR/data" -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 $tls" \
      -w -t 60 -l "$DIR/log" start >/dev/null 2>&1 || { tail -20 "$DIR/log" >&2 || true; fail "the server did not start (port $PORT in use?)"; }
  fi

  # The database owner: creates the schema and the group roles (`scorecard db init`) and the logins (`db grant`).
  "$bin/psql" -X -q -v ON_ERROR_STOP=1 "postgres://postgres@127.0.0.1:$PORT/postgres" >/dev/null <<'SQL' \
    || fail "could not create the role scorecard_admin and the database scorecard"
SELECT 'CREATE ROLE scorecard_admin LOGIN CREATEROLE NOSUPERUSER'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'scorecard_admin') \gexec
SELECT 'CREATE DATABASE scorecard OWNER scorecard_admin'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'scorecard') \gexec
SQL
}

stop() {
  [[ -e "$DIR" ]] || return 0
  [[ -e "$DIR/$marker" ]] || fail "$DIR was not made by this script; not removing it"
  local bin
  bin=$(find_bin) || true
  if [[ -n "$bin" && -f "$DIR/data/postmaster.pid" ]] \
    && as_postgres "$bin/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    as_postgres "$bin/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || fail "the server did not stop"
  fi
  rm -rf -- "$DIR"
}

case "${1:-}" in
  start) (($# == 3)) || usage; DIR=$(realpath -m -- "$2"); PORT=$3; start ;;
  stop) (($# == 2)) || usage; DIR=$(realpath -m -- "$2"); stop ;;
  *) usage ;;
esac
