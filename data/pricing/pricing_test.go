package pricing_test

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/recondo/recondo/data/pricing"
)

var jan15 = time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)

func TestLookupMatchesNames(t *testing.T) {
	table := pricing.Embedded()
	for _, c := range []struct {
		provider, model string
		want, match     string // want "" = unpriced
	}{
		{"anthropic", "claude-sonnet-4-5", "claude-sonnet-4-5", "exact"},
		{"anthropic", " Claude-Sonnet-4-5 ", "claude-sonnet-4-5", "exact"},
		{"anthropic", "claude-sonnet-4-5-20250929", "claude-sonnet-4-5", "undated"},
		{"anthropic", "claude-sonnet-4-5@20250929", "claude-sonnet-4-5", "undated"},
		{"anthropic", "claude-haiku-4-5-20251001", "claude-haiku-4-5", "undated"},
		{"anthropic", "claude-sonnet-4-0", "claude-sonnet-4", "alias"},
		{"anthropic", "claude-3-5-haiku-latest", "claude-3-5-haiku", "alias"},
		{"openai", "gpt-4.1-2025-04-14", "gpt-4.1", "undated"},
		{"openai", "gpt-5-mini-2025-08-07", "gpt-5-mini", "undated"},
		{"openai", "gpt-5.2-codex", "gpt-5.2-codex", "exact"},
		{"google", "models/gemini-2.5-pro", "gemini-2.5-pro", "exact"},
		{"google", "gemini-2.5-flash-001", "gemini-2.5-flash", "undated"},
		// Never guessed: unknown models, other providers' names, suffixes that are not dates.
		{"anthropic", "claude-opus-5-5", "", ""},
		{"openai", "gpt-6.1-sol", "", ""},
		{"google", "gemini-3.1-pro-preview", "", ""},
		{"google", "gemini-2.5-flash-preview-05-20", "", ""},
		{"openai", "claude-sonnet-4-5", "", ""},
		{"openai", "gpt-4.1-0613", "", ""},
		{"openai", "gpt-4.1-001", "", ""}, // -NNN is Google's convention only
		{"anthropic", "claude-sonnet-4-5-20251399", "", ""},
		{"anthropic", "", "", ""},
	} {
		p, ok := table.Lookup(c.provider, c.model, jan15)
		if ok != (c.want != "") || p.Model != c.want || p.Match != c.match {
			t.Errorf("Lookup(%s, %q) = %q %q %v; want %q %q", c.provider, c.model, p.Model, p.Match, ok, c.want, c.match)
		}
	}
}

func TestLookupIsEffectiveDated(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	table := pricing.Embedded()
	for _, c := range []struct {
		at    time.Time
		input int64
	}{
		{day("2024-06-01"), 10_000_000}, // before the first entry: the first (launch) price
		{day("2025-06-09").Add(23 * time.Hour), 10_000_000},
		{day("2025-06-10"), 2_000_000}, // the cut takes effect at UTC midnight
		{jan15, 2_000_000},
	} {
		if p, _ := table.Lookup("openai", "o3", c.at); p.Input != c.input {
			t.Errorf("o3 at %s: input %d, want %d", c.at, p.Input, c.input)
		}
	}
	// A price added later for a new model reaches turns captured before it was added.
	added, err := table.With(pricing.Entry{Provider: "anthropic", Model: "claude-opus-5-5", EffectiveFrom: day("2026-03-01"),
		Rates: pricing.Rates{Input: 5_000_000, Output: 25_000_000}, Origin: "database"})
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := added.Lookup("anthropic", "claude-opus-5-5-20260301", jan15); !ok || p.Origin != "database" {
		t.Fatalf("new model before its effective date: %+v %v", p, ok)
	}
	if _, ok := table.Lookup("anthropic", "claude-opus-5-5", jan15); ok {
		t.Fatal("With changed the table it was called on")
	}
	// A later entry for a listed model changes the price from its date on, not before.
	raised, err := table.With(pricing.Entry{Provider: "openai", Model: "gpt-5", EffectiveFrom: day("2026-02-01"),
		Rates: pricing.Rates{Input: 2_000_000, Output: 16_000_000}})
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := raised.Lookup("openai", "gpt-5", jan15); p.Input != 1_250_000 {
		t.Errorf("gpt-5 before the raise: input %d", p.Input)
	}
	if p, _ := raised.Lookup("openai", "gpt-5", day("2026-02-01")); p.Input != 2_000_000 {
		t.Errorf("gpt-5 after the raise: input %d", p.Input)
	}
}

