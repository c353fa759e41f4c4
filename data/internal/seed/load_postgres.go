package seed

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/internal/pgdb"
	"github.com/recondo/recondo/data/postgres"
)

// postgresLoader COPYs each batch, table by table, in one transaction. Per-statement inserts
// through the writer would need ~10 round trips per turn; COPY streams rows instead. Sessions go
// in whole, with the totals the generator computed exactly as the writer's upsert would.
type postgresLoader struct {
	pool *pgxpool.Pool
	q    *pgdb.Queries
}

func openPostgres(ctx context.Context, url string) (*postgresLoader, error) {
	pool, err := postgres.OpenPool(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	return &postgresLoader{pool: pool, q: pgdb.New(pool)}, nil
}

func (l *postgresLoader) empty(ctx context.Context) (bool, error) {
	page, err := postgres.New(l.pool).ListSessions(ctx, data.SessionFilter{Limit: 1})
	if err != nil {
		return false, fmt.Errorf("seed: check postgres is empty: %w", err)
	}
	return len(page.Sessions) == 0, nil
}

func (l *postgresLoader) close() error { l.pool.Close(); return nil }

func (l *postgresLoader) load(ctx context.Context, batch []Item) error {
	var r rows
	for i := range batch {
		r.add(&batch[i])
	}
	err := pgx.BeginFunc(ctx, l.pool, func(tx pgx.Tx) error {
		q := l.q.WithTx(tx)
		// Parents first: the foreign keys are checked row by row as COPY goes.
		steps := []struct {
			table string
			copy  func() (int64, error)
		}{
			{"sessions", func() (int64, error) { return q.CopySessions(ctx, r.sessions) }},
			{"turns", func() (int64, error) { return q.CopyTurns(ctx, r.turns) }},
			{"tool_calls", func() (int64, error) { return q.CopyToolCalls(ctx, r.calls) }},
			{"tool_results", func() (int64, error) { return q.CopyToolResults(ctx, r.results) }},
			{"turn_texts", func() (int64, error) { return q.CopyTurnTexts(ctx, r.texts) }},
			{"anomaly_events", func() (int64, error) { return q.CopyAnomalies(ctx, r.anomalies) }},
		}
		for _, s := range steps {
			if _, err := s.copy(); err != nil {
				return fmt.Errorf("copy %s: %w", s.table, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("seed: postgres: %w", err)
	}
	return nil
}

// finish vacuums and analyzes what was loaded: the planner needs statistics, and index-only
// scans need the visibility map. Autovacuum would get there on its own; a benchmark should not
// depend on when.
func (l *postgresLoader) finish(ctx context.Context) error {
	for _, t := range []string{"sessions", "turns", "tool_calls", "tool_results", "turn_texts", "anomaly_events", "turn_hours", "session_hours"} {
		if _, err := l.pool.Exec(ctx, "VACUUM (ANALYZE) "+t); err != nil {
			return fmt.Errorf("seed: vacuum %s: %w", t, err)
		}
	}
	return nil
}
