#!/usr/bin/env bash
# `make demo`: the whole product in one command, offline and without an API key. Starts the fake
# provider (a local stand-in for every LLM API) and the system, drives a few agent sessions
# through the gateway, then shows `recondo sessions`, one session's trace and `recondo stats`, and
# leaves the dashboard (served by recondo-graphql), GraphQL and REST up until Ctrl-C. DEMO_EXIT=1 exits after printing (for scripts/tests).
#
# Sessions driven:
#   alice  the real Claude Code CLI (gateway/e2e/agents; installed with `npm ci` when npm is there)
#   bob    a scripted client speaking the OpenAI Responses API (streamed), one tool round trip
#   carol  a scripted client speaking the Gemini API (streamGenerateContent), one tool round trip
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
t0=$(date +%s)

if [ -n "${RECONDO_DATA_DIR:-}" ]; then
  data="$RECONDO_DATA_DIR/demo"
  rm -rf "$data"
  cleanup_data=0
else
  data=$(mktemp -d -t recondo-demo.XXXXXX)
  cleanup_data=1
fi
mkdir -p "$data" && chmod 700 "$data"
export RECONDO_DATA_DIR="$data"
logs="$data/logs"
mkdir -p "$logs"

pids=()
stop() {
  trap - INT TERM EXIT
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ "$cleanup_data" = 1 ] && rm -rf "$data"
  echo "demo stopped."
}
trap stop INT TERM EXIT

