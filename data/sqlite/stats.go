package sqlite

import (
	"context"
	"database/sql"

	"github.com/recondo/recondo/data"
)

// bucketMicros is the width of each stats bucket; 0 means one bucket for the whole range.
var bucketMicros = map[string]int64{data.BucketNone: 0, data.BucketHour: 3600e6, data.BucketDay: 86400e6}

// statsSQL is, per grouping dimension, the query that sums whole hours from the rollups
// (turn_hours, session_hours; migration 0005) and the partial hours at the range's edges from
// turns, each side grouped first so the outer sum sees a few rows per group, then joins each
// group's distinct sessions over both. It is written here rather than in sql/sqlite because
// sqlc's SQLite analyzer cannot resolve the columns of a UNION in a derived table, and because
// the grouping column is named in the SQL (a CASE on a parameter costs a third of the time); the
// name comes only from statsColumns, never from a caller. datatest's StatsEqualSumsOfTurns holds
// it to sums computed from the turns themselves.
var statsSQL = func() map[string]string {
	out := map[string]string{}
	for dim, col := range statsColumns {
		out[dim] = `
SELECT s.group_key, s.bucket, SUM(s.turns), c.sessions,
    SUM(s.input_tokens), SUM(s.cache_read_tokens), SUM(s.cache_write_5m_tokens), SUM(s.cache_write_1h_tokens),
    SUM(s.output_tokens), SUM(s.reasoning_tokens), SUM(s.cost_micros), SUM(s.unpriced_turns),
    SUM(s.incomplete_turns), SUM(s.error_turns)
FROM (
    SELECT ` + col + ` AS group_key, ` + bucketOf("hour") + ` AS bucket,
        SUM(turns) AS turns, SUM(input_tokens) AS input_tokens, SUM(cache_read_tokens) AS cache_read_tokens,
        SUM(cache_write_5m_tokens) AS cache_write_5m_tokens, SUM(cache_write_1h_tokens) AS cache_write_1h_tokens,
        SUM(output_tokens) AS output_tokens, SUM(reasoning_tokens) AS reasoning_tokens, SUM(cost_micros) AS cost_micros,
        SUM(unpriced_turns) AS unpriced_turns, SUM(incomplete_turns) AS incomplete_turns, SUM(error_turns) AS error_turns
    FROM turn_hours WHERE ` + inHours + ` AND ` + statsFilters + `
    GROUP BY 1, 2
    UNION ALL
    SELECT ` + col + `, ` + bucketOf("started_at") + `,
        COUNT(*), SUM(input_tokens), SUM(cache_read_tokens), SUM(cache_write_5m_tokens), SUM(cache_write_1h_tokens),
        SUM(output_tokens), SUM(reasoning_tokens), COALESCE(SUM(cost_micros), 0), SUM(cost_micros IS NULL), SUM(complete = 0),
        SUM(error != '' OR status >= 400)
    FROM turns WHERE ` + inEdges + ` AND ` + statsFilters + `
    GROUP BY 1, 2
) AS s
JOIN (
    SELECT group_key, bucket, COUNT(DISTINCT session_id) AS sessions FROM (
        SELECT ` + col + ` AS group_key, ` + bucketOf("hour") + ` AS bucket, session_id
        FROM session_hours WHERE ` + inHours + ` AND ` + statsFilters + `
        UNION ALL
        SELECT ` + col + `, ` + bucketOf("started_at") + `, session_id
        FROM turns WHERE ` + inEdges + ` AND ` + statsFilters + `
    ) GROUP BY group_key, bucket
) AS c ON c.group_key = s.group_key AND c.bucket = s.bucket
GROUP BY s.group_key, s.bucket, c.sessions
ORDER BY 2, 1`
	}
	return out
}()

// statsColumns names the column of each grouping dimension (an empty string groups everything
// together).
var statsColumns = map[string]string{
	data.DimNone: "''", data.DimProvider: "provider", data.DimModel: "model",
	data.DimDeveloper: "developer", data.DimTeam: "team", data.DimRepo: "repo",
}

const (
	inHours      = `hour >= :hour_from AND hour < :hour_to`
	inEdges      = `((started_at >= :from AND started_at < :hour_from) OR (started_at >= :hour_to AND started_at < :to))`
	statsFilters = `(:provider IS NULL OR provider = :provider) AND (:model IS NULL OR model = :model)
        AND (:developer IS NULL OR developer = :developer) AND (:team IS NULL OR team = :team)
        AND (:repo IS NULL OR repo = :repo)`
)

func bucketOf(col string) string {
	// Floored, not truncated toward zero: an instant before 1970 belongs to the bucket that starts
	// before it, as in data.StatsHours.
	return `CASE WHEN :bucket > 0 THEN ` + col + ` - ((` + col + ` % :bucket) + :bucket) % :bucket ELSE 0 END`
}

func (s *Store) Stats(ctx context.Context, q data.StatsQuery) ([]data.StatsRow, error) {
	hourFrom, hourTo := data.StatsHours(q.From, q.To)
	query, ok := statsSQL[q.GroupBy]
	if !ok {
		return nil, data.Errorf(data.EINVALID, "unknown stats grouping %q", q.GroupBy)
	}
	rows, err := s.db.QueryContext(ctx, query, sql.Named("bucket", bucketMicros[q.Bucket]),
		sql.Named("from", micros(q.From)), sql.Named("to", micros(q.To)),
		sql.Named("hour_from", micros(hourFrom)), sql.Named("hour_to", micros(hourTo)),
		sql.Named("provider", optional(q.Provider)), sql.Named("model", optional(q.Model)),
		sql.Named("developer", optional(q.Developer)), sql.Named("team", optional(q.Team)),
		sql.Named("repo", optional(q.Repo)))
	if err != nil {
		return nil, interpretError(err, "stats")
	}
	defer rows.Close()
	out := []data.StatsRow{}
	for rows.Next() {
		var r data.StatsRow
		var bucket int64
		u := &r.Usage
		if err := rows.Scan(&r.Key, &bucket, &r.Turns, &r.Sessions, &u.InputTokens, &u.CacheReadTokens,
			&u.CacheWrite5mTokens, &u.CacheWrite1hTokens, &u.OutputTokens, &u.ReasoningTokens, &r.CostMicros,
			&r.UnpricedTurns, &r.IncompleteTurns, &r.ErrorTurns); err != nil {
			return nil, interpretError(err, "stats")
		}
		if q.Bucket != data.BucketNone {
			r.Bucket = toTime(bucket)
		}
		out = append(out, r)
	}
	return out, interpretError(rows.Err(), "stats")
}
