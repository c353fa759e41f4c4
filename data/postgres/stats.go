package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/recondo/recondo/data"
)

// statsSQL sums whole hours from the rollups (turn_hours, session_hours; migration 0005) and the
// partial hours at the range's edges from turns, then counts each group's distinct sessions
// over both. It mirrors data/sqlite/stats.go (written by hand there because sqlc's SQLite
// analyzer cannot resolve a UNION in a derived table; here for one shape of the query on both
// engines). datatest's StatsEqualSumsOfTurns holds it to sums computed from the turns themselves.
var statsSQL = `
SELECT s.group_key, s.bucket, SUM(s.turns)::bigint, c.sessions,
    SUM(s.input_tokens)::bigint, SUM(s.cache_read_tokens)::bigint, SUM(s.cache_write_5m_tokens)::bigint,
    SUM(s.cache_write_1h_tokens)::bigint, SUM(s.output_tokens)::bigint, SUM(s.reasoning_tokens)::bigint,
    SUM(s.cost_micros)::bigint, SUM(s.unpriced_turns)::bigint, SUM(s.incomplete_turns)::bigint,
    SUM(s.error_turns)::bigint
FROM (
    SELECT ` + pgGroupKey + ` AS group_key, ` + pgBucketOf("hour") + ` AS bucket,
        turns, input_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, output_tokens,
        reasoning_tokens, cost_micros, unpriced_turns, incomplete_turns, error_turns
    FROM turn_hours WHERE ` + pgInHours + ` AND ` + pgStatsFilters + `
    UNION ALL
    SELECT ` + pgGroupKey + `, ` + pgBucketOf("started_at") + `,
        1, input_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, output_tokens,
        reasoning_tokens, COALESCE(cost_micros, 0), (cost_micros IS NULL)::int, (NOT complete)::int,
        (error != '' OR status >= 400)::int
    FROM turns WHERE ` + pgInEdges + ` AND ` + pgStatsFilters + `
) AS s
JOIN (
    SELECT group_key, bucket, COUNT(*)::bigint AS sessions FROM (
        SELECT ` + pgGroupKey + ` AS group_key, ` + pgBucketOf("hour") + ` AS bucket, session_id
        FROM session_hours WHERE ` + pgInHours + ` AND ` + pgStatsFilters + `
        UNION
        SELECT ` + pgGroupKey + `, ` + pgBucketOf("started_at") + `, session_id
        FROM turns WHERE ` + pgInEdges + ` AND ` + pgStatsFilters + `
    ) AS seen GROUP BY group_key, bucket
) AS c ON c.group_key = s.group_key AND c.bucket = s.bucket
GROUP BY s.group_key, s.bucket, c.sessions
ORDER BY 2, 1`

const (
	pgGroupKey = `(CASE @dim::text WHEN 'provider' THEN provider WHEN 'model' THEN model WHEN 'developer' THEN developer
        WHEN 'team' THEN team WHEN 'repo' THEN repo ELSE '' END)::text`
	pgInHours      = `hour >= @hour_from AND hour < @hour_to`
	pgInEdges      = `((started_at >= @from AND started_at < @hour_from) OR (started_at >= @hour_to AND started_at < @to))`
	pgStatsFilters = `(@provider::text IS NULL OR provider = @provider) AND (@model::text IS NULL OR model = @model)
        AND (@developer::text IS NULL OR developer = @developer) AND (@team::text IS NULL OR team = @team)
        AND (@repo::text IS NULL OR repo = @repo)`
)

func pgBucketOf(col string) string {
	return `(CASE WHEN @bucket_secs::bigint > 0
        THEN date_bin(@bucket_secs::bigint * INTERVAL '1 second', ` + col + `, TIMESTAMPTZ '1970-01-01 00:00:00+00')
        ELSE TIMESTAMPTZ '1970-01-01 00:00:00+00' END)`
}

func (s *Store) Stats(ctx context.Context, q data.StatsQuery) ([]data.StatsRow, error) {
	hourFrom, hourTo := data.StatsHours(q.From, q.To)
	rows, err := s.db.Query(ctx, statsSQL, pgx.NamedArgs{
		"dim": q.GroupBy, "bucket_secs": bucketSeconds[q.Bucket], "from": q.From, "to": q.To,
		"hour_from": hourFrom, "hour_to": hourTo,
		"provider": optional(q.Provider), "model": optional(q.Model), "developer": optional(q.Developer),
		"team": optional(q.Team), "repo": optional(q.Repo),
	})
	if err != nil {
		return nil, interpretError(err, "stats")
	}
	defer rows.Close()
	out := []data.StatsRow{}
	for rows.Next() {
		var r data.StatsRow
		var bucket time.Time
		u := &r.Usage
		if err := rows.Scan(&r.Key, &bucket, &r.Turns, &r.Sessions, &u.InputTokens, &u.CacheReadTokens,
			&u.CacheWrite5mTokens, &u.CacheWrite1hTokens, &u.OutputTokens, &u.ReasoningTokens, &r.CostMicros,
			&r.UnpricedTurns, &r.IncompleteTurns, &r.ErrorTurns); err != nil {
			return nil, interpretError(err, "stats")
		}
		if q.Bucket != data.BucketNone {
			r.Bucket = utc(bucket)
		}
		out = append(out, r)
	}
	return out, interpretError(rows.Err(), "stats")
}
