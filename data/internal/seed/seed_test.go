package seed

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/internal/pgtest"
	"github.com/recondo/recondo/data/postgres"
	"github.com/recondo/recondo/data/sqlite"
)

var quiet = slog.New(slog.DiscardHandler)

func tiny() Config {
	c := Default()
	c.Sessions, c.Turns, c.ToolCalls, c.Developers, c.Teams = 20, 400, 1200, 10, 3
	return c
}

// snapshot is everything a reader sees of a seeded database, normalised for comparison.
type snapshot struct {
	Sessions  []data.Session
	Turns     map[string][]data.Turn
	ToolCalls map[string][]data.ToolCall
	Anomalies []data.Anomaly
}

// TestBulkLoadersMatchTheWriter seeds the same tiny dataset through each engine's bulk loader
// and through the gateway's writer, and requires every engine to read back the same sessions,
// turns, tool calls and anomalies, with session totals equal to the sums of their turns.
func TestBulkLoadersMatchTheWriter(t *testing.T) {
	ctx := context.Background()
	cfg := tiny()
	targets := []struct {
		name      string
		target    data.Config
		viaWriter bool
	}{
		{"sqlite-writer", data.Config{DataDir: t.TempDir()}, true},
		{"sqlite-bulk", data.Config{DataDir: t.TempDir()}, false},
		{"postgres-writer", data.Config{DatabaseURL: pgtest.NewDatabase(t)}, true},
		{"postgres-bulk", data.Config{DatabaseURL: pgtest.NewDatabase(t)}, false},
	}
	var want []byte
	for _, tc := range targets {
		sum, err := Seed(ctx, Options{Config: cfg, Target: tc.target, ViaWriter: tc.viaWriter, Log: quiet})
		if err != nil {
			t.Fatalf("%s: seed: %v", tc.name, err)
		}
		if sum.Sessions != int64(cfg.Sessions) || sum.Turns != int64(cfg.Turns) || sum.ToolCalls != int64(cfg.ToolCalls) {
			t.Errorf("%s: summary counts %d sessions, %d turns, %d tool calls; want %d, %d, %d",
				tc.name, sum.Sessions, sum.Turns, sum.ToolCalls, cfg.Sessions, cfg.Turns, cfg.ToolCalls)
		}
		store := openStore(t, tc.target)
		snap := read(t, store)
		checkCounts(t, tc.name, cfg, snap)
		checkTotals(t, tc.name, snap)
		got, err := json.Marshal(snap)
		if err != nil {
			t.Fatal(err)
		}
		if want == nil {
			want = got
		} else if string(got) != string(want) {
			t.Errorf("%s reads back differently from %s (%d vs %d bytes of JSON)", tc.name, targets[0].name, len(got), len(want))
		}
		if _, err := Seed(ctx, Options{Config: cfg, Target: tc.target, Log: quiet}); !errors.Is(err, ErrNotEmpty) {
			t.Errorf("%s: seeding again without Force: err = %v, want ErrNotEmpty", tc.name, err)
		}
	}
}

