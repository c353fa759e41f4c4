-- name: ListTurns :many
SELECT * FROM turns
WHERE session_id = sqlc.arg(session_id) AND seq > sqlc.arg(after_seq)
ORDER BY seq
LIMIT sqlc.arg(lim);

-- name: ListTurnsOfSessions :many
SELECT * FROM turns WHERE session_id IN (sqlc.slice(ids)) ORDER BY session_id, seq;

-- name: GetTurn :one
SELECT * FROM turns WHERE id = ?;

-- name: ListToolCalls :many
SELECT c.*,
       CAST(r.result_turn_id IS NOT NULL AS INTEGER) AS result_seen,
       CAST(COALESCE(r.is_error, 0) AS INTEGER) AS result_is_error,
       CAST(COALESCE(r.result_turn_id, '') AS TEXT) AS result_turn_id
FROM tool_calls c
LEFT JOIN tool_results r ON r.id = (
    SELECT r2.id FROM tool_results r2
    WHERE r2.session_id = c.session_id AND r2.tool_use_id = c.tool_use_id AND c.tool_use_id != ''
      AND r2.seen_at >= c.created_at -- the first result after the call (Gemini reuses function names as ids)
    ORDER BY r2.seen_at, r2.id LIMIT 1)
WHERE c.turn_id IN (sqlc.slice(turn_ids))
ORDER BY c.turn_id, c.idx;

-- name: ListTurnTexts :many
SELECT turn_id, session_id, started_at, role, body FROM turn_texts WHERE turn_id = ? ORDER BY rowid;

-- name: ListTurnHashes :many
SELECT id, session_id, request_sha256, response_sha256 FROM turns
WHERE (sqlc.arg(session_id) = '' OR session_id = sqlc.arg(session_id)) AND id > sqlc.arg(after_id)
ORDER BY id
LIMIT sqlc.arg(lim);
