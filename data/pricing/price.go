package pricing

import (
	"math"
	"math/bits"
	"time"
)

// Rates are prices in micro-dollars per 1M tokens. A nil cache rate was not published for the
// model; Resolve says what it bills at instead.
type Rates struct {
	Input        int64  `json:"input"`
	CacheRead    *int64 `json:"cache_read,omitempty"` // OpenAI and Google: cached input
	CacheWrite5m *int64 `json:"cache_write_5m,omitempty"`
	CacheWrite1h *int64 `json:"cache_write_1h,omitempty"`
	Output       int64  `json:"output"`
}

// LongContext is a tier that replaces the standard rates for the whole request when the request's
// input (uncached + cache read + cache writes; for Gemini that is promptTokenCount, as Gemini
// reports no cache writes) is above ThresholdTokens.
type LongContext struct {
	ThresholdTokens int64 `json:"threshold_tokens"`
	Rates
}

// Entry is one price as listed: a model's rates from a date on.
type Entry struct {
	Provider string `json:"provider"`
	// Model is the key names are matched against: lower case, without a date suffix.
	Model   string   `json:"model"`
	Aliases []string `json:"aliases,omitempty"`
	// EffectiveFrom is a UTC midnight: prices change per day.
	EffectiveFrom time.Time `json:"effective_from"`
	Rates
	LongContext *LongContext `json:"long_context,omitempty"`
	Source      string       `json:"source,omitempty"`
	Status      string       `json:"status,omitempty"`
	Note        string       `json:"note,omitempty"`
	// Origin says where the entry came from: "embedded", the override file's path, or
	// "database" (model_prices).
	Origin string `json:"origin,omitempty"`
}

// Price is the entry Lookup chose for one model name at one time.
type Price struct {
	Entry
	// Match says how the name matched the entry: "exact", "undated" or "alias".
	Match string `json:"match"`
}

// Tiers of a Breakdown.
const (
	TierStandard    = "standard"
	TierLongContext = "long_context"
)

// Usage is what a request billed. Input excludes cache reads and writes (each provider's usage is
// normalised that way before it gets here); Output includes reasoning.
type Usage struct {
	Input, CacheRead, CacheWrite5m, CacheWrite1h, Output int64
}

// TotalInput is the input the long-context threshold is compared with.
func (u Usage) TotalInput() int64 { return u.Input + u.CacheRead + u.CacheWrite5m + u.CacheWrite1h }

// Breakdown shows how a cost was made. The parts are exact, in picodollars (tokens × µ$/Mtok);
// the cost is their sum rounded half up to micro-dollars. A part too large for int64 saturates.
type Breakdown struct {
	Tier                                                 string `json:"tier"`
	Rates                                                Rates  `json:"rates"` // as applied: no nil rate
	Input, CacheRead, CacheWrite5m, CacheWrite1h, Output int64
}

// LongContextApplies reports whether u is billed at p's long-context rates.
func (p Price) LongContextApplies(u Usage) bool {
	return p.LongContext != nil && u.TotalInput() > p.LongContext.ThresholdTokens
}

// Cost prices u at p, choosing the tier from u.
func Cost(p Price, u Usage) (micros int64, b Breakdown) {
	return CostTier(p, u, p.LongContextApplies(u))
}

// CostTier prices u at p's standard or (when long and p has one) long-context rates. The read
// side uses it for sums of many requests, whose tier was decided per request.
func CostTier(p Price, u Usage, long bool) (micros int64, b Breakdown) {
	b.Tier, b.Rates = TierStandard, p.Rates
	if long && p.LongContext != nil {
		b.Tier, b.Rates = TierLongContext, p.LongContext.Rates
	}
	b.Rates = b.Rates.Resolve(p.Provider)
	var acc acc128
	b.Input = acc.add(u.Input, b.Rates.Input)
	b.CacheRead = acc.add(u.CacheRead, *b.Rates.CacheRead)
	b.CacheWrite5m = acc.add(u.CacheWrite5m, *b.Rates.CacheWrite5m)
	b.CacheWrite1h = acc.add(u.CacheWrite1h, *b.Rates.CacheWrite1h)
	b.Output = acc.add(u.Output, b.Rates.Output)
	return acc.micros(), b
}

// Resolve fills the cache rates a provider did not publish. Anthropic documents its cache prices
// as multiples of the input rate (read 0.1x, write 5m 1.25x, write 1h 2x), so those are used;
// for every other provider an unpublished cached rate bills at the input rate, which can
// overstate but never understate the cost.
func (r Rates) Resolve(provider string) Rates {
	fill := func(v *int64, num, den int64) *int64 {
		if v != nil {
			return v
		}
		x := r.Input
		if provider == "anthropic" {
			x = (r.Input*num + den/2) / den
		}
		return &x
	}
	r.CacheRead = fill(r.CacheRead, 1, 10)
	r.CacheWrite5m = fill(r.CacheWrite5m, 5, 4)
	r.CacheWrite1h = fill(r.CacheWrite1h, 2, 1)
	return r
}

// acc128 sums products exactly in 128 bits: a day of a busy model's tokens times a rate can pass
// int64's 9.2e18 picodollars.
type acc128 struct{ hi, lo uint64 }

// add adds tokens × rate (negative values count as 0) and returns the product, saturated to int64.
func (a *acc128) add(tokens, rate int64) int64 {
	if tokens <= 0 || rate <= 0 {
		return 0
	}
	hi, lo := bits.Mul64(uint64(tokens), uint64(rate))
	var carry uint64
	a.lo, carry = bits.Add64(a.lo, lo, 0)
	a.hi, _ = bits.Add64(a.hi, hi, carry)
	if hi != 0 || lo > math.MaxInt64 {
		return math.MaxInt64
	}
	return int64(lo)
}

// micros rounds the sum half up to micro-dollars, saturating at math.MaxInt64.
func (a acc128) micros() int64 {
	const half, unit = 500_000, 1_000_000
	lo, carry := bits.Add64(a.lo, half, 0)
	hi := a.hi + carry
	if hi >= unit {
		return math.MaxInt64
	}
	q, _ := bits.Div64(hi, lo, unit)
	if q > math.MaxInt64 {
		return math.MaxInt64
	}
	return int64(q)
}
