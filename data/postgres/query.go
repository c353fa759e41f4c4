package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/internal/pgdb"
)

// keyset decodes a page cursor into the query parameters of "after this row".
func keyset(cursor string) (*time.Time, pgtype.Text, error) {
	if cursor == "" {
		return nil, pgtype.Text{}, nil
	}
	at, id, err := data.DecodeCursor(cursor)
	if err != nil {
		return nil, pgtype.Text{}, err
	}
	return &at, pgtype.Text{String: id, Valid: true}, nil
}

func (s *Store) FindTurns(ctx context.Context, q data.TurnQuery) (data.TurnPage, error) {
	afterAt, afterID, err := keyset(q.Cursor)
	if err != nil {
		return data.TurnPage{}, err
	}
	var rows []pgdb.Turn
	if q.Text != "" {
		words, werr := data.SearchWords(q.Text)
		if werr != nil {
			return data.TurnPage{}, werr
		}
		rows, err = s.q.FindTurnsMatching(ctx, pgdb.FindTurnsMatchingParams{
			Fts: ftsQuery(words), FromAt: optionalTime(q.From), ToAt: optionalTime(q.To), SessionID: optional(q.SessionID),
			Provider: optional(q.Provider), Model: optional(q.Model), Developer: optional(q.Developer),
			Team: optional(q.Team), Repo: optional(q.Repo), AfterAt: afterAt, AfterID: afterID, Lim: int32(q.Limit + 1),
		})
	} else {
		rows, err = s.q.FindTurns(ctx, pgdb.FindTurnsParams{
			FromAt: optionalTime(q.From), ToAt: optionalTime(q.To), SessionID: optional(q.SessionID),
			Provider: optional(q.Provider), Model: optional(q.Model), Developer: optional(q.Developer),
			Team: optional(q.Team), Repo: optional(q.Repo), AfterAt: afterAt, AfterID: afterID, Lim: int32(q.Limit + 1),
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
	afterAt, afterID, err := keyset(q.Cursor)
	if err != nil {
		return data.ToolCallPage{}, err
	}
	rows, err := s.q.FindToolCalls(ctx, pgdb.FindToolCallsParams{
		FromAt: optionalTime(q.From), ToAt: optionalTime(q.To), SessionID: optional(q.SessionID), Name: optional(q.Name),
		Provider: optional(q.Provider), Model: optional(q.Model), Developer: optional(q.Developer),
		Team: optional(q.Team), Repo: optional(q.Repo), Text: optional(q.Text),
		AfterAt: afterAt, AfterID: afterID, Lim: int32(q.Limit + 1),
	})
	if err != nil {
		return data.ToolCallPage{}, interpretError(err, "find tool calls")
	}
	var page data.ToolCallPage
	// Same columns as ListToolCalls: one conversion serves both.
	page.ToolCalls, page.NextCursor = data.Paginate(rows, q.Limit, func(r pgdb.FindToolCallsRow) data.ToolCall {
		return toolCallFromRow(pgdb.ListToolCallsRow(r))
	})
	return page, nil
}

func (s *Store) LatencyPercentiles(ctx context.Context, q data.StatsQuery, measure string) ([]data.LatencyRow, error) {
	rows, err := s.q.LatencyPercentiles(ctx, pgdb.LatencyPercentilesParams{
		Dim: q.GroupBy, BucketSecs: bucketSeconds[q.Bucket], Measure: measure, FromAt: q.From, ToAt: q.To,
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
			out[i].Bucket = utc(r.Bucket)
		}
	}
	return out, nil
}
