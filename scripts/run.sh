#!/usr/bin/env bash
# `make run`: starts the system on the embedded default (SQLite + local object store under
# RECONDO_DATA_DIR, default ~/.recondo). Each server that has been built into bin/ is started with
# its default --listen address; Ctrl-C stops them all.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export RECONDO_DATA_DIR=${RECONDO_DATA_DIR:-$HOME/.recondo}
mkdir -p "$RECONDO_DATA_DIR"
chmod 700 "$RECONDO_DATA_DIR"

pids=()
stop() {
  trap - INT TERM EXIT
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "stopped."
}
trap stop INT TERM EXIT

servers=(recondo-gateway recondo-graphql recondo-rest)
started=0
for s in "${servers[@]}"; do
  if [ -x "$root/bin/$s" ]; then
    args=(serve --data-dir "$RECONDO_DATA_DIR")
    # The read servers run without API keys here: --dev, which binds to loopback only. In
    # production create keys (recondo keys create) and drop --dev.
    [ "$s" != recondo-gateway ] && args+=(--dev)
    "$root/bin/$s" "${args[@]}" &
    pids+=($!)
    started=$((started + 1))
  fi
done
if [ "$started" = 0 ]; then
  echo "no server binaries in bin/ yet (expected: ${servers[*]}); nothing to start." >&2
  exit 1
fi
# The gateway creates its CA on first start; wait for it, then say how to point agents at it.
for _ in $(seq 1 100); do [ -f "$RECONDO_DATA_DIR/ca/ca.crt" ] && break; sleep 0.1; done
ca="$RECONDO_DATA_DIR/ca/ca.crt"
cat <<MSG

Recondo is running (data in $RECONDO_DATA_DIR). Point an agent at the gateway:

  export HTTPS_PROXY=http://\$USER:x@127.0.0.1:8443   # the user name attributes traffic to you (the password is ignored)
  Claude Code, Gemini CLI:  export NODE_EXTRA_CA_CERTS=$ca
  Codex:                    export CODEX_CA_CERTIFICATE=$ca SSL_CERT_FILE=$ca

Then run the agent as usual, and see what it did:
  Dashboard  http://127.0.0.1:8080/
  CLI        bin/recondo sessions            bin/recondo stats --by model
  GraphQL    http://127.0.0.1:8080/graphql   REST  http://127.0.0.1:8081/v1/sessions
Ctrl-C stops everything.
MSG
wait -n "${pids[@]}"
