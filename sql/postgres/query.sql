-- name: FindTurns :many
-- Turns across sessions, newest first: the turns resource of the REST query language. Ids here
-- and below compare with COLLATE "C" (byte order, as in SQLite), so pages and groups come in the
-- same order on both engines whatever the database's collation.
SELECT * FROM turns
WHERE (sqlc.narg(from_at)::timestamptz IS NULL OR started_at >= sqlc.narg(from_at))
  AND (sqlc.narg(to_at)::timestamptz IS NULL OR started_at < sqlc.narg(to_at))
  AND (sqlc.narg(session_id)::text IS NULL OR session_id = sqlc.narg(session_id))
  AND (sqlc.narg(provider)::text IS NULL OR provider = sqlc.narg(provider))
  AND (sqlc.narg(model)::text IS NULL OR model = sqlc.narg(model))
  AND (sqlc.narg(developer)::text IS NULL OR developer = sqlc.narg(developer))
  AND (sqlc.narg(team)::text IS NULL OR team = sqlc.narg(team))
  AND (sqlc.narg(repo)::text IS NULL OR repo = sqlc.narg(repo))
  AND (sqlc.narg(after_at)::timestamptz IS NULL OR started_at < sqlc.narg(after_at)
       OR (started_at = sqlc.narg(after_at) AND id COLLATE "C" < sqlc.narg(after_id)::text))
ORDER BY started_at DESC, id COLLATE "C" DESC
LIMIT sqlc.arg(lim);

-- name: FindTurnsMatching :many
-- Like FindTurns, restricted to turns whose captured text matches the tsquery.
SELECT * FROM turns
WHERE id IN (SELECT tt.turn_id FROM turn_texts tt WHERE tt.body_tsv @@ to_tsquery('simple', sqlc.arg(fts)))
  AND (sqlc.narg(from_at)::timestamptz IS NULL OR started_at >= sqlc.narg(from_at))
  AND (sqlc.narg(to_at)::timestamptz IS NULL OR started_at < sqlc.narg(to_at))
  AND (sqlc.narg(session_id)::text IS NULL OR session_id = sqlc.narg(session_id))
  AND (sqlc.narg(provider)::text IS NULL OR provider = sqlc.narg(provider))
  AND (sqlc.narg(model)::text IS NULL OR model = sqlc.narg(model))
  AND (sqlc.narg(developer)::text IS NULL OR developer = sqlc.narg(developer))
  AND (sqlc.narg(team)::text IS NULL OR team = sqlc.narg(team))
  AND (sqlc.narg(repo)::text IS NULL OR repo = sqlc.narg(repo))
  AND (sqlc.narg(after_at)::timestamptz IS NULL OR started_at < sqlc.narg(after_at)
       OR (started_at = sqlc.narg(after_at) AND id COLLATE "C" < sqlc.narg(after_id)::text))
ORDER BY started_at DESC, id COLLATE "C" DESC
LIMIT sqlc.arg(lim);

-- name: FindToolCalls :many
-- Tool calls newest first; the turn-level filters apply to the turn that asked for the call.
-- text is a literal substring of the name or the arguments (strpos, not LIKE: no wildcards).
SELECT c.*,
       (r.result_turn_id IS NOT NULL)::boolean AS result_seen,
       COALESCE(r.is_error, FALSE)::boolean AS result_is_error,
       COALESCE(r.result_turn_id, '')::text AS result_turn_id
FROM tool_calls c
JOIN turns t ON t.id = c.turn_id
LEFT JOIN LATERAL (
    SELECT r2.result_turn_id, r2.is_error FROM tool_results r2
    WHERE r2.session_id = c.session_id AND r2.tool_use_id = c.tool_use_id AND c.tool_use_id != ''
      AND r2.seen_at >= c.created_at
    ORDER BY r2.seen_at, r2.id LIMIT 1) r ON TRUE
