-- name: ListTurns :many
SELECT * FROM turns
WHERE session_id = sqlc.arg(session_id) AND seq > sqlc.arg(after_seq)
ORDER BY seq
LIMIT sqlc.arg(lim);

-- name: ListTurnsOfSessions :many
SELECT * FROM turns WHERE session_id = ANY(sqlc.arg(ids)::text[]) ORDER BY session_id, seq;

-- name: GetTurn :one
SELECT * FROM turns WHERE id = $1;

-- name: ListToolCalls :many
SELECT c.*,
       (r.result_turn_id IS NOT NULL)::boolean AS result_seen,
       COALESCE(r.is_error, FALSE)::boolean AS result_is_error,
       COALESCE(r.result_turn_id, '')::text AS result_turn_id
FROM tool_calls c
LEFT JOIN LATERAL (
    SELECT r2.result_turn_id, r2.is_error FROM tool_results r2
    WHERE r2.session_id = c.session_id AND r2.tool_use_id = c.tool_use_id AND c.tool_use_id != ''
      AND r2.seen_at >= c.created_at -- the first result after the call (Gemini reuses function names as ids)
    ORDER BY r2.seen_at, r2.id LIMIT 1) r ON TRUE
WHERE c.turn_id = ANY(sqlc.arg(turn_ids)::text[])
ORDER BY c.turn_id, c.idx;

-- name: ListTurnTexts :many
SELECT turn_id, session_id, started_at, role, body FROM turn_texts WHERE turn_id = $1 ORDER BY id;

-- name: ListTurnHashes :many
SELECT id, session_id, request_sha256, response_sha256 FROM turns
WHERE (sqlc.arg(session_id)::text = '' OR session_id = sqlc.arg(session_id)) AND id > sqlc.arg(after_id)::text
ORDER BY id
LIMIT sqlc.arg(lim);
