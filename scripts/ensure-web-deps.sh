#!/usr/bin/env bash
# Installs the dashboard's npm packages (web/node_modules) when they are missing or do not match
# web/package-lock.json, and fails when the lock does not match web/package.json. Idempotent: a
# current tree is left alone, so `make test` and `make generate` cost nothing once it is there.
# Node and npm are a stated prerequisite.
#
# Why `npm install --no-save` and not `npm ci`: the registry this project reaches lacks rollup's
# optional binaries for other platforms (@rollup/rollup-android-*, -darwin-*, ...), so the lock
# npm writes here leaves them out, and `npm ci` refuses such a lock ("Missing: ... from lock
# file"). `npm install --no-save` installs the locked versions without rewriting the lock, and
# the check below then holds the result to the lock as strictly as `npm ci` would.
set -euo pipefail
web=$(cd "$(dirname "$0")/../web" && pwd)
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "the dashboard (web/) needs Node and npm: install them (Debian: apt-get install nodejs npm)" >&2
  exit 1
fi
# check exits 2 when package-lock.json does not match package.json (what `npm ci` refuses), 1 when
# node_modules does not match the lock, 0 when it does. npm writes node_modules/.package-lock.json
# after every install: the packages it put there. It is not a byte copy of package-lock.json (no
# root entry; other platforms' optional packages are left out), so compare what matters: every
# installed package at its locked version and integrity, nothing installed that the lock does not
# name, nothing required missing.
check() {
  node - "$web" <<'JS'
const fs = require('fs');
const read = (name) => JSON.parse(fs.readFileSync(`${process.argv[2]}/${name}`, 'utf8'));
const lockFile = read('package-lock.json');
const pkg = read('package.json');
const lock = lockFile.packages;
for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
  const want = JSON.stringify(Object.entries(pkg[field] ?? {}).sort());
  if (JSON.stringify(Object.entries(lock[''][field] ?? {}).sort()) !== want) process.exit(2);
}
let installed;
try {
  installed = read('node_modules/.package-lock.json').packages;
} catch {
  process.exit(1); // no install yet, or an unreadable one
}
for (const [path, want] of Object.entries(lock)) {
  if (path === '') continue;
  const got = installed[path];
  if (!got) {
    if (want.optional || want.devOptional) continue; // another platform's binary
    process.exit(1);
  }
  if (got.version !== want.version || got.integrity !== want.integrity) process.exit(1);
}
// An optional package the lock does not name is another platform's native binary (rollup's for
// macOS or musl, say): npm installs it there, and that is not drift.
for (const [path, got] of Object.entries(installed)) if (!(path in lock) && !got.optional) process.exit(1);
JS
}
stale() {
  echo "web/package-lock.json does not match web/package.json: run 'npm install' in web/ and commit the lock" >&2
  exit 1
}
status=0; check || status=$?
case $status in 0) exit 0 ;; 2) stale ;; esac
echo "installing the dashboard's npm packages (web/node_modules) from web/package-lock.json..." >&2
(cd "$web" && npm install --no-save --no-audit --no-fund >&2)
status=0; check || status=$?
[ $status = 0 ] || stale
