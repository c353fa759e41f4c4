-- name: SearchTexts :many
-- Newest text first: FTS5 walks its doclists by rowid, so ORDER BY rowid DESC with a LIMIT stops
-- early instead of sorting every match.
SELECT t.rowid, t.turn_id, t.session_id, t.started_at, t.role, t.body
FROM turn_texts t
WHERE t.rowid IN (SELECT f.rowid FROM turn_texts_fts f WHERE f.body MATCH sqlc.arg(fts)
                  AND (sqlc.narg(before_rowid) IS NULL OR f.rowid < sqlc.narg(before_rowid))
                  ORDER BY f.rowid DESC)
  AND (sqlc.narg(session_id) IS NULL OR t.session_id = sqlc.narg(session_id))
  AND (sqlc.narg(role) IS NULL OR t.role = sqlc.narg(role))
ORDER BY t.rowid DESC
LIMIT sqlc.arg(lim);
