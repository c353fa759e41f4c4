-- name: SearchTexts :many
-- Driven from the FTS5 table: it walks its doclists by rowid, so ORDER BY f.rowid DESC with a
-- LIMIT stops after the newest matches instead of collecting every match first (a common word
-- matches most of the corpus).
SELECT t.rowid, t.turn_id, t.session_id, t.started_at, t.role, t.body
FROM turn_texts_fts f
JOIN turn_texts t ON t.rowid = f.rowid
WHERE f.body MATCH sqlc.arg(fts)
  AND (sqlc.narg(before_rowid) IS NULL OR f.rowid < sqlc.narg(before_rowid))
  AND (sqlc.narg(session_id) IS NULL OR t.session_id = sqlc.narg(session_id))
  AND (sqlc.narg(role) IS NULL OR t.role = sqlc.narg(role))
ORDER BY f.rowid DESC
LIMIT sqlc.arg(lim);
