-- name: InsertArtifact :exec
INSERT INTO artifacts (id, session_id, turn_id, tool_call_id, action, path, command, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8);

-- name: ListSessionArtifacts :many
SELECT * FROM artifacts WHERE session_id = $1 ORDER BY created_at, id;

-- name: ListPathArtifacts :many
SELECT * FROM artifacts
WHERE path = sqlc.arg(path) AND path != ''
  AND (sqlc.narg(after_at)::timestamptz IS NULL OR (created_at, id) < (sqlc.narg(after_at), sqlc.narg(after_id)::text))
ORDER BY created_at DESC, id DESC
LIMIT sqlc.arg(lim);