WHERE (sqlc.narg(from_at)::timestamptz IS NULL OR c.created_at >= sqlc.narg(from_at))
  AND (sqlc.narg(to_at)::timestamptz IS NULL OR c.created_at < sqlc.narg(to_at))
  AND (sqlc.narg(session_id)::text IS NULL OR c.session_id = sqlc.narg(session_id))
  AND (sqlc.narg(name)::text IS NULL OR c.name = sqlc.narg(name))
  AND (sqlc.narg(provider)::text IS NULL OR t.provider = sqlc.narg(provider))
  AND (sqlc.narg(model)::text IS NULL OR t.model = sqlc.narg(model))
  AND (sqlc.narg(developer)::text IS NULL OR t.developer = sqlc.narg(developer))
  AND (sqlc.narg(team)::text IS NULL OR t.team = sqlc.narg(team))
  AND (sqlc.narg(repo)::text IS NULL OR t.repo = sqlc.narg(repo))
  AND (sqlc.narg(text)::text IS NULL OR strpos(c.name, sqlc.narg(text)) > 0 OR strpos(c.arguments, sqlc.narg(text)) > 0)
  AND (sqlc.narg(after_at)::timestamptz IS NULL OR c.created_at < sqlc.narg(after_at)
       OR (c.created_at = sqlc.narg(after_at) AND c.id COLLATE "C" < sqlc.narg(after_id)::text))
ORDER BY c.created_at DESC, c.id COLLATE "C" DESC
LIMIT sqlc.arg(lim);

-- name: LatencyPercentiles :many
-- Nearest-rank percentiles of one duration per group and bucket (grouped like Stats). measure
-- 'first_byte' is first_byte_at - started_at, anything else ended_at - started_at; turns without
-- that timestamp are left out. The rank of percentile p among n values is ceil(p * n / 100).
-- Durations are whole microseconds, as SQLite stores them.
WITH measured AS (
    SELECT
        (CASE sqlc.arg(dim)::text
            WHEN 'provider' THEN provider WHEN 'model' THEN model WHEN 'developer' THEN developer
            WHEN 'team' THEN team WHEN 'repo' THEN repo ELSE '' END)::text AS group_key,
        (CASE WHEN sqlc.arg(bucket_secs)::bigint > 0
            THEN date_bin(sqlc.arg(bucket_secs)::bigint * INTERVAL '1 second', started_at, TIMESTAMPTZ '1970-01-01 00:00:00+00')
            ELSE TIMESTAMPTZ '1970-01-01 00:00:00+00' END)::timestamptz AS bucket,
        (CASE sqlc.arg(measure)::text
            WHEN 'first_byte' THEN (EXTRACT(EPOCH FROM first_byte_at) * 1000000)::bigint - (EXTRACT(EPOCH FROM started_at) * 1000000)::bigint
            ELSE (EXTRACT(EPOCH FROM ended_at) * 1000000)::bigint - (EXTRACT(EPOCH FROM started_at) * 1000000)::bigint END)::bigint AS us
    FROM turns
    WHERE started_at >= sqlc.arg(from_at) AND started_at < sqlc.arg(to_at)
      AND (sqlc.narg(provider)::text IS NULL OR provider = sqlc.narg(provider))
      AND (sqlc.narg(model)::text IS NULL OR model = sqlc.narg(model))
      AND (sqlc.narg(developer)::text IS NULL OR developer = sqlc.narg(developer))
      AND (sqlc.narg(team)::text IS NULL OR team = sqlc.narg(team))
      AND (sqlc.narg(repo)::text IS NULL OR repo = sqlc.narg(repo))
),
ranked AS (
    SELECT group_key, bucket, us,
           ROW_NUMBER() OVER (PARTITION BY group_key, bucket ORDER BY us) AS rn,
           COUNT(*) OVER (PARTITION BY group_key, bucket) AS n
    FROM measured
    WHERE us IS NOT NULL
)
SELECT group_key::text AS group_key, bucket::timestamptz AS bucket,
       MAX(n)::bigint AS turns,
       MAX(CASE WHEN rn = (50 * n + 99) / 100 THEN us END)::bigint AS p50_us,
       MAX(CASE WHEN rn = (90 * n + 99) / 100 THEN us END)::bigint AS p90_us,
       MAX(CASE WHEN rn = (99 * n + 99) / 100 THEN us END)::bigint AS p99_us
FROM ranked
GROUP BY group_key, bucket
ORDER BY bucket, group_key COLLATE "C";
