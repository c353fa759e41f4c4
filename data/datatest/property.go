package datatest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/write"
)

// checkTotalsProperty writes random exchanges (random sessions, usage, priced or not, written
// in random batch sizes and replayed) and checks that every session's totals are the sums of its
// turns. It runs last: its rows would change the golden answers.
func checkTotalsProperty(ctx context.Context, t *testing.T, store data.Store, w write.Writer, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	base := Base.AddDate(1, 0, 0)
	var xs []write.Exchange
	for i := 0; i < 300; i++ {
		sid := fmt.Sprintf("p-%02d", rng.IntN(25))
		u := data.Usage{InputTokens: rng.Int64N(5000), CacheReadTokens: rng.Int64N(90000), CacheWrite5mTokens: rng.Int64N(3000),
			CacheWrite1hTokens: rng.Int64N(100), OutputTokens: rng.Int64N(4000)}
		u.ReasoningTokens = rng.Int64N(u.OutputTokens + 1)
		var cost *int64
		if rng.IntN(5) > 0 {
			c := rng.Int64N(100000)
			cost = &c
		}
		start := base.Add(time.Duration(rng.IntN(72*60)) * time.Minute)
		xs = append(xs, write.Exchange{
			Session: data.Session{ID: sid, Provider: "anthropic"},
			Turn: data.Turn{ID: fmt.Sprintf("pt-%04d", i), StartedAt: start, Host: "api.anthropic.com", Method: "POST", Path: "/v1/messages",
				Status: 200, Transport: data.TransportHTTPSSE, RequestSHA256: hash("preq", i), ResponseSHA256: hash("presp", i),
				Usage: u, CostMicros: cost, Complete: true, Parsed: true},
		})
	}
	for len(xs) > 0 {
		n := min(len(xs), 1+rng.IntN(40))
		if _, err := w.Write(ctx, xs[:n]...); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(ctx, xs[:n]...); err != nil { // a replay must change nothing
			t.Fatal(err)
		}
		xs = xs[n:]
	}
	for i := 0; i < 25; i++ {
		sid := fmt.Sprintf("p-%02d", i)
		s, err := store.GetSession(ctx, sid)
		if data.ErrorCode(err) == data.ENOTFOUND {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		turns, err := store.ListTurns(ctx, data.TurnFilter{SessionID: sid, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		var sum data.Usage
		var cost, unpriced int64
		first, last := turns[0].StartedAt, turns[0].StartedAt
		for _, tr := range turns {
			sum = sum.Add(tr.Usage)
			if tr.CostMicros == nil {
				unpriced++
			} else {
				cost += *tr.CostMicros
			}
			if tr.StartedAt.Before(first) {
				first = tr.StartedAt
			}
			if tr.StartedAt.After(last) {
				last = tr.StartedAt
			}
		}
		if s.TurnCount != int64(len(turns)) || s.Usage != sum || s.CostMicros != cost || s.UnpricedTurns != unpriced ||
			!s.StartedAt.Equal(first) || !s.LastActivityAt.Equal(last) {
			t.Errorf("seed %d, %s: totals %d %+v %d/%d %v..%v; turns sum to %d %+v %d/%d %v..%v", seed, sid,
				s.TurnCount, s.Usage, s.CostMicros, s.UnpricedTurns, s.StartedAt, s.LastActivityAt,
				len(turns), sum, cost, unpriced, first, last)
		}
	}
}
