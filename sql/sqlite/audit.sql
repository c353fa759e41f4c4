-- name: AppendAccess :exec
INSERT INTO access_audit_log (id, at, key_id, principal, surface, operation, resource_ids, client_addr, outcome, unmasked, detail)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: ListAccess :many
SELECT * FROM access_audit_log
WHERE (sqlc.narg(surface) IS NULL OR surface = sqlc.narg(surface))
  AND (sqlc.narg(key_id) IS NULL OR key_id = sqlc.narg(key_id))
  AND (sqlc.narg(after_us) IS NULL OR at < sqlc.narg(after_us)
       OR (at = sqlc.narg(after_us) AND id < sqlc.narg(after_id)))
ORDER BY at DESC, id DESC
LIMIT sqlc.arg(lim);
