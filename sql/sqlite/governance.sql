-- Governance metadata: the only data the read surfaces may change.

-- name: CreateKey :exec
INSERT INTO api_keys (id, name, prefix, key_sha256, role, team, created_at) VALUES (?, ?, ?, ?, ?, ?, ?);

-- name: KeyByHash :one
SELECT * FROM api_keys WHERE key_sha256 = ?;

-- name: ListKeys :many
SELECT * FROM api_keys ORDER BY created_at, id;

-- name: RevokeKey :execrows
UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL;

-- name: CreatePolicy :exec
INSERT INTO policies (id, name, kind, spec, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?);

-- name: UpdatePolicy :execrows
UPDATE policies SET name = ?, kind = ?, spec = ?, enabled = ?, updated_at = ? WHERE id = ?;

-- name: DeletePolicy :execrows
DELETE FROM policies WHERE id = ?;

-- name: GetPolicy :one
SELECT * FROM policies WHERE id = ?;

-- name: ListPolicies :many
SELECT * FROM policies ORDER BY name, id;

-- name: CreateAlert :exec
INSERT INTO alerts (id, created_at, kind, severity, session_id, anomaly_id, message) VALUES (?, ?, ?, ?, ?, ?, ?);

-- name: ListAlerts :many
SELECT * FROM alerts
WHERE (CAST(sqlc.arg(unacknowledged_only) AS INTEGER) = 0 OR acknowledged_at IS NULL)
ORDER BY created_at DESC, id DESC
LIMIT sqlc.arg(lim);

-- name: AcknowledgeAlert :execrows
UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL;

-- name: CreateReport :exec
INSERT INTO reports (id, name, spec, created_by, created_at) VALUES (?, ?, ?, ?, ?);

-- name: ListReports :many
SELECT * FROM reports ORDER BY created_at DESC, id DESC LIMIT ?;

-- name: ListDevelopers :many
-- The developers captured traffic names, with their team and activity.
SELECT developer AS name, CAST(MAX(team) AS TEXT) AS team, COUNT(*) AS sessions, CAST(MAX(last_activity_at) AS INTEGER) AS last_activity_at
FROM sessions WHERE developer != '' GROUP BY developer ORDER BY developer;

-- name: ListTeams :many
SELECT team AS name, COUNT(DISTINCT developer) AS developers, COUNT(*) AS sessions, CAST(MAX(last_activity_at) AS INTEGER) AS last_activity_at
FROM sessions WHERE team != '' GROUP BY team ORDER BY team;
