-- name: Stats :many
-- One query for every grouping: the key and bucket are chosen by parameters so that the same SQL
-- serves all dimensions (sqlc cannot vary a GROUP BY column).
SELECT
    (CASE sqlc.arg(dim)::text
        WHEN 'provider' THEN provider WHEN 'model' THEN model WHEN 'developer' THEN developer
        WHEN 'team' THEN team WHEN 'repo' THEN repo ELSE '' END)::text AS group_key,
    (CASE WHEN sqlc.arg(bucket_secs)::bigint > 0
        THEN date_bin(sqlc.arg(bucket_secs)::bigint * INTERVAL '1 second', started_at, TIMESTAMPTZ '1970-01-01 00:00:00+00')
        ELSE TIMESTAMPTZ '1970-01-01 00:00:00+00' END)::timestamptz AS bucket,
    COUNT(*)::bigint AS turns,
    COUNT(DISTINCT session_id)::bigint AS sessions,
    COALESCE(SUM(input_tokens), 0)::bigint AS input_tokens,
    COALESCE(SUM(cache_read_tokens), 0)::bigint AS cache_read_tokens,
    COALESCE(SUM(cache_write_5m_tokens), 0)::bigint AS cache_write_5m_tokens,
    COALESCE(SUM(cache_write_1h_tokens), 0)::bigint AS cache_write_1h_tokens,
    COALESCE(SUM(output_tokens), 0)::bigint AS output_tokens,
    COALESCE(SUM(reasoning_tokens), 0)::bigint AS reasoning_tokens,
    COALESCE(SUM(cost_micros), 0)::bigint AS cost_micros,
    COUNT(*) FILTER (WHERE cost_micros IS NULL)::bigint AS unpriced_turns,
    COUNT(*) FILTER (WHERE NOT complete)::bigint AS incomplete_turns,
    COUNT(*) FILTER (WHERE error != '' OR status >= 400)::bigint AS error_turns
FROM turns
WHERE started_at >= sqlc.arg(from_at) AND started_at < sqlc.arg(to_at)
  AND (sqlc.narg(provider)::text IS NULL OR provider = sqlc.narg(provider))
  AND (sqlc.narg(model)::text IS NULL OR model = sqlc.narg(model))
  AND (sqlc.narg(developer)::text IS NULL OR developer = sqlc.narg(developer))
  AND (sqlc.narg(team)::text IS NULL OR team = sqlc.narg(team))
  AND (sqlc.narg(repo)::text IS NULL OR repo = sqlc.narg(repo))
GROUP BY 1, 2
ORDER BY 2, 1;
