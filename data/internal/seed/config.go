package seed

import (
	"fmt"
	"time"
)

// Version names the generator's output. Bump it whenever a change alters the generated rows, so
// cached benchmark datasets (scripts/bench-data.sh keys its cache on it) are seeded afresh.
const Version = "v1"

// DefaultAnchor is the fixed "now" of the default dataset: every timestamp lies in the 90 days
// before it, so the dataset does not depend on the day it was generated.
var DefaultAnchor = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)

// Window is how far back from the anchor sessions start.
const Window = 90 * 24 * time.Hour

// Config sizes and pins a dataset. Sessions, Turns and ToolCalls are exact totals.
type Config struct {
	Sessions   int
	Turns      int
	ToolCalls  int
	Developers int
	Teams      int
	Providers  int // 1 to len(providers): the first n of the catalogue
	Anchor     time.Time
	Seed       uint64 // PRNG seed; a different seed gives different data of the same shape
}

// Default is the benchmark dataset.
func Default() Config {
	return Config{
		Sessions: 50_000, Turns: 1_000_000, ToolCalls: 3_000_000,
		Developers: 200, Teams: 20, Providers: 5, Anchor: DefaultAnchor, Seed: 1,
	}
}

// Validate refuses shapes the generator cannot honour exactly.
func (c Config) Validate() error {
	switch {
	case c.Sessions < 1:
		return fmt.Errorf("seed: sessions must be at least 1, got %d", c.Sessions)
	case c.Turns < c.Sessions:
		return fmt.Errorf("seed: turns (%d) must be at least sessions (%d): every session has a turn", c.Turns, c.Sessions)
	case c.Turns > c.Sessions*maxTurnsPerSession:
		return fmt.Errorf("seed: turns (%d) exceed %d per session", c.Turns, maxTurnsPerSession)
	case c.ToolCalls < 0:
		return fmt.Errorf("seed: tool calls must not be negative, got %d", c.ToolCalls)
	case c.Teams < 1 || c.Developers < c.Teams:
		return fmt.Errorf("seed: need at least 1 team and a developer per team, got %d teams, %d developers", c.Teams, c.Developers)
	case c.Providers < 1 || c.Providers > len(catalogue):
		return fmt.Errorf("seed: providers must be 1 to %d, got %d", len(catalogue), c.Providers)
	case c.Anchor.IsZero():
		return fmt.Errorf("seed: anchor time is required")
	}
	return nil
}
