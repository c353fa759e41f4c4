#!/usr/bin/env bash
# Installs the command-line tools the tests drive as a user would (curl; the Debian CA tools
# behind `recondo init --install`; Debian's Chromium, which the dashboard's browser test drives
# through playwright-core: never a browser build that a package downloads), with apt-get, when
# they are missing. Idempotent: a machine that has them is left alone. Node and npm are a stated
# prerequisite; PostgreSQL has its own script (ensure-postgres.sh).
set -euo pipefail
missing=()
command -v curl >/dev/null || missing+=(curl)
command -v openssl >/dev/null || missing+=(openssl)
command -v update-ca-certificates >/dev/null || [ -x /usr/sbin/update-ca-certificates ] || missing+=(ca-certificates)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ ${#missing[@]} = 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "tests need: ${missing[*]} (install them; apt-get as root does it automatically)" >&2
  exit 0 # the tests that need them say so, and fail under CI=true
fi
echo "installing ${missing[*]} with apt-get..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq "${missing[@]}" >&2
