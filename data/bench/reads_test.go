package bench

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/internal/seed"
)

// The targets, for reference in the output names of BENCHMARKS.md:
//   first page of sessions ≤ 20 ms p99, one session with its turns ≤ 20 ms p99,
//   stats for 30 days grouped by team ≤ 100 ms, full-text search ≤ 200 ms p99.

const pageSize = data.DefaultLimit

func BenchmarkSessionsFirstPage(b *testing.B) {
	ctx := context.Background()
	eachEngine(b, func(b *testing.B, e *engine) {
		b.Run("all", func(b *testing.B) {
			timed(b, func(int) error {
				_, err := e.store.ListSessions(ctx, data.SessionFilter{Limit: pageSize})
				return err
			})
		})
		b.Run("team", func(b *testing.B) {
			r := rng()
			timed(b, func(int) error {
				_, err := e.store.ListSessions(ctx, data.SessionFilter{Team: e.teams[r.IntN(len(e.teams))], Limit: pageSize})
				return err
			})
		})
	})
}

// BenchmarkSessionWithTurns reads what a session page shows: the session, up to 500 turns and
// the tool calls of those turns (results joined in), for a random session each iteration.
func BenchmarkSessionWithTurns(b *testing.B) {
	ctx := context.Background()
	eachEngine(b, func(b *testing.B, e *engine) {
		r := rng()
		timed(b, func(int) error {
			id := e.sessions[r.IntN(len(e.sessions))]
			if _, err := e.store.GetSession(ctx, id); err != nil {
				return err
			}
			turns, err := e.store.ListTurns(ctx, data.TurnFilter{SessionID: id, Limit: data.MaxLimit})
			if err != nil {
				return err
			}
			ids := make([]string, len(turns))
			for i, t := range turns {
				ids[i] = t.ID
			}
			_, err = e.store.ListToolCalls(ctx, ids)
			return err
		})
	})
}

func BenchmarkStats30DaysByTeam(b *testing.B) {
	ctx := context.Background()
	eachEngine(b, func(b *testing.B, e *engine) {
		q := data.StatsQuery{From: e.newest.Add(-30 * 24 * time.Hour), To: e.newest, GroupBy: data.DimTeam}
		timed(b, func(int) error {
			rows, err := e.store.Stats(ctx, q)
			if err == nil && len(rows) == 0 {
				err = fmt.Errorf("stats %v..%v returned no rows", q.From, q.To)
			}
			return err
		})
	})
}

// BenchmarkSearch runs the generator's fixed query mix (words in most texts down to identifiers
// in a handful), first all together, then each frequency class alone to show where time goes.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	terms := seed.SearchTerms()
	classes := []string{"mix"}
	seen := map[string]bool{}
	for _, t := range terms {
		if !seen[t.Class] {
			seen[t.Class] = true
			classes = append(classes, t.Class)
		}
	}
	eachEngine(b, func(b *testing.B, e *engine) {
		for _, class := range classes {
			var texts []string
			for _, t := range terms {
				if class == "mix" || t.Class == class {
					texts = append(texts, t.Text)
				}
			}
			b.Run(class, func(b *testing.B) {
				timed(b, func(i int) error {
					_, err := e.store.Search(ctx, data.SearchQuery{Text: texts[i%len(texts)], Limit: pageSize})
					return err
				})
			})
		}
	})
}
