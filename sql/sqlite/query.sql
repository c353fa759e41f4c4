-- name: FindTurns :many
-- Turns across sessions, newest first: the turns resource of the REST query language.
SELECT * FROM turns
WHERE (sqlc.narg(from_us) IS NULL OR started_at >= sqlc.narg(from_us))
  AND (sqlc.narg(to_us) IS NULL OR started_at < sqlc.narg(to_us))
  AND (sqlc.narg(session_id) IS NULL OR session_id = sqlc.narg(session_id))
  AND (sqlc.narg(provider) IS NULL OR provider = sqlc.narg(provider))
  AND (sqlc.narg(model) IS NULL OR model = sqlc.narg(model))
  AND (sqlc.narg(developer) IS NULL OR developer = sqlc.narg(developer))
  AND (sqlc.narg(team) IS NULL OR team = sqlc.narg(team))
  AND (sqlc.narg(repo) IS NULL OR repo = sqlc.narg(repo))
  AND (sqlc.narg(after_us) IS NULL OR started_at < sqlc.narg(after_us)
       OR (started_at = sqlc.narg(after_us) AND id < sqlc.narg(after_id)))
ORDER BY started_at DESC, id DESC
LIMIT sqlc.arg(lim);

-- name: FindTurnsMatching :many
-- Like FindTurns, restricted to turns whose captured text matches the FTS query.
SELECT * FROM turns
WHERE id IN (SELECT tt.turn_id FROM turn_texts tt
             WHERE tt.rowid IN (SELECT f.rowid FROM turn_texts_fts f WHERE f.body MATCH sqlc.arg(fts)))
  AND (sqlc.narg(from_us) IS NULL OR started_at >= sqlc.narg(from_us))
  AND (sqlc.narg(to_us) IS NULL OR started_at < sqlc.narg(to_us))
  AND (sqlc.narg(session_id) IS NULL OR session_id = sqlc.narg(session_id))
  AND (sqlc.narg(provider) IS NULL OR provider = sqlc.narg(provider))
  AND (sqlc.narg(model) IS NULL OR model = sqlc.narg(model))
  AND (sqlc.narg(developer) IS NULL OR developer = sqlc.narg(developer))
  AND (sqlc.narg(team) IS NULL OR team = sqlc.narg(team))
  AND (sqlc.narg(repo) IS NULL OR repo = sqlc.narg(repo))
  AND (sqlc.narg(after_us) IS NULL OR started_at < sqlc.narg(after_us)
       OR (started_at = sqlc.narg(after_us) AND id < sqlc.narg(after_id)))
ORDER BY started_at DESC, id DESC
LIMIT sqlc.arg(lim);

-- name: FindToolCalls :many
-- Tool calls newest first; the turn-level filters apply to the turn that asked for the call.
-- text is a literal substring of the name or the arguments (instr, not LIKE: no wildcards).
SELECT c.*,
       CAST(r.result_turn_id IS NOT NULL AS INTEGER) AS result_seen,
       CAST(COALESCE(r.is_error, 0) AS INTEGER) AS result_is_error,
       CAST(COALESCE(r.result_turn_id, '') AS TEXT) AS result_turn_id
FROM tool_calls c
JOIN turns t ON t.id = c.turn_id
LEFT JOIN tool_results r ON r.id = (
    SELECT r2.id FROM tool_results r2
    WHERE r2.session_id = c.session_id AND r2.tool_use_id = c.tool_use_id AND c.tool_use_id != ''
      AND r2.seen_at >= c.created_at
    ORDER BY r2.seen_at, r2.id LIMIT 1)
WHERE (sqlc.narg(from_us) IS NULL OR c.created_at >= sqlc.narg(from_us))
  AND (sqlc.narg(to_us) IS NULL OR c.created_at < sqlc.narg(to_us))
  AND (sqlc.narg(session_id) IS NULL OR c.session_id = sqlc.narg(session_id))
  AND (sqlc.narg(name) IS NULL OR c.name = sqlc.narg(name))
  AND (sqlc.narg(provider) IS NULL OR t.provider = sqlc.narg(provider))
  AND (sqlc.narg(model) IS NULL OR t.model = sqlc.narg(model))
  AND (sqlc.narg(developer) IS NULL OR t.developer = sqlc.narg(developer))
  AND (sqlc.narg(team) IS NULL OR t.team = sqlc.narg(team))
  AND (sqlc.narg(repo) IS NULL OR t.repo = sqlc.narg(repo))
  AND (sqlc.narg(text) IS NULL OR instr(c.name, sqlc.narg(text)) > 0 OR instr(c.arguments, sqlc.narg(text)) > 0)
  AND (sqlc.narg(after_us) IS NULL OR c.created_at < sqlc.narg(after_us)
       OR (c.created_at = sqlc.narg(after_us) AND c.id < sqlc.narg(after_id)))
ORDER BY c.created_at DESC, c.id DESC
LIMIT sqlc.arg(lim);

-- name: LatencyPercentiles :many
-- Nearest-rank percentiles of one duration per group and bucket (grouped like Stats). measure
-- 'first_byte' is first_byte_at - started_at, anything else ended_at - started_at; turns without
-- that timestamp are left out. The rank of percentile p among n values is ceil(p * n / 100).
WITH measured AS (
    SELECT
        CAST(CASE sqlc.arg(dim)
            WHEN 'provider' THEN provider WHEN 'model' THEN model WHEN 'developer' THEN developer
            WHEN 'team' THEN team WHEN 'repo' THEN repo ELSE '' END AS TEXT) AS group_key,
        CAST(CASE WHEN CAST(sqlc.arg(bucket_us) AS INTEGER) > 0 THEN (started_at / sqlc.arg(bucket_us)) * sqlc.arg(bucket_us) ELSE 0 END AS INTEGER) AS bucket,
        CAST(CASE CAST(sqlc.arg(measure) AS TEXT) WHEN 'first_byte' THEN first_byte_at - started_at ELSE ended_at - started_at END AS INTEGER) AS us
    FROM turns
    WHERE started_at >= sqlc.arg(from_us) AND started_at < sqlc.arg(to_us)
      AND (sqlc.narg(provider) IS NULL OR provider = sqlc.narg(provider))
      AND (sqlc.narg(model) IS NULL OR model = sqlc.narg(model))
      AND (sqlc.narg(developer) IS NULL OR developer = sqlc.narg(developer))
      AND (sqlc.narg(team) IS NULL OR team = sqlc.narg(team))
      AND (sqlc.narg(repo) IS NULL OR repo = sqlc.narg(repo))
),
ranked AS (
    SELECT group_key, bucket, us,
           ROW_NUMBER() OVER (PARTITION BY group_key, bucket ORDER BY us) AS rn,
           COUNT(*) OVER (PARTITION BY group_key, bucket) AS n
    FROM measured
    WHERE us IS NOT NULL
)
SELECT group_key, bucket,
       CAST(MAX(n) AS INTEGER) AS turns,
       CAST(MAX(CASE WHEN rn = (50 * n + 99) / 100 THEN us END) AS INTEGER) AS p50_us,
       CAST(MAX(CASE WHEN rn = (90 * n + 99) / 100 THEN us END) AS INTEGER) AS p90_us,
       CAST(MAX(CASE WHEN rn = (99 * n + 99) / 100 THEN us END) AS INTEGER) AS p99_us
FROM ranked
GROUP BY group_key, bucket
ORDER BY bucket, group_key;
