-- Governance metadata: the only data the read surfaces may change.

-- name: CreateKey :exec
INSERT INTO api_keys (id, name, prefix, key_sha256, role, team, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7);

-- name: KeyByHash :one
SELECT * FROM api_keys WHERE key_sha256 = $1;

-- name: ListKeys :many
SELECT * FROM api_keys ORDER BY created_at, id;

-- name: RevokeKey :execrows
UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL;

-- name: CreatePolicy :exec
INSERT INTO policies (id, name, kind, spec, enabled, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7);

-- name: UpdatePolicy :execrows
UPDATE policies SET name = $1, kind = $2, spec = $3, enabled = $4, updated_at = $5 WHERE id = $6;

-- name: DeletePolicy :execrows
DELETE FROM policies WHERE id = $1;

-- name: GetPolicy :one
SELECT * FROM policies WHERE id = $1;

-- name: ListPolicies :many
SELECT * FROM policies ORDER BY name, id;

-- name: CreateAlert :exec
INSERT INTO alerts (id, created_at, kind, severity, session_id, anomaly_id, message) VALUES ($1, $2, $3, $4, $5, $6, $7);

-- name: ListAlerts :many
SELECT * FROM alerts
WHERE (NOT sqlc.arg(unacknowledged_only)::boolean OR acknowledged_at IS NULL)
ORDER BY created_at DESC, id DESC
LIMIT sqlc.arg(lim);

-- name: AcknowledgeAlert :execrows
UPDATE alerts SET acknowledged_at = $1, acknowledged_by = $2 WHERE id = $3 AND acknowledged_at IS NULL;

-- name: CreateReport :exec
INSERT INTO reports (id, name, spec, created_by, created_at) VALUES ($1, $2, $3, $4, $5);

-- name: ListReports :many
SELECT * FROM reports ORDER BY created_at DESC, id DESC LIMIT $1;

-- name: ListDevelopers :many
SELECT developer AS name, MAX(team)::text AS team, COUNT(*)::bigint AS sessions, MAX(last_activity_at)::timestamptz AS last_activity_at
FROM sessions WHERE developer != '' GROUP BY developer ORDER BY developer;

-- name: ListTeams :many
SELECT team AS name, COUNT(DISTINCT developer)::bigint AS developers, COUNT(*)::bigint AS sessions, MAX(last_activity_at)::timestamptz AS last_activity_at
FROM sessions WHERE team != '' GROUP BY team ORDER BY team;
