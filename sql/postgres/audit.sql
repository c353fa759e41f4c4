-- name: AppendAccess :exec
INSERT INTO access_audit_log (id, at, key_id, principal, surface, operation, resource_ids, client_addr, outcome, unmasked, detail)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);

-- name: ListAccess :many
SELECT * FROM access_audit_log
WHERE (sqlc.narg(surface)::text IS NULL OR surface = sqlc.narg(surface))
  AND (sqlc.narg(key_id)::text IS NULL OR key_id = sqlc.narg(key_id))
  AND (sqlc.narg(after_at)::timestamptz IS NULL OR (at, id) < (sqlc.narg(after_at), sqlc.narg(after_id)::text))
ORDER BY at DESC, id DESC
LIMIT sqlc.arg(lim);
