-- Prices added at run time (model_prices, governance data), and the turns captured without a price
-- that readers price from them (data.API). Every query on turns reads only cost_micros IS NULL
-- rows, which the partial index turns_unpriced holds.

-- name: InsertPrice :exec
INSERT INTO model_prices (id, provider, model, effective_from, input_micros_per_mtok, cache_read_micros_per_mtok,
    cache_write_5m_micros_per_mtok, cache_write_1h_micros_per_mtok, output_micros_per_mtok, source, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: ListPrices :many
SELECT * FROM model_prices ORDER BY provider, model, effective_from, id;

-- name: DeletePrice :execrows
DELETE FROM model_prices WHERE id = ?;

-- name: UnpricedModels :many
-- The models of the turns captured without a price: the response's model, else the requested one.
SELECT provider,
    CAST(CASE WHEN model != '' THEN model ELSE request_model END AS TEXT) AS model,
    COUNT(*) AS turns,
    CAST(MIN(started_at) AS INTEGER) AS first_seen,
    CAST(MAX(started_at) AS INTEGER) AS last_seen
FROM turns
WHERE cost_micros IS NULL
GROUP BY 1, 2
ORDER BY 1, 2;

-- name: UnpricedUsageOfSessions :many
-- The usage of these sessions' unpriced turns, one row per turn (GROUP BY id): each turn is priced
-- and rounded on its own, so a session's total is exactly the sum of its turns' costs.
SELECT session_id, provider,
    CAST(CASE WHEN model != '' THEN model ELSE request_model END AS TEXT) AS model,
    CAST(started_at - ((started_at % 86400000000) + 86400000000) % 86400000000 AS INTEGER) AS day,
    CAST(input_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens > sqlc.arg(long_context_tokens) AS INTEGER) AS long_context,
    COUNT(*) AS turns,
    CAST(SUM(input_tokens) AS INTEGER) AS input_tokens,
    CAST(SUM(cache_read_tokens) AS INTEGER) AS cache_read_tokens,
    CAST(SUM(cache_write_5m_tokens) AS INTEGER) AS cache_write_5m_tokens,
    CAST(SUM(cache_write_1h_tokens) AS INTEGER) AS cache_write_1h_tokens,
    CAST(SUM(output_tokens) AS INTEGER) AS output_tokens
FROM turns
WHERE cost_micros IS NULL AND session_id IN (sqlc.slice(ids))
GROUP BY id
ORDER BY 1, 2, 3, 4, 5, id;

-- name: UnpricedUsageForStats :many
-- Like UnpricedUsageOfSessions but summed per group (a stats row is a sum anyway), for the groups and buckets of Stats (same key and bucket
-- expressions, same filters).
SELECT
    CAST(CASE sqlc.arg(dim)
        WHEN 'provider' THEN provider WHEN 'model' THEN model WHEN 'developer' THEN developer
        WHEN 'team' THEN team WHEN 'repo' THEN repo ELSE '' END AS TEXT) AS group_key,
    CAST(CASE WHEN sqlc.arg(bucket_us) > 0 THEN started_at - ((started_at % sqlc.arg(bucket_us)) + sqlc.arg(bucket_us)) % sqlc.arg(bucket_us) ELSE 0 END AS INTEGER) AS bucket,
    provider,
    CAST(CASE WHEN model != '' THEN model ELSE request_model END AS TEXT) AS price_model,
    CAST(started_at - ((started_at % 86400000000) + 86400000000) % 86400000000 AS INTEGER) AS day,
    CAST(input_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens > sqlc.arg(long_context_tokens) AS INTEGER) AS long_context,
    COUNT(*) AS turns,
    CAST(SUM(input_tokens) AS INTEGER) AS input_tokens,
    CAST(SUM(cache_read_tokens) AS INTEGER) AS cache_read_tokens,
    CAST(SUM(cache_write_5m_tokens) AS INTEGER) AS cache_write_5m_tokens,
    CAST(SUM(cache_write_1h_tokens) AS INTEGER) AS cache_write_1h_tokens,
    CAST(SUM(output_tokens) AS INTEGER) AS output_tokens
FROM turns
WHERE cost_micros IS NULL AND started_at >= sqlc.arg(from_us) AND started_at < sqlc.arg(to_us)
  AND (sqlc.narg(provider) IS NULL OR provider = sqlc.narg(provider))
  AND (sqlc.narg(model) IS NULL OR model = sqlc.narg(model))
  AND (sqlc.narg(developer) IS NULL OR developer = sqlc.narg(developer))
  AND (sqlc.narg(team) IS NULL OR team = sqlc.narg(team))
  AND (sqlc.narg(repo) IS NULL OR repo = sqlc.narg(repo))
GROUP BY 1, 2, 3, 4, 5, 6
ORDER BY 1, 2, 3, 4, 5, 6;
