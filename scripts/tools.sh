#!/usr/bin/env bash
# Prints the path of a pinned developer tool, building it once into a cache outside the repo
# (sqlc takes minutes to build from source; every later call is instant).
#   scripts/tools.sh sqlc | staticcheck
set -euo pipefail

SQLC_VERSION=v1.31.1
STATICCHECK_VERSION=v0.8.2
cache=${RECONDO_TOOLS_CACHE:-$HOME/.cache/recondo-tools}

case "${1:-}" in
  sqlc) name=sqlc; version=$SQLC_VERSION; pkg=github.com/sqlc-dev/sqlc/cmd/sqlc ;;
  staticcheck) name=staticcheck; version=$STATICCHECK_VERSION; pkg=honnef.co/go/tools/cmd/staticcheck ;;
  *) echo "usage: $0 sqlc|staticcheck" >&2; exit 2 ;;
esac

dir="$cache/$name-$version"
if [ ! -x "$dir/$name" ]; then
  echo "building $name $version into $dir (once)..." >&2
  mkdir -p "$dir"
  # Outside the workspace so the project's go.work does not interfere with the tool's module.
  (cd "$dir" && GOWORK=off GOBIN="$dir" go install "$pkg@$version") >&2
fi
echo "$dir/$name"
