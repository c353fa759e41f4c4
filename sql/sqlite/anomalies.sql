-- name: ListAnomalies :many
SELECT * FROM anomaly_events
WHERE (sqlc.narg(from_us) IS NULL OR created_at >= sqlc.narg(from_us))
  AND (sqlc.narg(to_us) IS NULL OR created_at < sqlc.narg(to_us))
  AND (sqlc.narg(kind) IS NULL OR kind = sqlc.narg(kind))
  AND (sqlc.narg(severity) IS NULL OR severity = sqlc.narg(severity))
  AND (sqlc.narg(session_id) IS NULL OR session_id = sqlc.narg(session_id))
  AND (sqlc.narg(after_us) IS NULL OR created_at < sqlc.narg(after_us)
       OR (created_at = sqlc.narg(after_us) AND id < sqlc.narg(after_id)))
ORDER BY created_at DESC, id DESC
LIMIT sqlc.arg(lim);