func openStore(t *testing.T, target data.Config) data.Store {
	t.Helper()
	ctx := context.Background()
	var s data.Store
	var err error
	if target.Engine() == data.EnginePostgres {
		s, err = postgres.Open(ctx, target.DatabaseURL)
	} else {
		s, err = sqlite.Open(ctx, filepath.Join(target.DataDir, "recondo.db"))
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func read(t *testing.T, s data.Store) snapshot {
	t.Helper()
	ctx := context.Background()
	page, err := s.ListSessions(ctx, data.SessionFilter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	snap := snapshot{Sessions: page.Sessions, Turns: map[string][]data.Turn{}, ToolCalls: map[string][]data.ToolCall{}}
	for i := range snap.Sessions {
		utc(&snap.Sessions[i].StartedAt, &snap.Sessions[i].LastActivityAt)
		id := snap.Sessions[i].ID
		turns, err := s.ListTurns(ctx, data.TurnFilter{SessionID: id, Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		ids := make([]string, len(turns))
		for j := range turns {
			utc(&turns[j].StartedAt, turns[j].FirstByteAt, turns[j].EndedAt)
			ids[j] = turns[j].ID
		}
		calls, err := s.ListToolCalls(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		for j := range calls {
			utc(&calls[j].CreatedAt)
		}
		snap.Turns[id], snap.ToolCalls[id] = turns, calls
	}
	an, err := s.ListAnomalies(ctx, data.AnomalyFilter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	snap.Anomalies = an.Anomalies
	for i := range snap.Anomalies {
		utc(&snap.Anomalies[i].CreatedAt)
	}
	sort.Slice(snap.Anomalies, func(i, j int) bool { return snap.Anomalies[i].ID < snap.Anomalies[j].ID })
	return snap
}

func utc(ts ...*time.Time) {
	for _, t := range ts {
		if t != nil {
			*t = t.UTC()
		}
	}
}

func checkCounts(t *testing.T, name string, cfg Config, s snapshot) {
	t.Helper()
	turns, calls, seen, unpriced, unpricedEvents := 0, 0, 0, 0, 0
	for _, ts := range s.Turns {
		turns += len(ts)
		for _, tn := range ts {
			if tn.CostMicros == nil {
				unpriced++
			}
		}
	}
	for _, cs := range s.ToolCalls {
		calls += len(cs)
		for _, c := range cs {
			if c.ResultSeen {
				seen++
			}
		}
	}
	for _, a := range s.Anomalies {
		if a.Kind == data.AnomalyUnpricedModel {
			unpricedEvents++
		}
	}
	if len(s.Sessions) != cfg.Sessions || turns != cfg.Turns || calls != cfg.ToolCalls {
		t.Errorf("%s: read back %d sessions, %d turns, %d tool calls; want %d, %d, %d",
			name, len(s.Sessions), turns, calls, cfg.Sessions, cfg.Turns, cfg.ToolCalls)
	}
	if unpricedEvents != unpriced {
		t.Errorf("%s: %d unpriced_model anomalies for %d unpriced turns; want one each", name, unpricedEvents, unpriced)
	}
	// Results come with the next turn, so only calls of a session's last turn go unanswered.
	if seen < calls*8/10 {
		t.Errorf("%s: %d of %d tool calls have a result; want most", name, seen, calls)
	}
}

// checkTotals is the property the read side relies on: a session's totals are its turns' sums.
func checkTotals(t *testing.T, name string, s snapshot) {
	t.Helper()
	for _, sess := range s.Sessions {
		var want data.Session
		want.StartedAt = sess.StartedAt
		for _, tn := range s.Turns[sess.ID] {
			want.TurnCount++
			want.Usage = want.Usage.Add(tn.Usage)
			if tn.CostMicros == nil {
				want.UnpricedTurns++
			} else {
				want.CostMicros += *tn.CostMicros
			}
			last := tn.StartedAt
			if tn.EndedAt != nil {
				last = *tn.EndedAt
			}
			if last.After(want.LastActivityAt) {
				want.LastActivityAt = last
			}
			if tn.StartedAt.Before(want.StartedAt) {
				t.Errorf("%s: session %s starts %v, after its turn %s (%v)", name, sess.ID, sess.StartedAt, tn.ID, tn.StartedAt)
			}
		}
		if sess.TurnCount != want.TurnCount || sess.Usage != want.Usage || sess.CostMicros != want.CostMicros ||
			sess.UnpricedTurns != want.UnpricedTurns || !sess.LastActivityAt.Equal(want.LastActivityAt) {
			t.Errorf("%s: session %s totals = %d turns %+v cost %d unpriced %d last %v; sums of its turns = %d %+v %d %d %v",
				name, sess.ID, sess.TurnCount, sess.Usage, sess.CostMicros, sess.UnpricedTurns, sess.LastActivityAt,
				want.TurnCount, want.Usage, want.CostMicros, want.UnpricedTurns, want.LastActivityAt)
		}
	}
}
