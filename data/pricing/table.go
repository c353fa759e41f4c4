package pricing

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Table is a price list ready for lookups. It is immutable, so one Table serves many goroutines;
// With returns a new one.
type Table struct {
	entries   map[key][]Entry // by provider and model, sorted by EffectiveFrom
	aliases   map[key]string  // provider and alias → model
	threshold int64           // the long-context threshold every tier shares; 0 when none has one
}

type key struct{ provider, model string }

// New builds a table from entries alone (no embedded list).
func New(entries ...Entry) (*Table, error) {
	return (&Table{}).With(entries...)
}

// With returns a table holding t's entries and these. An entry with the same provider, model and
// effective date as an existing one replaces it: the override file beats the embedded list and
// model_prices rows beat both.
func (t *Table) With(entries ...Entry) (*Table, error) {
	n := &Table{entries: make(map[key][]Entry, len(t.entries)+len(entries)), aliases: map[key]string{}, threshold: t.threshold}
	for k, es := range t.entries {
		n.entries[k] = slices.Clone(es)
	}
	for k, m := range t.aliases {
		n.aliases[k] = m
	}
	for _, e := range entries {
		e, err := e.Normalized()
		if err != nil {
			return nil, err
		}
		if lc := e.LongContext; lc != nil {
			if n.threshold != 0 && n.threshold != lc.ThresholdTokens {
				// The read side groups unpriced usage by one threshold (data.API), so all must agree.
				return nil, fmt.Errorf("price %s/%s: long-context threshold %d differs from %d used by other entries",
					e.Provider, e.Model, lc.ThresholdTokens, n.threshold)
			}
			n.threshold = lc.ThresholdTokens
		}
		k := key{e.Provider, e.Model}
		es := slices.DeleteFunc(n.entries[k], func(x Entry) bool { return x.EffectiveFrom.Equal(e.EffectiveFrom) })
		es = append(es, e)
		slices.SortStableFunc(es, func(a, b Entry) int { return a.EffectiveFrom.Compare(b.EffectiveFrom) })
		n.entries[k] = es
		for _, a := range e.Aliases {
			n.aliases[key{e.Provider, a}] = e.Model
		}
	}
	return n, nil
}

// Lookup finds the price of a provider's model at a time: by exact name, else without a date
// suffix (Undated), else by alias; then the entry with the latest EffectiveFrom not after at, or
// the model's first entry when at is before all of them.
func (t *Table) Lookup(provider, model string, at time.Time) (Price, bool) {
	provider, name := strings.ToLower(strings.TrimSpace(provider)), Normalize(model)
	if name == "" {
		return Price{}, false
	}
	undated, _ := Undated(provider, name)
	for _, c := range []struct{ name, match string }{{name, "exact"}, {undated, "undated"}} {
		if es, ok := t.entries[key{provider, c.name}]; ok {
			return Price{Entry: at1(es, at), Match: c.match}, true
		}
	}
	for _, n := range []string{name, undated} {
		if m, ok := t.aliases[key{provider, n}]; ok {
			return Price{Entry: at1(t.entries[key{provider, m}], at), Match: "alias"}, true
		}
	}
	return Price{}, false
}

// at1 picks the entry in force at at from entries sorted by date.
func at1(es []Entry, at time.Time) Entry {
	i := len(es) - 1
	for i > 0 && es[i].EffectiveFrom.After(at) {
		i--
	}
	return es[i]
}

// LongContextThreshold is the input size above which long-context tiers apply (0 when no entry
// has one). Every entry's tier uses the same threshold; With refuses one that differs.
func (t *Table) LongContextThreshold() int64 { return t.threshold }

// Entries lists every entry by provider, model and date.
func (t *Table) Entries() []Entry {
	var out []Entry
	for _, es := range t.entries {
		out = append(out, es...)
	}
	slices.SortFunc(out, func(a, b Entry) int {
		return cmp.Or(strings.Compare(a.Provider, b.Provider), strings.Compare(a.Model, b.Model), a.EffectiveFrom.Compare(b.EffectiveFrom))
	})
	return out
}

var providerName = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)

// maxRate bounds every rate (1M $ per 1M tokens) so that a typo cannot price a turn at billions.
const maxRate = 1_000_000_000_000

// Normalized returns the entry as a table keeps it (names normalised, the date at UTC midnight),
// or says what is wrong with it in words fit for a CLI user.
func (e Entry) Normalized() (Entry, error) {
	e.Provider, e.Model = strings.ToLower(strings.TrimSpace(e.Provider)), Normalize(e.Model)
	if !providerName.MatchString(e.Provider) {
		return e, fmt.Errorf("price: provider %q must be a lower-case name such as anthropic, openai or google", e.Provider)
	}
	if e.Model == "" {
		return e, fmt.Errorf("price %s: model is empty", e.Provider)
	}
	e.Aliases = slices.Clone(e.Aliases)
	for i := range e.Aliases {
		e.Aliases[i] = Normalize(e.Aliases[i])
	}
	if e.EffectiveFrom.IsZero() {
		return e, fmt.Errorf("price %s/%s: effective_from is missing", e.Provider, e.Model)
	}
	e.EffectiveFrom = Day(e.EffectiveFrom)
	if err := e.Rates.check(); err != nil {
		return e, fmt.Errorf("price %s/%s: %w", e.Provider, e.Model, err)
	}
	if lc := e.LongContext; lc != nil {
		if lc.ThresholdTokens <= 0 {
			return e, fmt.Errorf("price %s/%s: long-context threshold_tokens must be positive", e.Provider, e.Model)
		}
		if err := lc.Rates.check(); err != nil {
			return e, fmt.Errorf("price %s/%s: long context: %w", e.Provider, e.Model, err)
		}
	}
	return e, nil
}

func (r Rates) check() error {
	for _, f := range []struct {
		name string
		v    *int64
	}{{"input", &r.Input}, {"cache_read", r.CacheRead}, {"cache_write_5m", r.CacheWrite5m}, {"cache_write_1h", r.CacheWrite1h}, {"output", &r.Output}} {
		if f.v != nil && (*f.v < 0 || *f.v > maxRate) {
			return fmt.Errorf("rate %s = %d µ$/Mtok is out of range [0, %d]", f.name, *f.v, int64(maxRate))
		}
	}
	return nil
}

// Day is the UTC midnight starting t's day: effective dates have day precision.
func Day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
