package seed

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"testing"
	"time"
)

func small() Config {
	c := Default()
	c.Sessions, c.Turns, c.ToolCalls, c.Developers, c.Teams = 400, 8000, 24000, 40, 6
	return c
}

func TestGeneratorCountsAreExact(t *testing.T) {
	cfg := small()
	g, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var sessions, turns, calls, unpriced, anomalies, texts int
	var last time.Time
	from := cfg.Anchor.Add(-Window)
	err = g.Each(context.Background(), func(it Item) error {
		if it.First {
			sessions++
		}
		turns++
		calls += len(it.ToolCalls)
		texts += len(it.Texts)
		if it.Turn.CostMicros == nil {
			unpriced++
		}
		anomalies += len(it.Anomalies)
		if it.Turn.StartedAt.Before(last) {
			t.Fatalf("turn %s starts %v, before the previous turn's %v", it.Turn.ID, it.Turn.StartedAt, last)
		}
		last = it.Turn.StartedAt
		if it.Turn.StartedAt.Before(from) || !it.Turn.StartedAt.Before(cfg.Anchor) {
			t.Fatalf("turn %s starts %v, outside [%v, %v)", it.Turn.ID, it.Turn.StartedAt, from, cfg.Anchor)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if sessions != cfg.Sessions || turns != cfg.Turns || calls != cfg.ToolCalls {
		t.Errorf("got %d sessions, %d turns, %d tool calls; want %d, %d, %d", sessions, turns, calls, cfg.Sessions, cfg.Turns, cfg.ToolCalls)
	}
	if got := float64(unpriced) / float64(turns); got < 0.005 || got > 0.02 {
		t.Errorf("unpriced share = %.4f, want about 0.01", got)
	}
	if anomalies < unpriced {
		t.Errorf("got %d anomalies for %d unpriced turns; want one per unpriced turn at least", anomalies, unpriced)
	}
	t.Logf("%d sessions, %d turns, %d calls, %d texts, %d unpriced, %d anomalies", sessions, turns, calls, texts, unpriced, anomalies)
}

func digest(t *testing.T, c Config) string {
	t.Helper()
	g, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	enc := json.NewEncoder(h)
	if err := g.Each(context.Background(), func(it Item) error { return enc.Encode(it) }); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// versionDigest pins the generator's output for Version. Cached benchmark datasets are keyed on
// Version, so a change to the output must come with a new Version (and a new digest here).
const versionDigest = "37e61a69ade40bfd76f5d9e0d7452282e765817ad7c05842245973271730b2b1"

func TestOutputChangesBumpTheVersion(t *testing.T) {
	if got := digest(t, tiny()); got != versionDigest {
		t.Errorf("generator output changed (digest %s, pinned %s for %s): bump seed.Version and update versionDigest", got, versionDigest, Version)
	}
}

// TestGeneratorIsDeterministic: the same Config yields the same bytes; another seed does not.
func TestGeneratorIsDeterministic(t *testing.T) {
	a, b := digest(t, tiny()), digest(t, tiny())
	if a != b {
		t.Errorf("two runs of the same config differ: %s vs %s", a, b)
	}
	other := tiny()
	other.Seed++
	if c := digest(t, other); c == a {
		t.Errorf("seed %d and %d produced the same data", tiny().Seed, other.Seed)
	}
}
