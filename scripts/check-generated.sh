#!/usr/bin/env bash
# Regenerates sqlc output into a scratch copy of the tree and fails if it differs from what is
# committed: generated code must never drift from sql/ and migrations/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sqlc=$("$root/scripts/tools.sh" sqlc)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/data/internal"
cp -r "$root/sql" "$root/migrations" "$tmp/"
(cd "$tmp/sql" && "$sqlc" generate)
status=0
for pkg in sqlitedb pgdb; do
  if ! diff -r "$root/data/internal/$pkg" "$tmp/data/internal/$pkg" >/dev/null; then
    echo "generated code in data/internal/$pkg is stale: run 'make generate' and commit" >&2
    diff -r "$root/data/internal/$pkg" "$tmp/data/internal/$pkg" | head -20 >&2 || true
    status=1
  fi
done
[ $status = 0 ] && echo "generated code is current"
exit $status
