-- Prices added at run time (model_prices, governance data), and the turns captured without a price
-- that readers price from them (data.API). Every query on turns reads only cost_micros IS NULL
-- rows, which the partial index turns_unpriced holds.

-- name: InsertPrice :exec
INSERT INTO model_prices (id, provider, model, effective_from, input_micros_per_mtok, cache_read_micros_per_mtok,
    cache_write_5m_micros_per_mtok, cache_write_1h_micros_per_mtok, output_micros_per_mtok, source, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);

-- name: ListPrices :many
SELECT * FROM model_prices ORDER BY provider, model, effective_from, id;

-- name: DeletePrice :execrows
DELETE FROM model_prices WHERE id = $1;

-- name: UnpricedModels :many
-- The models of the turns captured without a price: the response's model, else the requested one.
SELECT provider,
    (CASE WHEN model != '' THEN model ELSE request_model END)::text AS model,
    COUNT(*)::bigint AS turns,
    MIN(started_at)::timestamptz AS first_seen,
    MAX(started_at)::timestamptz AS last_seen
FROM turns
WHERE cost_micros IS NULL
GROUP BY 1, 2
ORDER BY 1, 2;

-- name: UnpricedUsageOfSessions :many
-- The usage of these sessions' unpriced turns, one row per turn (GROUP BY id): each turn is priced
-- and rounded on its own, so a session's total is exactly the sum of its turns' costs.
SELECT session_id, provider,
    (CASE WHEN model != '' THEN model ELSE request_model END)::text AS model,
    date_bin(INTERVAL '1 day', started_at, TIMESTAMPTZ '1970-01-01 00:00:00+00')::timestamptz AS day,
    (input_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens > sqlc.arg(long_context_tokens)::bigint)::boolean AS long_context,
    COUNT(*)::bigint AS turns,
    COALESCE(SUM(input_tokens), 0)::bigint AS input_tokens,
    COALESCE(SUM(cache_read_tokens), 0)::bigint AS cache_read_tokens,
    COALESCE(SUM(cache_write_5m_tokens), 0)::bigint AS cache_write_5m_tokens,
    COALESCE(SUM(cache_write_1h_tokens), 0)::bigint AS cache_write_1h_tokens,
    COALESCE(SUM(output_tokens), 0)::bigint AS output_tokens
FROM turns
WHERE cost_micros IS NULL AND session_id = ANY(sqlc.arg(ids)::text[])
GROUP BY id
ORDER BY 1, 2, 3, 4, 5, id;

-- name: UnpricedUsageForStats :many
-- Like UnpricedUsageOfSessions but summed per group (a stats row is a sum anyway), for the groups and buckets of Stats (same key and bucket
-- expressions, same filters).
SELECT
    (CASE sqlc.arg(dim)::text
        WHEN 'provider' THEN provider WHEN 'model' THEN model WHEN 'developer' THEN developer
        WHEN 'team' THEN team WHEN 'repo' THEN repo ELSE '' END)::text AS group_key,
    (CASE WHEN sqlc.arg(bucket_secs)::bigint > 0
        THEN date_bin(sqlc.arg(bucket_secs)::bigint * INTERVAL '1 second', started_at, TIMESTAMPTZ '1970-01-01 00:00:00+00')
        ELSE TIMESTAMPTZ '1970-01-01 00:00:00+00' END)::timestamptz AS bucket,
    provider,
    (CASE WHEN model != '' THEN model ELSE request_model END)::text AS price_model,
    date_bin(INTERVAL '1 day', started_at, TIMESTAMPTZ '1970-01-01 00:00:00+00')::timestamptz AS day,
    (input_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens > sqlc.arg(long_context_tokens)::bigint)::boolean AS long_context,
    COUNT(*)::bigint AS turns,
    COALESCE(SUM(input_tokens), 0)::bigint AS input_tokens,
    COALESCE(SUM(cache_read_tokens), 0)::bigint AS cache_read_tokens,
    COALESCE(SUM(cache_write_5m_tokens), 0)::bigint AS cache_write_5m_tokens,
    COALESCE(SUM(cache_write_1h_tokens), 0)::bigint AS cache_write_1h_tokens,
    COALESCE(SUM(output_tokens), 0)::bigint AS output_tokens
FROM turns
WHERE cost_micros IS NULL AND started_at >= sqlc.arg(from_at) AND started_at < sqlc.arg(to_at)
  AND (sqlc.narg(provider)::text IS NULL OR provider = sqlc.narg(provider))
  AND (sqlc.narg(model)::text IS NULL OR model = sqlc.narg(model))
  AND (sqlc.narg(developer)::text IS NULL OR developer = sqlc.narg(developer))
  AND (sqlc.narg(team)::text IS NULL OR team = sqlc.narg(team))
  AND (sqlc.narg(repo)::text IS NULL OR repo = sqlc.narg(repo))
GROUP BY 1, 2, 3, 4, 5, 6
ORDER BY 1, 2, 3, 4, 5, 6;
