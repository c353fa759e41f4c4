-- name: InsertArtifact :exec
INSERT INTO artifacts (id, session_id, turn_id, tool_call_id, action, path, command, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?);

-- name: ListSessionArtifacts :many
SELECT * FROM artifacts WHERE session_id = ? ORDER BY created_at, id;

-- name: ListPathArtifacts :many
-- Every touch of one path, newest first (the path index serves it).
SELECT * FROM artifacts
WHERE path = sqlc.arg(path) AND path != ''
  AND (sqlc.narg(after_us) IS NULL OR created_at < sqlc.narg(after_us)
       OR (created_at = sqlc.narg(after_us) AND id < sqlc.narg(after_id)))
ORDER BY created_at DESC, id DESC
LIMIT sqlc.arg(lim);
