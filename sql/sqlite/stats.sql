-- name: Stats :many
-- One query for every grouping: the key and bucket are chosen by parameters so that the same SQL
-- serves all dimensions (sqlc cannot vary a GROUP BY column).
SELECT
    CAST(CASE sqlc.arg(dim)
        WHEN 'provider' THEN provider WHEN 'model' THEN model WHEN 'developer' THEN developer
        WHEN 'team' THEN team WHEN 'repo' THEN repo ELSE '' END AS TEXT) AS group_key,
    CAST(CASE WHEN sqlc.arg(bucket_us) > 0 THEN (started_at / sqlc.arg(bucket_us)) * sqlc.arg(bucket_us) ELSE 0 END AS INTEGER) AS bucket,
    COUNT(*) AS turns,
    COUNT(DISTINCT session_id) AS sessions,
    CAST(SUM(input_tokens) AS INTEGER) AS input_tokens,
    CAST(SUM(cache_read_tokens) AS INTEGER) AS cache_read_tokens,
    CAST(SUM(cache_write_5m_tokens) AS INTEGER) AS cache_write_5m_tokens,
    CAST(SUM(cache_write_1h_tokens) AS INTEGER) AS cache_write_1h_tokens,
    CAST(SUM(output_tokens) AS INTEGER) AS output_tokens,
    CAST(SUM(reasoning_tokens) AS INTEGER) AS reasoning_tokens,
    CAST(TOTAL(cost_micros) AS INTEGER) AS cost_micros,
    CAST(SUM(cost_micros IS NULL) AS INTEGER) AS unpriced_turns,
    CAST(SUM(complete = 0) AS INTEGER) AS incomplete_turns,
    CAST(SUM(error != '' OR status >= 400) AS INTEGER) AS error_turns
FROM turns
WHERE started_at >= sqlc.arg(from_us) AND started_at < sqlc.arg(to_us)
  AND (sqlc.narg(provider) IS NULL OR provider = sqlc.narg(provider))
  AND (sqlc.narg(model) IS NULL OR model = sqlc.narg(model))
  AND (sqlc.narg(developer) IS NULL OR developer = sqlc.narg(developer))
  AND (sqlc.narg(team) IS NULL OR team = sqlc.narg(team))
  AND (sqlc.narg(repo) IS NULL OR repo = sqlc.narg(repo))
GROUP BY 1, 2
ORDER BY 2, 1;