if [ -t 1 ]; then bold=$'\033[1m' reset=$'\033[0m'; else bold='' reset=''; fi
say() { printf '\n%s== %s%s\n' "$bold" "$*" "$reset"; }
free_port() { # free_port PREFERRED: PREFERRED when nothing listens there, else one the kernel picks
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then echo "$1"; return; fi
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
wait_port() { # wait_port PORT NAME
  for _ in $(seq 1 200); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done
  echo "$2 did not start on port $1; see $logs" >&2; exit 1
}

say "building"
if ! make -s build >"$logs/build.log" 2>&1; then
  cat "$logs/build.log" >&2
  for b in recondo recondo-gateway recondo-graphql recondo-rest recondo-fake-provider; do
    [ -x "bin/$b" ] || { echo "make build failed and bin/$b is missing" >&2; exit 1; }
  done
  echo "make build failed; using the binaries already in bin/" >&2
fi

fake_port=$(free_port 9443)
gw_port=$(free_port 8443)
gql_port=$(free_port 8080)
rest_port=$(free_port 8081)

say "starting the fake provider and Recondo (data in $data)"
bin/recondo-fake-provider --listen "127.0.0.1:$fake_port" --ca-dir "$data/fake-provider" \
  --event-delay 5ms --first-byte-delay 20ms >"$logs/fake-provider.log" 2>&1 &
pids+=($!)
wait_port "$fake_port" fake-provider
fake_ca="$data/fake-provider/ca.crt"
for _ in $(seq 1 100); do [ -f "$fake_ca" ] && break; sleep 0.05; done
[ -f "$fake_ca" ] || fake_ca=$(find "$data/fake-provider" -name '*.crt' | head -1)

resolve=()
for h in api.anthropic.com api.openai.com chatgpt.com generativelanguage.googleapis.com cloudcode-pa.googleapis.com; do
  resolve+=(--resolve "$h:443:127.0.0.1:$fake_port")
done
# The gateway verifies upstream TLS: trust the fake provider's CA as an extra (corporate) root.
RECONDO_EXTRA_CA_CERTS="$fake_ca" bin/recondo-gateway serve --data-dir "$data" \
  --listen "127.0.0.1:$gw_port" "${resolve[@]}" >"$logs/gateway.log" 2>&1 &
pids+=($!)
bin/recondo-graphql serve --data-dir "$data" --dev --listen "127.0.0.1:$gql_port" >"$logs/graphql.log" 2>&1 &
pids+=($!)
bin/recondo-rest serve --data-dir "$data" --dev --listen "127.0.0.1:$rest_port" >"$logs/rest.log" 2>&1 &
pids+=($!)
wait_port "$gw_port" gateway
wait_port "$gql_port" graphql
wait_port "$rest_port" rest
ca="$data/ca/ca.crt"
for _ in $(seq 1 100); do [ -f "$ca" ] && break; sleep 0.05; done
echo "fake provider 127.0.0.1:$fake_port   gateway 127.0.0.1:$gw_port   graphql :$gql_port   rest :$rest_port"

# Every agent reaches the gateway as an HTTPS proxy; the proxy URL's user name is the developer.
proxy() { echo "http://$1:x@127.0.0.1:$gw_port"; } # the password is ignored; some clients send the name only with one

# --- alice: the real Claude Code ----------------------------------------------------------------
agents="$root/gateway/e2e/agents"
claude="$agents/node_modules/.bin/claude"
if [ ! -x "$claude" ] && command -v npm >/dev/null; then
  say "installing Claude Code (npm ci in gateway/e2e/agents)"
  (cd "$agents" && npm ci --no-audit --no-fund >"$logs/npm.log" 2>&1) || echo "npm ci failed (offline?); skipping Claude Code"
fi
claude_sid=""
if [ -x "$claude" ]; then
  say "alice runs Claude Code: \"Create note.txt containing hello, then tell me what it contains\""
  home=$(mktemp -d "$data/claude-home.XXXX") work=$(mktemp -d "$data/alice-work.XXXX")
  if out=$(cd "$work" && env -i PATH="$PATH" HOME="$home" TMPDIR="$home" \
      HTTPS_PROXY="$(proxy alice)" NODE_EXTRA_CA_CERTS="$ca" ANTHROPIC_API_KEY=sk-ant-api03-dummy \
      DISABLE_TELEMETRY=1 DISABLE_AUTOUPDATER=1 DISABLE_ERROR_REPORTING=1 \
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 \
      timeout 120 "$claude" -p "Create note.txt containing hello, then tell me what it contains" \
      --output-format json --allowedTools Bash 2>"$logs/claude.err"); then
    claude_sid=$(jq -r '.session_id // empty' <<<"$out")
    echo "claude: $(jq -r '.result' <<<"$out" | head -3)"
    echo "note.txt on disk: $(cat "$work/note.txt" 2>/dev/null || echo '(missing)')"
  else
    echo "Claude Code failed (see $logs/claude.err); continuing with the scripted sessions"
  fi
else
  say "Claude Code not installed (no npm); skipping alice"
fi

# --- bob: OpenAI Responses API, streamed, with a tool round trip ----------------------------------
# Headers and bodies have the shape Codex sends; the client names itself honestly.
ua="recondo-demo/1.0"
say "bob: scripted client, OpenAI Responses API (stream) with a shell tool round trip"
bob_sid=$(python3 -c 'import uuid; print(uuid.uuid4())')
tools='[{"type":"function","name":"shell","description":"Runs a shell command","strict":false,"parameters":{"type":"object","properties":{"command":{"type":"array","items":{"type":"string"}}},"required":["command"]}}]'
prompt1='{"type":"message","role":"user","content":[{"type":"input_text","text":"Create note.txt containing hello and show me its contents"}]}'
oa() { curl -sS --fail-with-body --proxy "$(proxy bob)" --cacert "$ca" \
  -H "Authorization: Bearer sk-demo-dummy" -H "Content-Type: application/json" \
  -H "User-Agent: $ua" -H "session_id: $bob_sid" -H "Accept: text/event-stream" \
  https://api.openai.com/v1/responses -d @-; }
r1=$(jq -nc --argjson t "$tools" --argjson p "$prompt1" \
  '{model:"gpt-5-codex",instructions:"You are a coding agent.",input:[$p],tools:$t,tool_choice:"auto",stream:true,store:false}' | oa)
call=$(grep '^data:' <<<"$r1" | sed 's/^data: *//' | jq -c 'select(.type=="response.output_item.done" and .item.type=="function_call") | .item' | head -1)
[ -n "$call" ] || { echo "no function_call in the Responses stream:"; echo "$r1" | head -20; exit 1; }
echo "model asked for: $(jq -r '.name + " " + .arguments' <<<"$call")"
cmd_out=$(cd "$(mktemp -d "$data/bob-work.XXXX")" && sh -c 'echo hello > note.txt && cat note.txt')
r2=$(jq -nc --argjson t "$tools" --argjson p "$prompt1" --argjson c "$call" --arg o "$cmd_out" \
  '{model:"gpt-5-codex",instructions:"You are a coding agent.",
    input:[$p, ($c|del(.status)), {type:"function_call_output",call_id:$c.call_id,output:$o}],
    tools:$t,tool_choice:"auto",stream:true,store:false}' | oa)
echo "answer: $(grep '^data:' <<<"$r2" | sed 's/^data: *//' | jq -rj 'select(.type=="response.output_text.delta") | .delta' | head -c 300)"

# --- carol: Gemini API streamGenerateContent, with a tool round trip --------------------------------
say "carol: scripted client, Gemini streamGenerateContent with a shell tool round trip"
gtools='[{"functionDeclarations":[{"name":"run_shell_command","description":"Runs a shell command","parameters":{"type":"object","properties":{"command":{"type":"string"},"description":{"type":"string"}},"required":["command"]}}]}]'
gprompt='{"role":"user","parts":[{"text":"Write hello into note.txt and tell me what the file says"}]}'
gm() { curl -sS --fail-with-body --proxy "$(proxy carol)" --cacert "$ca" \
  -H "x-goog-api-key: demo-dummy" -H "Content-Type: application/json" -H "User-Agent: $ua" \
  "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse" -d @-; }
g1=$(jq -nc --argjson t "$gtools" --argjson p "$gprompt" \
  '{contents:[$p],tools:$t,systemInstruction:{parts:[{text:"You are a coding agent."}]}}' | gm)
gchunks=$(grep '^data:' <<<"$g1" | sed 's/^data: *//')
fcall=$(jq -c '.candidates[]?.content.parts[]? | select(.functionCall) | .functionCall' <<<"$gchunks" | head -1)
[ -n "$fcall" ] || { echo "no functionCall in the Gemini stream:"; echo "$g1" | head -20; exit 1; }
echo "model asked for: $(jq -c . <<<"$fcall")"
mparts=$(jq -sc '[.[] | .candidates[]?.content.parts[]?]' <<<"$gchunks")
cmd_out=$(cd "$(mktemp -d "$data/carol-work.XXXX")" && sh -c 'echo hello > note.txt && cat note.txt')
g2=$(jq -nc --argjson t "$gtools" --argjson p "$gprompt" --argjson m "$mparts" --argjson f "$fcall" --arg o "$cmd_out" \
  '{contents:[$p,{role:"model",parts:$m},
     {role:"user",parts:[{functionResponse:{name:$f.name,response:{output:$o}}}]}],
    tools:$t,systemInstruction:{parts:[{text:"You are a coding agent."}]}}' | gm)
echo "answer: $(grep '^data:' <<<"$g2" | sed 's/^data: *//' | jq -rj '.candidates[]?.content.parts[]? | select(.thought != true) | .text // empty' | head -c 300)"

# --- wait for ingestion -----------------------------------------------------------------------------
say "waiting for the captures to be ingested"
expect=2
[ -n "$claude_sid" ] && expect=3
for _ in $(seq 1 100); do
  n=$(bin/recondo sessions --data-dir "$data" --json 2>/dev/null | jq '.sessions | length' 2>/dev/null || echo 0)
  [ "${n:-0}" -ge "$expect" ] && break
  sleep 0.2
done
sleep 1 # let the last turns of each session land

say "recondo sessions"
bin/recondo sessions --data-dir "$data"
sid=""
if [ -n "$claude_sid" ]; then
  sid=$(bin/recondo sessions --data-dir "$data" --json | jq -r --arg x "$claude_sid" \
    '[.sessions[] | select(.external_id == $x or .externalID == $x or .ExternalID == $x)][0].id // empty')
fi
[ -n "$sid" ] || sid=$(bin/recondo sessions --data-dir "$data" --json | jq -r '.sessions[-1].id')
say "recondo session $sid --turns"
bin/recondo session --data-dir "$data" --turns "$sid"
say "recondo stats --by model"
bin/recondo stats --data-dir "$data" --by model

# The dashboard is the embedded web/dist served by recondo-graphql: make sure it answers before
# pointing anyone at it.
dashboard="http://127.0.0.1:$gql_port/"
if ! curl -fsS "$dashboard" 2>/dev/null | grep -q '<title>Recondo</title>'; then
  echo "the dashboard did not answer at $dashboard; see $logs/graphql.log" >&2
  exit 1
fi

cat <<MSG

${bold}== Recondo is up${reset} (demo took $(( $(date +%s) - t0 ))s; data in $data$([ "$cleanup_data" = 1 ] && echo ', removed on exit'))
  Dashboard  $dashboard   (the sessions above, their traces, spend, search)
  GraphQL    http://127.0.0.1:$gql_port/graphql
  REST       http://127.0.0.1:$rest_port/v1/sessions
  Gateway    HTTPS_PROXY=http://\$USER:x@127.0.0.1:$gw_port  (CA $ca; providers resolve to the fake on :$fake_port)
  CLI        RECONDO_DATA_DIR=$data bin/recondo sessions
MSG
if [ "${DEMO_EXIT:-}" = 1 ]; then exit 0; fi
echo "Ctrl-C stops everything."
wait -n "${pids[@]}"
