-- name: ListSessions :many
SELECT * FROM sessions
WHERE (sqlc.narg(from_at)::timestamptz IS NULL OR started_at >= sqlc.narg(from_at))
  AND (sqlc.narg(to_at)::timestamptz IS NULL OR started_at < sqlc.narg(to_at))
  AND (sqlc.narg(provider)::text IS NULL OR provider = sqlc.narg(provider))
  AND (sqlc.narg(model)::text IS NULL OR model = sqlc.narg(model))
  AND (sqlc.narg(developer)::text IS NULL OR developer = sqlc.narg(developer))
  AND (sqlc.narg(team)::text IS NULL OR team = sqlc.narg(team))
  AND (sqlc.narg(repo)::text IS NULL OR repo = sqlc.narg(repo))
  AND (sqlc.narg(after_at)::timestamptz IS NULL OR (started_at, id) < (sqlc.narg(after_at), sqlc.narg(after_id)::text))
ORDER BY started_at DESC, id DESC
LIMIT sqlc.arg(lim);

-- name: ListSessionsMatching :many
SELECT * FROM sessions
WHERE (id IN (SELECT tt.session_id FROM turn_texts tt WHERE tt.body_tsv @@ to_tsquery('simple', sqlc.arg(fts)))
       OR external_id = sqlc.arg(raw_text))
  AND (sqlc.narg(from_at)::timestamptz IS NULL OR started_at >= sqlc.narg(from_at))
  AND (sqlc.narg(to_at)::timestamptz IS NULL OR started_at < sqlc.narg(to_at))
  AND (sqlc.narg(provider)::text IS NULL OR provider = sqlc.narg(provider))
  AND (sqlc.narg(model)::text IS NULL OR model = sqlc.narg(model))
  AND (sqlc.narg(developer)::text IS NULL OR developer = sqlc.narg(developer))
  AND (sqlc.narg(team)::text IS NULL OR team = sqlc.narg(team))
  AND (sqlc.narg(repo)::text IS NULL OR repo = sqlc.narg(repo))
  AND (sqlc.narg(after_at)::timestamptz IS NULL OR (started_at, id) < (sqlc.narg(after_at), sqlc.narg(after_id)::text))
ORDER BY started_at DESC, id DESC
LIMIT sqlc.arg(lim);

-- name: GetSession :one
SELECT * FROM sessions WHERE id = $1;

-- name: GetSessions :many
SELECT * FROM sessions WHERE id = ANY(sqlc.arg(ids)::text[]);
