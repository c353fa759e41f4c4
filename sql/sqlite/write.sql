-- Capture ingestion: used only by data/write (the gateway's side).

-- name: TurnExists :one
SELECT EXISTS (SELECT 1 FROM turns WHERE id = ?) AS found;

-- name: UpsertSession :one
-- Adds one turn to a session, creating it on first sight. Descriptive fields keep their first
-- non-empty value; the returned turn_count is the new turn's sequence number.
INSERT INTO sessions (id, external_id, parent_session_id, provider, model, client, client_version,
    developer, team, repo, branch, intent, started_at, last_activity_at, turn_count,
    input_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, output_tokens,
    reasoning_tokens, cost_micros, unpriced_turns)
VALUES (sqlc.arg(id), sqlc.narg(external_id), sqlc.narg(parent_session_id), sqlc.arg(provider), sqlc.arg(model),
    sqlc.arg(client), sqlc.arg(client_version), sqlc.arg(developer), sqlc.arg(team), sqlc.arg(repo),
    sqlc.arg(branch), sqlc.arg(intent), sqlc.arg(started_at), sqlc.arg(last_activity_at), 1,
    sqlc.arg(input_tokens), sqlc.arg(cache_read_tokens), sqlc.arg(cache_write_5m_tokens),
    sqlc.arg(cache_write_1h_tokens), sqlc.arg(output_tokens), sqlc.arg(reasoning_tokens),
    sqlc.arg(cost_micros), sqlc.arg(unpriced_turns))
ON CONFLICT (id) DO UPDATE SET
    external_id = COALESCE(sessions.external_id, excluded.external_id),
    parent_session_id = COALESCE(sessions.parent_session_id, excluded.parent_session_id),
    provider = CASE WHEN sessions.provider = '' THEN excluded.provider ELSE sessions.provider END,
    model = CASE WHEN excluded.model != '' THEN excluded.model ELSE sessions.model END,
    client = CASE WHEN sessions.client = '' THEN excluded.client ELSE sessions.client END,
    client_version = CASE WHEN sessions.client_version = '' THEN excluded.client_version ELSE sessions.client_version END,
    developer = CASE WHEN sessions.developer = '' THEN excluded.developer ELSE sessions.developer END,
    team = CASE WHEN sessions.team = '' THEN excluded.team ELSE sessions.team END,
    repo = CASE WHEN sessions.repo = '' THEN excluded.repo ELSE sessions.repo END,
    branch = CASE WHEN excluded.branch != '' THEN excluded.branch ELSE sessions.branch END,
    intent = CASE WHEN sessions.intent = '' THEN excluded.intent ELSE sessions.intent END,
    started_at = MIN(sessions.started_at, excluded.started_at),
    last_activity_at = MAX(sessions.last_activity_at, excluded.last_activity_at),
    turn_count = sessions.turn_count + 1,
    input_tokens = sessions.input_tokens + excluded.input_tokens,
    cache_read_tokens = sessions.cache_read_tokens + excluded.cache_read_tokens,
    cache_write_5m_tokens = sessions.cache_write_5m_tokens + excluded.cache_write_5m_tokens,
    cache_write_1h_tokens = sessions.cache_write_1h_tokens + excluded.cache_write_1h_tokens,
    output_tokens = sessions.output_tokens + excluded.output_tokens,
    reasoning_tokens = sessions.reasoning_tokens + excluded.reasoning_tokens,
    cost_micros = sessions.cost_micros + excluded.cost_micros,
    unpriced_turns = sessions.unpriced_turns + excluded.unpriced_turns
RETURNING turn_count;

-- name: InsertTurn :exec
INSERT INTO turns (id, session_id, seq, started_at, first_byte_at, ended_at, host, method, path, status,
    transport, provider, api, request_model, model, response_id, request_id, request_sha256, request_size,
    response_sha256, response_size, request_encoding, response_encoding, input_tokens, cache_read_tokens,
    cache_write_5m_tokens, cache_write_1h_tokens, output_tokens, reasoning_tokens, usage_native, cost_micros,
    stop_reason, stop_reason_normalized, complete, parsed, error, developer, team, repo, client, client_version)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: InsertToolCall :exec
INSERT INTO tool_calls (id, turn_id, session_id, idx, tool_use_id, name, arguments, arguments_raw, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: InsertToolResult :exec
INSERT INTO tool_results (id, session_id, tool_use_id, result_turn_id, is_error, seen_at)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (session_id, tool_use_id, result_turn_id) DO NOTHING;

-- name: InsertTurnText :exec
INSERT INTO turn_texts (turn_id, session_id, started_at, role, body) VALUES (?, ?, ?, ?, ?);

-- name: InsertAnomaly :exec
INSERT INTO anomaly_events (id, created_at, kind, severity, session_id, turn_id, message, detail)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO NOTHING;
