#!/usr/bin/env bash
# Regenerates sqlc and gqlgen output into a scratch copy of the tree and fails if it differs from
# what is committed: generated code must never drift from sql/, migrations/ and graphql/schema/.
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

# gqlgen, at the version graphql/go.mod pins (graphql/tools/tools.go keeps it there). It reads the
# data module's types, so data/ and migrations/ sit beside the scratch graphql/ as its go.mod's
# replace directives expect; GOWORK=off makes the scratch build use graphql/go.mod alone.
mkdir -p "$tmp/gql"
ln -s "$root/data" "$tmp/gql/data"
ln -s "$root/migrations" "$tmp/gql/migrations"
tar -C "$root" --exclude=graphql/e2e/node_modules -cf - graphql | tar -C "$tmp/gql" -xf -
(cd "$tmp/gql/graphql" && GOWORK=off go run github.com/99designs/gqlgen generate)
if ! diff -r "$root/graphql/internal/gen" "$tmp/gql/graphql/internal/gen" >/dev/null; then
  echo "generated code in graphql/internal/gen is stale: run 'make generate' and commit" >&2
  diff -r "$root/graphql/internal/gen" "$tmp/gql/graphql/internal/gen" | head -20 >&2 || true
  status=1
fi
[ $status = 0 ] && echo "generated code is current"
exit $status
