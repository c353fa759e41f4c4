package seed

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/recondo/recondo/data"
)

// Options says what to seed and where.
type Options struct {
	Config Config
	Target data.Config // engine and location, as every binary resolves them
	// Force seeds into a database that already holds sessions. The same Config generates the
	// same ids, so adding a second dataset needs another Seed (else the load fails on them).
	Force bool
	// BatchTurns is how many exchanges go into one transaction (0 = the loader's default).
	BatchTurns int
	// ViaWriter loads through the gateway's writer (write.Writer) instead of the engine's bulk
	// path: slower, but the reference the bulk loaders must match.
	ViaWriter bool
	Log       *slog.Logger
}

// Summary counts what was written.
type Summary struct {
	Sessions, Turns, ToolCalls, ToolResults, Texts, Anomalies int64
	Load, Finish                                              time.Duration // writing; then post-load upkeep
}

// Rows is every row written.
func (s Summary) Rows() int64 {
	return s.Sessions + s.Turns + s.ToolCalls + s.ToolResults + s.Texts + s.Anomalies
}

// loader writes batches of items to one engine.
type loader interface {
	// empty reports whether the database holds no sessions yet.
	empty(ctx context.Context) (bool, error)
	load(ctx context.Context, batch []Item) error
	// finish runs the upkeep a freshly loaded database needs before it is read.
	finish(ctx context.Context) error
	close() error
}

// ErrNotEmpty is returned when the target holds data and Force is not set.
var ErrNotEmpty = errors.New("seed: the database already holds sessions (use --force to add to it)")

// Seed generates the dataset and loads it, logging progress. Generation and loading overlap:
// one goroutine builds the next batch while the engine writes the current one.
func Seed(ctx context.Context, opts Options) (Summary, error) {
	log := opts.Log
	if log == nil {
		log = slog.Default()
	}
	g, err := New(opts.Config)
	if err != nil {
		return Summary{}, err
	}
	var l loader
	batch := opts.BatchTurns
	switch {
	case opts.ViaWriter:
		l, err = openWriter(ctx, opts.Target)
		batch = orDefault(batch, 2_000)
	case opts.Target.Engine() == data.EnginePostgres:
		l, err = openPostgres(ctx, opts.Target.DatabaseURL)
		batch = orDefault(batch, 10_000)
	default:
		l, err = openSQLite(ctx, opts.Target.SQLitePath())
		batch = orDefault(batch, 10_000)
	}
	if err != nil {
		return Summary{}, err
	}
	defer l.close()
	empty, err := l.empty(ctx)
	if err != nil {
		return Summary{}, err
	}
	if !empty && !opts.Force {
		return Summary{}, ErrNotEmpty
	}
	log.Info("seeding", "engine", opts.Target.Engine(), "via_writer", opts.ViaWriter, "sessions", opts.Config.Sessions, "turns", opts.Config.Turns,
		"tool_calls", opts.Config.ToolCalls, "batch", batch, "seed", opts.Config.Seed, "anchor", opts.Config.Anchor)

	p := newProgress(log, int64(opts.Config.Turns))
	start := time.Now()
	if err := pipe(ctx, g, batch, func(b []Item) error {
		if err := l.load(ctx, b); err != nil {
			return err
		}
		p.add(b)
		return nil
	}); err != nil {
		return p.sum, err
	}
	p.sum.Load = time.Since(start)
	log.Info("loaded", "elapsed", p.sum.Load.Round(time.Millisecond), "rows", p.sum.Rows(),
		"rows_per_s", int64(float64(p.sum.Rows())/p.sum.Load.Seconds()))
	start = time.Now()
	if err := l.finish(ctx); err != nil {
		return p.sum, err
	}
	p.sum.Finish = time.Since(start)
	log.Info("finished", "upkeep", p.sum.Finish.Round(time.Millisecond))
	return p.sum, nil
}

func orDefault(n, def int) int {
	if n > 0 {
		return n
	}
	return def
}

// pipe runs the generator in its own goroutine, handing batches of n items to write.
func pipe(ctx context.Context, g *Generator, n int, write func([]Item) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []Item, 2)
	genErr := make(chan error, 1)
	go func() {
		defer close(batches)
		b := make([]Item, 0, n)
		err := g.Each(ctx, func(it Item) error {
			b = append(b, it)
			if len(b) == n {
				select {
				case batches <- b:
				case <-ctx.Done():
					return ctx.Err()
				}
				b = make([]Item, 0, n)
			}
			return nil
		})
		if err == nil && len(b) > 0 {
			select {
			case batches <- b:
			case <-ctx.Done():
				err = ctx.Err()
			}
		}
		genErr <- err
	}()
	for b := range batches {
		if err := write(b); err != nil {
			cancel()
			for range batches { // let the generator see the cancellation and stop
			}
			return err
		}
	}
	if err := <-genErr; err != nil {
		return fmt.Errorf("seed: generate: %w", err)
	}
	return nil
}
