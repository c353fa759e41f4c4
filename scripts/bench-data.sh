#!/usr/bin/env bash
# Seeds the benchmark dataset (50k sessions, 1M turns, 3M tool calls) once per generator version
# and prints the environment the benchmarks read, for `eval "$(scripts/bench-data.sh)"`:
#   SQLite     -> ${RECONDO_BENCH_CACHE:-$HOME/.cache/recondo-bench}/<version>/sqlite/recondo.db
#   PostgreSQL -> database recondo_bench_<version> on the server scripts/ensure-postgres.sh finds
# Idempotent: a marker is written only after a seed succeeds (a file for SQLite, a comment on the
# database for PostgreSQL), so later calls return at once and an interrupted seed starts over.
# Progress goes to stderr; stdout carries only the export lines.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${RECONDO_BENCH_CACHE:-$HOME/.cache/recondo-bench}
bin="$cache/bin/recondo-seed"
mkdir -p "$cache/bin"
(cd "$root/data" && go build -o "$bin" ./cmd/recondo-seed) >&2
version=$("$bin" --version)
dir="$cache/$version"
mkdir -p "$dir"

if [ ! -f "$dir/sqlite.done" ]; then
  rm -rf "$dir/sqlite"
  echo "bench-data: seeding SQLite into $dir/sqlite (once per generator version; minutes)..." >&2
  start=$(date +%s)
  "$bin" --data-dir "$dir/sqlite" --database-url "" >&2
  echo "seeded in $(( $(date +%s) - start ))s; $(du -h "$dir/sqlite/recondo.db" | cut -f1)" > "$dir/sqlite.done"
fi
echo "bench-data: SQLite ready: $(cat "$dir/sqlite.done")" >&2

admin=$("$root/scripts/ensure-postgres.sh")
db="recondo_bench_${version//[^a-zA-Z0-9_]/_}"
url=$(echo "$admin" | sed -E "s#^(postgres(ql)?://[^/]*)/[^?]*#\1/$db#")
marker="seeded by recondo-seed $version"
have=$(psql "$admin" -Atqc "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$db'" || true)
if [ "$have" != "$marker" ]; then
  echo "bench-data: seeding PostgreSQL database $db (once per generator version; minutes)..." >&2
  psql "$admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >&2
  start=$(date +%s)
  "$bin" --database-url "$url" >&2
  psql "$admin" -qc "COMMENT ON DATABASE $db IS '$marker'" >&2
  echo "bench-data: PostgreSQL seeded in $(( $(date +%s) - start ))s" >&2
fi
echo "bench-data: PostgreSQL ready: $db, $(psql "$url" -Atqc "SELECT pg_size_pretty(pg_database_size(current_database()))")" >&2

echo "export RECONDO_BENCH_SQLITE=$dir/sqlite/recondo.db"
echo "export RECONDO_BENCH_POSTGRES_URL='$url'"
