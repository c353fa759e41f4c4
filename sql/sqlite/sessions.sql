-- name: ListSessions :many
SELECT * FROM sessions
WHERE (sqlc.narg(from_us) IS NULL OR started_at >= sqlc.narg(from_us))
  AND (sqlc.narg(to_us) IS NULL OR started_at < sqlc.narg(to_us))
  AND (sqlc.narg(provider) IS NULL OR provider = sqlc.narg(provider))
  AND (sqlc.narg(model) IS NULL OR model = sqlc.narg(model))
  AND (sqlc.narg(developer) IS NULL OR developer = sqlc.narg(developer))
  AND (sqlc.narg(team) IS NULL OR team = sqlc.narg(team))
  AND (sqlc.narg(repo) IS NULL OR repo = sqlc.narg(repo))
  AND (sqlc.narg(after_us) IS NULL OR started_at < sqlc.narg(after_us)
       OR (started_at = sqlc.narg(after_us) AND id < sqlc.narg(after_id)))
ORDER BY started_at DESC, id DESC
LIMIT sqlc.arg(lim);

-- name: ListSessionsMatching :many
-- Like ListSessions, restricted to sessions whose captured text matches the FTS query or whose
-- external id equals the raw text.
SELECT * FROM sessions
WHERE (id IN (SELECT tt.session_id FROM turn_texts tt
              WHERE tt.rowid IN (SELECT f.rowid FROM turn_texts_fts f WHERE f.body MATCH sqlc.arg(fts)))
       OR external_id = sqlc.arg(raw_text))
  AND (sqlc.narg(from_us) IS NULL OR started_at >= sqlc.narg(from_us))
  AND (sqlc.narg(to_us) IS NULL OR started_at < sqlc.narg(to_us))
  AND (sqlc.narg(provider) IS NULL OR provider = sqlc.narg(provider))
  AND (sqlc.narg(model) IS NULL OR model = sqlc.narg(model))
  AND (sqlc.narg(developer) IS NULL OR developer = sqlc.narg(developer))
  AND (sqlc.narg(team) IS NULL OR team = sqlc.narg(team))
  AND (sqlc.narg(repo) IS NULL OR repo = sqlc.narg(repo))
  AND (sqlc.narg(after_us) IS NULL OR started_at < sqlc.narg(after_us)
       OR (started_at = sqlc.narg(after_us) AND id < sqlc.narg(after_id)))
ORDER BY started_at DESC, id DESC
LIMIT sqlc.arg(lim);

-- name: GetSession :one
SELECT * FROM sessions WHERE id = ?;

-- name: GetSessions :many
SELECT * FROM sessions WHERE id IN (sqlc.slice(ids));