func TestLongContextSwitchesTheWholeRequest(t *testing.T) {
	table := pricing.Embedded()
	sonnet, _ := table.Lookup("anthropic", "claude-sonnet-4-5", jan15)
	at := func(u pricing.Usage) string { _, b := pricing.Cost(sonnet, u); return b.Tier }
	if got := at(pricing.Usage{Input: 100_000, CacheRead: 99_000, CacheWrite5m: 1_000, Output: 5}); got != pricing.TierStandard {
		t.Errorf("exactly 200k input: tier %s, want standard", got)
	}
	// Cache writes count toward the threshold for Anthropic.
	if got := at(pricing.Usage{Input: 100_000, CacheRead: 99_000, CacheWrite1h: 1_001}); got != pricing.TierLongContext {
		t.Errorf("200,001 input: tier %s, want long_context", got)
	}
	haiku, _ := table.Lookup("anthropic", "claude-haiku-4-5", jan15)
	if _, b := pricing.Cost(haiku, pricing.Usage{Input: 500_000}); b.Tier != pricing.TierStandard {
		t.Errorf("a model without a long-context tier: %s", b.Tier)
	}
	if got := table.LongContextThreshold(); got != 200_000 {
		t.Errorf("threshold %d", got)
	}
	// CostTier prices a sum of requests at the tier each had.
	sum := pricing.Usage{Input: 1_000_000}
	if c, _ := pricing.CostTier(sonnet, sum, false); c != 3_000_000 {
		t.Errorf("standard sum: %d", c)
	}
	if c, _ := pricing.CostTier(sonnet, sum, true); c != 6_000_000 {
		t.Errorf("long-context sum: %d", c)
	}
}

func TestUnpublishedCacheRates(t *testing.T) {
	table := pricing.Embedded()
	// OpenAI/Google: a null cached rate bills cached tokens at the input rate.
	pro, _ := table.Lookup("openai", "gpt-5-pro", jan15)
	if c, _ := pricing.Cost(pro, pricing.Usage{CacheRead: 1_000_000}); c != 15_000_000 {
		t.Errorf("gpt-5-pro cached tokens: %d µ$, want the input rate", c)
	}
	gem, _ := table.Lookup("google", "gemini-3-pro-preview", jan15)
	if c, b := pricing.Cost(gem, pricing.Usage{Input: 150_000, CacheRead: 60_000}); b.Tier != pricing.TierLongContext || c != 840_000 {
		t.Errorf("gemini-3-pro-preview long context, cached at input: %d %s", c, b.Tier)
	}
	// Anthropic: its documented multipliers.
	r := pricing.Rates{Input: 3_000_000}.Resolve("anthropic")
	if *r.CacheRead != 300_000 || *r.CacheWrite5m != 3_750_000 || *r.CacheWrite1h != 6_000_000 {
		t.Errorf("anthropic multipliers: %d %d %d", *r.CacheRead, *r.CacheWrite5m, *r.CacheWrite1h)
	}
}

func TestRoundsTheSumHalfUpOnce(t *testing.T) {
	p := pricing.Price{Entry: pricing.Entry{Provider: "openai", Rates: pricing.Rates{Input: 400_000, CacheRead: ptr(int64(400_000)), Output: 500_000}}}
	for _, c := range []struct {
		u    pricing.Usage
		want int64
	}{
		{pricing.Usage{Input: 1, CacheRead: 1, Output: 1}, 1}, // 0.4 + 0.4 + 0.5 = 1.3 (per part: 0 + 0 + 1)
		{pricing.Usage{Output: 1}, 1},                         // 0.5 rounds up
		{pricing.Usage{Input: 1}, 0},                          // 0.4 rounds down
		{pricing.Usage{}, 0},
		{pricing.Usage{Input: -5}, 0},
	} {
		if got, _ := pricing.Cost(p, c.u); got != c.want {
			t.Errorf("Cost(%+v) = %d, want %d", c.u, got, c.want)
		}
	}
	// Sums past int64 picodollars stay exact; past int64 micro-dollars they saturate.
	big := pricing.Price{Entry: pricing.Entry{Provider: "openai", Rates: pricing.Rates{Input: 120_000_000, Output: 120_000_000}}}
	if got, _ := pricing.Cost(big, pricing.Usage{Input: 1e12}); got != 120_000_000_000_000 {
		t.Errorf("1e12 tokens at 120 $/Mtok = %d µ$", got)
	}
	if got, _ := pricing.Cost(big, pricing.Usage{Input: math.MaxInt64, Output: math.MaxInt64}); got != math.MaxInt64 {
		t.Errorf("overflow: %d", got)
	}
}

