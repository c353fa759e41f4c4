package sqlite

import (
	"context"
	"database/sql"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/internal/sqlitedb"
)

// keyset decodes a page cursor into the query parameters of "after this row".
func keyset(cursor string) (afterUs any, afterID sql.NullString, err error) {
	if cursor == "" {
		return nil, sql.NullString{}, nil
	}
	at, id, err := data.DecodeCursor(cursor)
	if err != nil {
		return nil, sql.NullString{}, err
	}
	return at.UnixMicro(), sql.NullString{String: id, Valid: true}, nil
}

func (s *Store) FindTurns(ctx context.Context, q data.TurnQuery) (data.TurnPage, error) {
	afterUs, afterID, err := keyset(q.Cursor)
	if err != nil {
		return data.TurnPage{}, err
	}
	var rows []sqlitedb.Turn
	if q.Text != "" {
		words, werr := data.SearchWords(q.Text)
		if werr != nil {
			return data.TurnPage{}, werr
		}
		rows, err = s.q.FindTurnsMatching(ctx, sqlitedb.FindTurnsMatchingParams{
			Fts: ftsQuery(words), FromUs: optionalTime(q.From), ToUs: optionalTime(q.To), SessionID: optional(q.SessionID),
			Provider: optional(q.Provider), Model: optional(q.Model), Developer: optional(q.Developer),
			Team: optional(q.Team), Repo: optional(q.Repo), AfterUs: afterUs, AfterID: afterID, Lim: int64(q.Limit + 1),
		})
	} else {
		rows, err = s.q.FindTurns(ctx, sqlitedb.FindTurnsParams{
			FromUs: optionalTime(q.From), ToUs: optionalTime(q.To), SessionID: optional(q.SessionID),
			Provider: optional(q.Provider), Model: optional(q.Model), Developer: optional(q.Developer),
			Team: optional(q.Team), Repo: optional(q.Repo), AfterUs: afterUs, AfterID: afterID, Lim: int64(q.Limit + 1),
		})
	}
	if err != nil {
		return data.TurnPage{}, interpretError(err, "find turns")
	}
	var page data.TurnPage
	page.Turns, page.NextCursor = data.Paginate(rows, q.Limit, turnFromRow)
	return page, nil
}

func (s *Store) FindToolCalls(ctx context.Context, q data.ToolCallQuery) (data.ToolCallPage, error) {
	afterUs, afterID, err := keyset(q.Cursor)
	if err != nil {
		return data.ToolCallPage{}, err
	}
	rows, err := s.q.FindToolCalls(ctx, sqlitedb.FindToolCallsParams{
		FromUs: optionalTime(q.From), ToUs: optionalTime(q.To), SessionID: optional(q.SessionID), Name: optional(q.Name),
		Provider: optional(q.Provider), Model: optional(q.Model), Developer: optional(q.Developer),
		Team: optional(q.Team), Repo: optional(q.Repo), Text: optional(q.Text),
		AfterUs: afterUs, AfterID: afterID, Lim: int64(q.Limit + 1),
	})
	if err != nil {
		return data.ToolCallPage{}, interpretError(err, "find tool calls")
	}
	var page data.ToolCallPage
	// Same columns as ListToolCalls: one conversion serves both.
	page.ToolCalls, page.NextCursor = data.Paginate(rows, q.Limit, func(r sqlitedb.FindToolCallsRow) data.ToolCall {
		return toolCallFromRow(sqlitedb.ListToolCallsRow(r))
	})
	return page, nil
}

func (s *Store) LatencyPercentiles(ctx context.Context, q data.StatsQuery, measure string) ([]data.LatencyRow, error) {
	rows, err := s.q.LatencyPercentiles(ctx, sqlitedb.LatencyPercentilesParams{
		Dim: q.GroupBy, BucketUs: bucketMicros[q.Bucket], Measure: measure, FromUs: micros(q.From), ToUs: micros(q.To),
		Provider: optional(q.Provider), Model: optional(q.Model), Developer: optional(q.Developer),
		Team: optional(q.Team), Repo: optional(q.Repo),
	})
	if err != nil {
		return nil, interpretError(err, "latency percentiles")
	}
	out := make([]data.LatencyRow, len(rows))
	for i, r := range rows {
		out[i] = data.LatencyRow{Key: r.GroupKey, Turns: r.Turns, P50: r.P50Us, P90: r.P90Us, P99: r.P99Us}
		if q.Bucket != data.BucketNone {
			out[i].Bucket = toTime(r.Bucket)
		}
	}
	return out, nil
}
