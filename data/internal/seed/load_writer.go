package seed

import (
	"context"
	"fmt"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/postgres"
	"github.com/recondo/recondo/data/sqlite"
	"github.com/recondo/recondo/data/write"
)

// writerLoader goes through the gateway's own writer (per-turn upsert, unprepared statements).
// It is the reference the bulk loaders are tested against, and the baseline they are measured
// against.
type writerLoader struct {
	w     write.Writer
	store data.Store
}

func openWriter(ctx context.Context, target data.Config) (*writerLoader, error) {
	w, err := write.Open(ctx, target)
	if err != nil {
		return nil, fmt.Errorf("seed: open writer: %w", err)
	}
	var s data.Store
	if target.Engine() == data.EnginePostgres {
		s, err = postgres.Open(ctx, target.DatabaseURL)
	} else {
		s, err = sqlite.Open(ctx, target.SQLitePath())
	}
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("seed: open store: %w", err)
	}
	return &writerLoader{w: w, store: s}, nil
}

func (l *writerLoader) empty(ctx context.Context) (bool, error) { return storeEmpty(ctx, l.store) }

func (l *writerLoader) load(ctx context.Context, batch []Item) error {
	xs := make([]write.Exchange, len(batch))
	for i := range batch {
		xs[i] = batch[i].Exchange
	}
	if _, err := l.w.Write(ctx, xs...); err != nil {
		return fmt.Errorf("seed: writer: %w", err)
	}
	return nil
}

func (l *writerLoader) finish(context.Context) error { return nil }

func (l *writerLoader) close() error {
	err := l.w.Close()
	if cerr := l.store.Close(); err == nil {
		err = cerr
	}
	return err
}