func TestLoadOverrideFile(t *testing.T) {
	dir := t.TempDir()
	write := func(body string) string {
		p := filepath.Join(dir, "pricing.json")
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	path := write(`{"format": 1, "prices": [
		{"provider": "anthropic", "model": "claude-opus-5-5", "effective_from": "2026-01-01", "input": 5000000, "output": 25000000, "source": "ours"},
		{"provider": "openai", "model": "gpt-5", "effective_from": "2025-01-01", "input": 1000000, "cache_read": 100000, "output": 8000000}]}`)
	if got := pricing.DefaultOverride(dir); got != path {
		t.Fatalf("DefaultOverride = %q", got)
	}
	if got := pricing.DefaultOverride(t.TempDir()); got != "" {
		t.Fatalf("DefaultOverride without a file = %q", got)
	}
	table, err := pricing.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := table.Lookup("anthropic", "claude-opus-5-5", jan15); !ok || p.Origin != path || p.Source != "ours" {
		t.Errorf("added model: %+v %v", p, ok)
	}
	if p, _ := table.Lookup("openai", "gpt-5", jan15); p.Input != 1_000_000 {
		t.Errorf("replaced entry: input %d", p.Input)
	}
	if p, _ := table.Lookup("openai", "gpt-5-mini", jan15); p.Origin != pricing.OriginEmbedded {
		t.Errorf("untouched entry: origin %q", p.Origin)
	}
	for name, body := range map[string]string{
		"unknown field": `{"format": 1, "prices": [{"provider": "openai", "model": "x", "effective_from": "2026-01-01", "input": 1, "output": 1, "cached_input": 1}]}`,
		"bad date":      `{"format": 1, "prices": [{"provider": "openai", "model": "x", "effective_from": "2026-1-1", "input": 1, "output": 1}]}`,
		"negative":      `{"format": 1, "prices": [{"provider": "openai", "model": "x", "effective_from": "2026-01-01", "input": -1, "output": 1}]}`,
		"format":        `{"format": 2, "prices": []}`,
		"threshold":     `{"format": 1, "prices": [{"provider": "openai", "model": "x", "effective_from": "2026-01-01", "input": 1, "output": 1, "long_context": {"threshold_tokens": 128000, "input": 2, "output": 2}}]}`,
		"usd not µ$":    `{"format": 1, "prices": [{"provider": "openai", "model": "x", "effective_from": "2026-01-01", "input": 1.25, "output": 10}]}`,
	} {
		if _, err := pricing.Load(write(body)); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
	if _, err := pricing.Load(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("a missing override file loaded")
	}
}

func TestEmbeddedListIsComplete(t *testing.T) {
	entries := pricing.Embedded().Entries()
	if len(entries) < 30 {
		t.Fatalf("%d entries", len(entries))
	}
	for _, e := range entries {
		if e.Source == "" || e.Status == "" || e.Origin != pricing.OriginEmbedded {
			t.Errorf("%s/%s: source %q status %q origin %q", e.Provider, e.Model, e.Source, e.Status, e.Origin)
		}
		if e.Provider == "anthropic" && (e.CacheRead == nil || e.CacheWrite5m == nil || e.CacheWrite1h == nil) {
			t.Errorf("%s: anthropic entries list every cache rate", e.Model)
		}
	}
}

func TestParseAndFormatUSD(t *testing.T) {
	for in, want := range map[string]int64{"3": 3_000_000, "0.125": 125_000, "22.50": 22_500_000, "$0.000001": 1, ".5": 500_000, "0": 0} {
		if got, err := pricing.ParseUSD(in); err != nil || got != want {
			t.Errorf("ParseUSD(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "-1", "0.0000001", "1e3", "abc", "1.2.3", "99999999999999"} {
		if got, err := pricing.ParseUSD(in); err == nil {
			t.Errorf("ParseUSD(%q) = %d, want an error", in, got)
		}
	}
	for in, want := range map[int64]string{125_000: "0.125", 3_000_000: "3", 0: "0", 1: "0.000001", -2_500_000: "-2.5"} {
		if got := pricing.FormatUSD(in); got != want {
			t.Errorf("FormatUSD(%d) = %q, want %q", in, got, want)
		}
	}
	if !strings.Contains(pricing.FormatUSD(math.MinInt64), "9223372036854.775808") {
		t.Error("FormatUSD(MinInt64)")
	}
}

func ptr[T any](v T) *T { return &v }
