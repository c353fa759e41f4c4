package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/internal/sqlitedb"
	"github.com/recondo/recondo/data/pricing"
)

func (s *Store) ListPrices(ctx context.Context) ([]data.ModelPrice, error) {
	rows, err := s.q.ListPrices(ctx)
	if err != nil {
		return nil, interpretError(err, "list prices")
	}
	out := make([]data.ModelPrice, len(rows))
	for i, r := range rows {
		out[i] = data.ModelPrice{
			ID: r.ID, CreatedAt: toTime(r.CreatedAt),
			Entry: pricing.Entry{
				Provider: r.Provider, Model: r.Model, EffectiveFrom: toTime(r.EffectiveFrom), Source: r.Source,
				Rates: pricing.Rates{
					Input: r.InputMicrosPerMtok, CacheRead: nullable(r.CacheReadMicrosPerMtok),
					CacheWrite5m: nullable(r.CacheWrite5mMicrosPerMtok), CacheWrite1h: nullable(r.CacheWrite1hMicrosPerMtok),
					Output: r.OutputMicrosPerMtok,
				},
			},
		}
	}
	return out, nil
}

func (s *Store) AddPrice(ctx context.Context, p data.ModelPrice) error {
	err := s.q.InsertPrice(ctx, sqlitedb.InsertPriceParams{
		ID: p.ID, Provider: p.Provider, Model: p.Model, EffectiveFrom: micros(p.EffectiveFrom),
		InputMicrosPerMtok: p.Input, CacheReadMicrosPerMtok: nullInt(p.CacheRead),
		CacheWrite5mMicrosPerMtok: nullInt(p.CacheWrite5m), CacheWrite1hMicrosPerMtok: nullInt(p.CacheWrite1h),
		OutputMicrosPerMtok: p.Output, Source: p.Source, CreatedAt: micros(p.CreatedAt),
	})
	var se *sqlite.Error
	if errors.As(err, &se) && (se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY) {
		return &data.Error{Code: data.ECONFLICT, Message: "a price for " + p.Provider + " " + p.Model + " from " +
			p.EffectiveFrom.Format("2006-01-02") + " exists already: delete it first", Err: err}
	}
	return interpretError(err, "add price")
}

func (s *Store) DeletePrice(ctx context.Context, id string) error {
	n, err := s.q.DeletePrice(ctx, id)
	if err == nil && n == 0 {
		err = sql.ErrNoRows
	}
	return interpretError(err, "price "+id)
}

func (s *Store) UnpricedModels(ctx context.Context) ([]data.UnpricedModel, error) {
	rows, err := s.q.UnpricedModels(ctx)
	if err != nil {
		return nil, interpretError(err, "unpriced models")
	}
	out := make([]data.UnpricedModel, len(rows))
	for i, r := range rows {
		out[i] = data.UnpricedModel{Provider: r.Provider, Model: r.Model, Turns: r.Turns, FirstSeen: toTime(r.FirstSeen), LastSeen: toTime(r.LastSeen)}
	}
	return out, nil
}

func (s *Store) UnpricedUsageOfSessions(ctx context.Context, ids []string, longContextTokens int64) ([]data.UnpricedUsage, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := s.q.UnpricedUsageOfSessions(ctx, sqlitedb.UnpricedUsageOfSessionsParams{LongContextTokens: longContextTokens, Ids: ids})
	if err != nil {
		return nil, interpretError(err, "unpriced usage of sessions")
	}
	out := make([]data.UnpricedUsage, len(rows))
	for i, r := range rows {
		out[i] = data.UnpricedUsage{
			SessionID: r.SessionID, Provider: r.Provider, Model: r.Model, Day: toTime(r.Day), LongContext: r.LongContext != 0, Turns: r.Turns,
			Usage: data.Usage{InputTokens: r.InputTokens, CacheReadTokens: r.CacheReadTokens, CacheWrite5mTokens: r.CacheWrite5mTokens,
				CacheWrite1hTokens: r.CacheWrite1hTokens, OutputTokens: r.OutputTokens},
		}
	}
	return out, nil
}

func (s *Store) UnpricedUsageForStats(ctx context.Context, q data.StatsQuery, longContextTokens int64) ([]data.UnpricedUsage, error) {
	rows, err := s.q.UnpricedUsageForStats(ctx, sqlitedb.UnpricedUsageForStatsParams{
		Dim: q.GroupBy, BucketUs: bucketMicros[q.Bucket], LongContextTokens: longContextTokens, FromUs: micros(q.From), ToUs: micros(q.To),
		Provider: optional(q.Provider), Model: optional(q.Model), Developer: optional(q.Developer),
		Team: optional(q.Team), Repo: optional(q.Repo),
	})
	if err != nil {
		return nil, interpretError(err, "unpriced usage for stats")
	}
	out := make([]data.UnpricedUsage, len(rows))
	for i, r := range rows {
		u := data.UnpricedUsage{
			Key: r.GroupKey, Provider: r.Provider, Model: r.PriceModel, Day: toTime(r.Day), LongContext: r.LongContext != 0, Turns: r.Turns,
			Usage: data.Usage{InputTokens: r.InputTokens, CacheReadTokens: r.CacheReadTokens, CacheWrite5mTokens: r.CacheWrite5mTokens,
				CacheWrite1hTokens: r.CacheWrite1hTokens, OutputTokens: r.OutputTokens},
		}
		if q.Bucket != data.BucketNone {
			u.Bucket = toTime(r.Bucket)
		}
		out[i] = u
	}
	return out, nil
}

func nullable(v sql.NullInt64) *int64 {
	if !v.Valid {
		return nil
	}
	return &v.Int64
}

func nullInt(v *int64) sql.NullInt64 {
	if v == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: *v, Valid: true}
}
