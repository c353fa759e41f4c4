#!/usr/bin/env bash
# Makes sure a PostgreSQL server the tests can use is running, and prints its admin URL.
# Order: RECONDO_TEST_POSTGRES_URL if set; the local server on 127.0.0.1:5432 as user postgres;
# else install Debian's postgresql (apt-get) if needed and run a private trust-auth cluster under
# $HOME/.cache/recondo-pg (/var/lib/recondo-pg as root) on port 55432. Idempotent: a second call finds the first one's server.
set -euo pipefail

try() { psql "$1" -Atqc 'select 1' >/dev/null 2>&1; }

if [ -n "${RECONDO_TEST_POSTGRES_URL:-}" ] && try "$RECONDO_TEST_POSTGRES_URL"; then
  echo "$RECONDO_TEST_POSTGRES_URL"; exit 0
fi
default=postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable
private=postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable
if command -v psql >/dev/null; then
  try "$default" && { echo "$default"; exit 0; }
  try "$private" && { echo "$private"; exit 0; }
fi

# A system cluster that is installed but stopped: start it.
if command -v pg_ctlcluster >/dev/null && ls /etc/postgresql/*/main >/dev/null 2>&1; then
  v=$(ls /etc/postgresql | sort -V | tail -1)
  pg_ctlcluster --skip-systemctl-redirect "$v" main start >&2 || true
  for _ in $(seq 1 30); do try "$default" && { echo "$default"; exit 0; }; sleep 1; done
fi

# Nothing usable: install the server if needed and run a private cluster with trust auth.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "installing postgresql with apt-get..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql postgresql-client >&2
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=${RECONDO_PG_DIR:-$HOME/.cache/recondo-pg}
run_as=()
if [ "$(id -u)" = 0 ]; then
  # initdb refuses to run as root; the postgres user cannot enter /root, so the cluster lives in /var/lib.
  dir=${RECONDO_PG_DIR:-/var/lib/recondo-pg}
  run_as=(runuser -u postgres --)
  mkdir -p "$dir"; chown postgres "$dir"; chmod 700 "$dir"
fi
if [ ! -f "$dir/PG_VERSION" ]; then
  "${run_as[@]}" "$bin/initdb" -D "$dir" -U postgres -A trust >&2
fi
"${run_as[@]}" "$bin/pg_ctl" -D "$dir" -o "-p 55432 -k /tmp -c listen_addresses=127.0.0.1" -l "$dir/server.log" -w start >&2 || true
for _ in $(seq 1 30); do try "$private" && { echo "$private"; exit 0; }; sleep 1; done
echo "PostgreSQL did not come up; see $dir/server.log" >&2
exit 1
