package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/recondo/recondo/data"
)

// statsSQL is, per grouping dimension, the query that sums whole hours from the rollups
// (turn_hours, session_hours; migration 0005) and the partial hours at the range's edges from
// turns, each side grouped first, then joins each group's distinct sessions over both. It
// mirrors data/sqlite/stats.go (see there why it is not in sql/); the grouping column's name
// comes only from statsColumns, never from a caller. datatest's StatsEqualSumsOfTurns holds it
// to sums computed from the turns themselves.
var statsSQL = func() map[string]string {
	out := map[string]string{}
	for dim, col := range statsColumns {
		out[dim] = `
SELECT s.group_key, s.bucket, SUM(s.turns)::bigint, c.sessions,
    SUM(s.input_tokens)::bigint, SUM(s.cache_read_tokens)::bigint, SUM(s.cache_write_5m_tokens)::bigint,
    SUM(s.cache_write_1h_tokens)::bigint, SUM(s.output_tokens)::bigint, SUM(s.reasoning_tokens)::bigint,
    SUM(s.cost_micros)::bigint, SUM(s.unpriced_turns)::bigint, SUM(s.incomplete_turns)::bigint,
    SUM(s.error_turns)::bigint
FROM (
    SELECT ` + col + ` AS group_key, ` + pgBucketOf("hour") + ` AS bucket,
        SUM(turns) AS turns, SUM(input_tokens) AS input_tokens, SUM(cache_read_tokens) AS cache_read_tokens,
        SUM(cache_write_5m_tokens) AS cache_write_5m_tokens, SUM(cache_write_1h_tokens) AS cache_write_1h_tokens,
        SUM(output_tokens) AS output_tokens, SUM(reasoning_tokens) AS reasoning_tokens, SUM(cost_micros) AS cost_micros,
        SUM(unpriced_turns) AS unpriced_turns, SUM(incomplete_turns) AS incomplete_turns, SUM(error_turns) AS error_turns
    FROM turn_hours WHERE ` + pgInHours + ` AND ` + pgStatsFilters + `
    GROUP BY 1, 2
    UNION ALL
    SELECT ` + col + `, ` + pgBucketOf("started_at") + `,
        COUNT(*), SUM(input_tokens), SUM(cache_read_tokens), SUM(cache_write_5m_tokens), SUM(cache_write_1h_tokens),
        SUM(output_tokens), SUM(reasoning_tokens), COALESCE(SUM(cost_micros), 0),
        COUNT(*) FILTER (WHERE cost_micros IS NULL), COUNT(*) FILTER (WHERE NOT complete),
        COUNT(*) FILTER (WHERE error != '' OR status >= 400)
    FROM turns WHERE ` + pgInEdges + ` AND ` + pgStatsFilters + `
    GROUP BY 1, 2
) AS s
JOIN (
    SELECT group_key, bucket, COUNT(DISTINCT session_id)::bigint AS sessions FROM (
        SELECT ` + col + ` AS group_key, ` + pgBucketOf("hour") + ` AS bucket, session_id
        FROM session_hours WHERE ` + pgInHours + ` AND ` + pgStatsFilters + `
        UNION ALL
        SELECT ` + col + `, ` + pgBucketOf("started_at") + `, session_id
        FROM turns WHERE ` + pgInEdges + ` AND ` + pgStatsFilters + `
    ) AS seen GROUP BY group_key, bucket
) AS c ON c.group_key = s.group_key AND c.bucket = s.bucket
GROUP BY s.group_key, s.bucket, c.sessions
ORDER BY 2, 1`
	}
	return out
}()

// statsColumns names the column of each grouping dimension (an empty string groups everything
// together).
var statsColumns = map[string]string{
	data.DimNone: "''::text", data.DimProvider: "provider", data.DimModel: "model",
	data.DimDeveloper: "developer", data.DimTeam: "team", data.DimRepo: "repo",
}

const (
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
	query, ok := statsSQL[q.GroupBy]
	if !ok {
		return nil, data.Errorf(data.EINVALID, "unknown stats grouping %q", q.GroupBy)
	}
	rows, err := s.db.Query(ctx, query, pgx.NamedArgs{
		"bucket_secs": bucketSeconds[q.Bucket], "from": q.From, "to": q.To,
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
