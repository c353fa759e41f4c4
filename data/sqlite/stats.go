package sqlite

import (
	"context"
	"database/sql"

	"github.com/recondo/recondo/data"
)

// bucketMicros is the width of each stats bucket; 0 means one bucket for the whole range.
var bucketMicros = map[string]int64{data.BucketNone: 0, data.BucketHour: 3600e6, data.BucketDay: 86400e6}

// statsSQL sums whole hours from the rollups (turn_hours, session_hours; migration 0005) and the
// partial hours at the range's edges from turns, then counts each group's distinct sessions
// over both. It is written here rather than in sql/sqlite because sqlc's SQLite analyzer cannot
// resolve the columns of a UNION in a derived table. datatest's StatsEqualSumsOfTurns holds it
// to sums computed from the turns themselves.
var statsSQL = `
SELECT s.group_key, s.bucket, SUM(s.turns), c.sessions,
    SUM(s.input_tokens), SUM(s.cache_read_tokens), SUM(s.cache_write_5m_tokens), SUM(s.cache_write_1h_tokens),
    SUM(s.output_tokens), SUM(s.reasoning_tokens), SUM(s.cost_micros), SUM(s.unpriced_turns),
    SUM(s.incomplete_turns), SUM(s.error_turns)
FROM (
    SELECT ` + groupKey + ` AS group_key, ` + bucketOf("hour") + ` AS bucket,
        turns, input_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, output_tokens,
        reasoning_tokens, cost_micros, unpriced_turns, incomplete_turns, error_turns
    FROM turn_hours WHERE ` + inHours + ` AND ` + statsFilters + `
    UNION ALL
    SELECT ` + groupKey + `, ` + bucketOf("started_at") + `,
        1, input_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, output_tokens,
        reasoning_tokens, COALESCE(cost_micros, 0), cost_micros IS NULL, complete = 0, error != '' OR status >= 400
    FROM turns WHERE ` + inEdges + ` AND ` + statsFilters + `
) AS s
JOIN (
    SELECT group_key, bucket, COUNT(*) AS sessions FROM (
        SELECT ` + groupKey + ` AS group_key, ` + bucketOf("hour") + ` AS bucket, session_id
        FROM session_hours WHERE ` + inHours + ` AND ` + statsFilters + `
        UNION
        SELECT ` + groupKey + `, ` + bucketOf("started_at") + `, session_id
        FROM turns WHERE ` + inEdges + ` AND ` + statsFilters + `
    ) GROUP BY group_key, bucket
) AS c ON c.group_key = s.group_key AND c.bucket = s.bucket
GROUP BY s.group_key, s.bucket, c.sessions
ORDER BY 2, 1`

const (
	groupKey = `CASE :dim WHEN 'provider' THEN provider WHEN 'model' THEN model WHEN 'developer' THEN developer
        WHEN 'team' THEN team WHEN 'repo' THEN repo ELSE '' END`
	inHours      = `hour >= :hour_from AND hour < :hour_to`
	inEdges      = `((started_at >= :from AND started_at < :hour_from) OR (started_at >= :hour_to AND started_at < :to))`
	statsFilters = `(:provider IS NULL OR provider = :provider) AND (:model IS NULL OR model = :model)
        AND (:developer IS NULL OR developer = :developer) AND (:team IS NULL OR team = :team)
        AND (:repo IS NULL OR repo = :repo)`
)

func bucketOf(col string) string {
	return `CASE WHEN :bucket > 0 THEN (` + col + ` / :bucket) * :bucket ELSE 0 END`
}

func (s *Store) Stats(ctx context.Context, q data.StatsQuery) ([]data.StatsRow, error) {
	hourFrom, hourTo := data.StatsHours(q.From, q.To)
	rows, err := s.db.QueryContext(ctx, statsSQL,
		sql.Named("dim", q.GroupBy), sql.Named("bucket", bucketMicros[q.Bucket]),
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
