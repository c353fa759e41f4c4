#!/usr/bin/env bash
# Regenerates sqlc and gqlgen output and the dashboard's build into a scratch copy of the tree and
# fails if it differs from what is committed: generated code must never drift from sql/,
# migrations/, graphql/schema/ and web/src/.
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

# gqlgen, at the version graphql/go.mod pins (graphql/tools/tools.go keeps it there). It loads
# graphql's packages, which import data (and, from the binary, web), so data/, migrations/ and web/
# sit beside the scratch graphql/ as its go.mod's replace directives expect; GOWORK=off makes the
# scratch build use graphql/go.mod alone.
mkdir -p "$tmp/gql"
for m in data migrations web; do ln -s "$root/$m" "$tmp/gql/$m"; done
tar -C "$root" --exclude=graphql/e2e/node_modules -cf - graphql | tar -C "$tmp/gql" -xf -
(cd "$tmp/gql/graphql" && GOWORK=off go run github.com/99designs/gqlgen generate)
if ! diff -r "$root/graphql/internal/gen" "$tmp/gql/graphql/internal/gen" >/dev/null; then
  echo "generated code in graphql/internal/gen is stale: run 'make generate' and commit" >&2
  diff -r "$root/graphql/internal/gen" "$tmp/gql/graphql/internal/gen" | head -20 >&2 || true
  status=1
fi

# The dashboard: web/dist is Vite's build of web/src, committed so that `go build` needs no Node.
# Vite's output depends only on its inputs (same sources, same packages: byte-identical files),
# so a fresh build of a copy must equal it. The copy borrows web/node_modules, installed (or
# found current) by ensure-web-deps.sh, rather than downloading the packages a second time.
"$root/scripts/ensure-web-deps.sh"
tar -C "$root" --exclude=web/node_modules --exclude=web/dist -cf - web | tar -C "$tmp" -xf -
ln -s "$root/web/node_modules" "$tmp/web/node_modules"
if ! (cd "$tmp/web" && npm run build) >"$tmp/web-build.log" 2>&1; then
  echo "the dashboard does not build (npm run build in web/):" >&2
  cat "$tmp/web-build.log" >&2
  exit 1
fi
if ! diff -r "$root/web/dist" "$tmp/web/dist" >/dev/null; then
  echo "the dashboard's build in web/dist is stale: run 'make generate' and commit" >&2
  diff -r "$root/web/dist" "$tmp/web/dist" | head -20 >&2 || true
  status=1
fi
[ $status = 0 ] && echo "generated code is current"
exit $status
