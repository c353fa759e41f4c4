package bench

import (
	"context"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/postgres"
	"github.com/recondo/recondo/data/sqlite"
)

// engine is one seeded database and what the benchmarks draw their arguments from.
type engine struct {
	name     string
	env      string
	store    data.Store
	err      error
	sessions []string  // every session id, to pick one at random per iteration
	teams    []string  // every team, for the filtered first page
	newest   time.Time // the latest captured activity: the "now" of the 30-day stats window
}

var (
	openOnce sync.Once
	engines  = []*engine{{name: "sqlite", env: "RECONDO_BENCH_SQLITE"}, {name: "postgres", env: "RECONDO_BENCH_POSTGRES_URL"}}
)

// eachEngine runs fn as a sub-benchmark per engine, skipping an engine whose dataset is not set.
func eachEngine(b *testing.B, fn func(b *testing.B, e *engine)) {
	openOnce.Do(openAll)
	for _, e := range engines {
		b.Run(e.name, func(b *testing.B) {
			switch {
			case e.store == nil && e.err == nil:
				b.Skipf("%s is not set: run `make bench` (scripts/bench-data.sh seeds the dataset and sets it)", e.env)
			case e.err != nil:
				b.Fatalf("%s=%s: %v", e.env, os.Getenv(e.env), e.err)
			}
			fn(b, e)
		})
	}
}

func openAll() {
	ctx := context.Background()
	for _, e := range engines {
		where := os.Getenv(e.env)
		if where == "" {
			continue
		}
		if e.name == "sqlite" {
			e.store, e.err = sqlite.Open(ctx, where)
		} else {
			e.store, e.err = postgres.Open(ctx, where)
		}
		if e.err == nil {
			e.err = e.load(ctx)
		}
	}
}

// load reads the session ids and teams once, outside any timed loop.
func (e *engine) load(ctx context.Context) error {
	f := data.SessionFilter{Limit: data.MaxLimit}
	teams := map[string]bool{}
	for {
		page, err := e.store.ListSessions(ctx, f)
		if err != nil {
			return err
		}
		for _, s := range page.Sessions {
			e.sessions = append(e.sessions, s.ID)
			teams[s.Team] = true
			if s.LastActivityAt.After(e.newest) {
				e.newest = s.LastActivityAt
			}
		}
		if page.NextCursor == "" {
			break
		}
		f.Cursor = page.NextCursor
	}
	for t := range teams {
		e.teams = append(e.teams, t)
	}
	sort.Strings(e.teams)
	return nil
}

// rng is a fixed-seed source per benchmark, so runs pick the same "random" arguments.
// RECONDO_BENCH_SEED picks another sequence, e.g. to read sessions no earlier run has cached.
func rng() *rand.Rand {
	seed, err := strconv.ParseUint(os.Getenv("RECONDO_BENCH_SEED"), 10, 64)
	if err != nil {
		seed = 42
	}
	return rand.New(rand.NewPCG(seed, seed))
}
