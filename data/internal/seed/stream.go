package seed

import (
	"container/heap"
	"context"
	"math/rand/v2"
	"time"

	"github.com/recondo/recondo/data/write"
)

// Item is one captured exchange of the dataset. Exchange.Session always carries the session's
// final totals (the sums of all its turns); First marks the session's first exchange, where a
// bulk loader inserts the session row whole.
type Item struct {
	write.Exchange
	First bool
}

// Generator streams a dataset in capture order: exchanges of all sessions interleaved by turn
// start time, as the gateway would have written them. Only sessions in flight are in memory.
type Generator struct {
	cfg   Config
	world *world
	plans []plan
}

// New lays out the dataset cfg describes.
func New(cfg Config) (*Generator, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	r := rand.New(rand.NewPCG(cfg.Seed, 0x0ff1ce))
	w := newWorld(cfg, r)
	return &Generator{cfg: cfg, world: w, plans: makePlans(cfg, w, r)}, nil
}

// Config is the generator's configuration.
func (g *Generator) Config() Config { return g.cfg }

// Each calls fn with every exchange in capture order and stops at fn's first error.
func (g *Generator) Each(ctx context.Context, fn func(Item) error) error {
	var active flight
	next := 0
	for {
		// Open every session that starts before the earliest pending turn.
		for next < len(g.plans) && (active.Len() == 0 || !g.plans[next].start.After(active.head())) {
			_, xs := g.world.generate(g.cfg, g.plans[next])
			heap.Push(&active, &inFlight{xs: xs, order: next})
			next++
		}
		if active.Len() == 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		f := active[0]
		it := Item{Exchange: f.xs[f.next], First: f.next == 0}
		f.xs[f.next] = write.Exchange{} // let the garbage collector have it once written
		f.next++
		if f.next == len(f.xs) {
			heap.Pop(&active)
		} else {
			heap.Fix(&active, 0)
		}
		if err := fn(it); err != nil {
			return err
		}
	}
}

// inFlight is a session with turns still to emit.
type inFlight struct {
	xs    []write.Exchange
	next  int
	order int
}

// flight is a min-heap of sessions by their next turn's start (then session order, for a total
// and therefore deterministic order).
type flight []*inFlight

func (f flight) Len() int { return len(f) }
func (f flight) Less(i, j int) bool {
	a, b := f[i].xs[f[i].next].Turn.StartedAt, f[j].xs[f[j].next].Turn.StartedAt
	if !a.Equal(b) {
		return a.Before(b)
	}
	return f[i].order < f[j].order
}
func (f flight) Swap(i, j int)   { f[i], f[j] = f[j], f[i] }
func (f *flight) Push(x any)     { *f = append(*f, x.(*inFlight)) }
func (f *flight) Pop() any       { old := *f; x := old[len(old)-1]; *f = old[:len(old)-1]; return x }
func (f flight) head() time.Time { return f[0].xs[f[0].next].Turn.StartedAt }
