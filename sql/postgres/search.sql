-- name: SearchTexts :many
SELECT t.id, t.turn_id, t.session_id, t.started_at, t.role, t.body
FROM turn_texts t
WHERE t.body_tsv @@ to_tsquery('simple', sqlc.arg(fts))
  AND (sqlc.narg(before_id)::bigint IS NULL OR t.id < sqlc.narg(before_id))
  AND (sqlc.narg(session_id)::text IS NULL OR t.session_id = sqlc.narg(session_id))
  AND (sqlc.narg(role)::text IS NULL OR t.role = sqlc.narg(role))
ORDER BY t.id DESC
LIMIT sqlc.arg(lim);
