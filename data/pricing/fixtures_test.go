package pricing_test

import (
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/recondo/recondo/data/pricing"
)

// fixtureRoot finds the shared provider fixtures the way gateway/providers/providertest does
// (which data may not import): $RECONDO_PROVIDER_FIXTURES, else testdata/providers or
// shared/fixtures/providers above the working directory. Missing fixtures fail, never skip.
func fixtureRoot(t *testing.T) string {
	if dir := os.Getenv("RECONDO_PROVIDER_FIXTURES"); dir != "" {
		return dir
	}
	wd, _ := os.Getwd()
	for dir := wd; filepath.Dir(dir) != dir; dir = filepath.Dir(dir) {
		for _, c := range []string{filepath.Join("testdata", "providers"), filepath.Join("shared", "fixtures", "providers")} {
			if st, err := os.Stat(filepath.Join(dir, c)); err == nil && st.IsDir() {
				return filepath.Join(dir, c)
			}
		}
	}
	t.Fatalf("no provider fixtures above %s; set RECONDO_PROVIDER_FIXTURES", wd)
	return ""
}

type fixtureUsage struct {
	Input        int64 `json:"input_tokens"`
	CacheRead    int64 `json:"cache_read_input_tokens"`
	CacheWrite5m int64 `json:"cache_creation_5m"`
	CacheWrite1h int64 `json:"cache_creation_1h"`
	Output       int64 `json:"output_tokens"`
}

func (u fixtureUsage) usage() pricing.Usage {
	return pricing.Usage{Input: u.Input, CacheRead: u.CacheRead, CacheWrite5m: u.CacheWrite5m, CacheWrite1h: u.CacheWrite1h, Output: u.Output}
}

type fixtureCost struct {
	Total       json.Number            `json:"total"`
	Breakdown   map[string]json.Number `json:"breakdown"`
	PricingKey  *string                `json:"pricing_key"`
	Tier        *string                `json:"tier"`
	Rates       map[string]json.Number `json:"rates_usd_per_mtok"`
	PerResponse []json.Number          `json:"per_response"`
}

type expected struct {
	Provider     string       `json:"provider"`
	RequestModel string       `json:"request_model"`
	Model        *string      `json:"model"`
	Usage        fixtureUsage `json:"usage"`
	Cost         fixtureCost  `json:"cost_usd"`
	Responses    []struct {
		Usage fixtureUsage `json:"usage"`
		Cost  fixtureCost  `json:"cost_usd"`
	} `json:"responses"`
}

// scaled is an exact decimal times 10^exp; ok is false when it is not a whole number.
func scaled(t *testing.T, n json.Number, exp int64) (v *big.Rat) {
	t.Helper()
	r, ok := new(big.Rat).SetString(n.String())
	if !ok {
		t.Fatalf("not a number: %q", n)
	}
	return r.Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(exp), nil)))
}

// roundHalfUp is floor(r + 1/2).
func roundHalfUp(r *big.Rat) int64 {
	s := new(big.Rat).Add(r, big.NewRat(1, 2))
	return new(big.Int).Div(s.Num(), s.Denom()).Int64()
}

// TestFixtureCosts reproduces every fixture's cost_usd.total to the micro-dollar (total micros =
// round half up of total × 1e6), its breakdown exactly, its tier and its rates.
func TestFixtureCosts(t *testing.T) {
	root := fixtureRoot(t)
	dirs, err := filepath.Glob(filepath.Join(root, "*", "expected.json"))
	if err != nil || len(dirs) < 16 {
		t.Fatalf("found %d fixtures in %s (%v), want at least 16", len(dirs), root, err)
	}
	table := pricing.Embedded()
	at := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	for _, path := range dirs {
		name := filepath.Base(filepath.Dir(path))
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var x expected
			if err := json.Unmarshal(b, &x); err != nil {
				t.Fatal(err)
			}
			model := x.RequestModel // the 529 fixture has no response model
			if x.Model != nil {
				model = *x.Model
			}
			p, ok := table.Lookup(x.Provider, model, at)
			if !ok {
				t.Fatalf("no price for %s %s", x.Provider, model)
			}
			if k := x.Cost.PricingKey; k != nil && p.Model != *k {
				t.Errorf("matched %s, fixture prices with %s", p.Model, *k)
			}
			checkCost(t, p, x.Usage, x.Cost)
			for i, r := range x.Responses {
				if r.Cost.Total != "" {
					checkCost(t, p, r.Usage, r.Cost)
				}
				if len(x.Cost.PerResponse) > i {
					got, _ := pricing.Cost(p, r.Usage.usage())
					if want := roundHalfUp(scaled(t, x.Cost.PerResponse[i], 6)); got != want {
						t.Errorf("response %d: %d µ$, want %d", i, got, want)
					}
				}
			}
		})
	}
}

func checkCost(t *testing.T, p pricing.Price, u fixtureUsage, want fixtureCost) {
	t.Helper()
	got, b := pricing.Cost(p, u.usage())
	if w := roundHalfUp(scaled(t, want.Total, 6)); got != w {
		t.Errorf("cost %d µ$, want %d (%s USD)", got, w, want.Total)
	}
	if want.Tier != nil {
		tier := map[string]string{"standard": pricing.TierStandard, "long_context_over_200k": pricing.TierLongContext}[*want.Tier]
		if b.Tier != tier {
			t.Errorf("tier %s, want %s", b.Tier, *want.Tier)
		}
	}
	parts := map[string]int64{"input": b.Input, "cache_read": b.CacheRead, "cached_input": b.CacheRead,
		"cache_write_5m": b.CacheWrite5m, "cache_write_1h": b.CacheWrite1h, "output": b.Output}
	for k, v := range want.Breakdown {
		if w := scaled(t, v, 12); !w.IsInt() || w.Num().Int64() != parts[k] {
			t.Errorf("breakdown %s = %d p$, want %s USD", k, parts[k], v)
		}
	}
	rates := map[string]int64{"input": b.Rates.Input, "cache_read": *b.Rates.CacheRead, "cached_input": *b.Rates.CacheRead,
		"cache_write_5m": *b.Rates.CacheWrite5m, "cache_write_1h": *b.Rates.CacheWrite1h, "output": b.Rates.Output}
	for k, v := range want.Rates {
		if w := scaled(t, v, 6); !w.IsInt() || w.Num().Int64() != rates[k] {
			t.Errorf("rate %s = %d µ$/Mtok, want %s USD/Mtok", k, rates[k], v)
		}
	}
}
