-- Bulk loading for the dataset seeder (data/internal/seed): COPY, not per-row INSERT, because the
-- benchmark dataset is ~6M rows. Sessions arrive whole, with totals precomputed from their turns.

-- name: CopySessions :copyfrom
INSERT INTO sessions (id, external_id, parent_session_id, provider, model, client, client_version,
    developer, team, repo, branch, intent, started_at, last_activity_at, turn_count,
    input_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, output_tokens,
    reasoning_tokens, cost_micros, unpriced_turns)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23);

-- name: CopyTurns :copyfrom
INSERT INTO turns (id, session_id, seq, started_at, first_byte_at, ended_at, host, method, path, status,
    transport, provider, api, request_model, model, response_id, request_id, request_sha256, request_size,
    response_sha256, response_size, request_encoding, response_encoding, input_tokens, cache_read_tokens,
    cache_write_5m_tokens, cache_write_1h_tokens, output_tokens, reasoning_tokens, usage_native, cost_micros,
    stop_reason, stop_reason_normalized, complete, parsed, error, developer, team, repo, client, client_version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
    $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41);

-- name: CopyToolCalls :copyfrom
INSERT INTO tool_calls (id, turn_id, session_id, idx, tool_use_id, name, arguments, arguments_raw, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- name: CopyToolResults :copyfrom
INSERT INTO tool_results (id, session_id, tool_use_id, result_turn_id, is_error, seen_at)
VALUES ($1, $2, $3, $4, $5, $6);

-- name: CopyTurnTexts :copyfrom
INSERT INTO turn_texts (turn_id, session_id, started_at, role, body) VALUES ($1, $2, $3, $4, $5);

-- name: CopyAnomalies :copyfrom
INSERT INTO anomaly_events (id, created_at, kind, severity, session_id, turn_id, message, detail)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
