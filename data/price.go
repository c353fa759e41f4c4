package data

import (
	"time"

	"github.com/recondo/recondo/data/pricing"
)

// Cost sources of Turn.CostSource.
const (
	CostCaptured = "captured" // priced at capture: cost_micros as stored
	// CostRepriced: no price was known at capture (cost_micros is NULL); the cost was derived at
	// read time from the stored usage and a price added since. The stored row is unchanged.
	CostRepriced = "repriced"
)

// ModelPrice is a price added at run time (`recondo pricing add`, table model_prices). It is
// governance data, not captured data: it can be deleted, and it adds to the embedded price list
// and the override file (see data/pricing) rather than replacing them.
type ModelPrice struct {
	ID string `json:"id"`
	pricing.Entry
	CreatedAt time.Time `json:"created_at"`
}

// UnpricedModel is a model of turns captured without a price.
type UnpricedModel struct {
	Provider  string    `json:"provider"`
	Model     string    `json:"model"`
	Turns     int64     `json:"turns"`
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
}

// UnpricedUsage sums the usage of turns captured without a price that share a session (or a stats
// group and bucket), a provider and model, a UTC day and a long-context tier: what the read API
// needs to price them without reading them one by one.
type UnpricedUsage struct {
	SessionID   string
	Key         string    // the stats group key
	Bucket      time.Time // the stats bucket (zero when not bucketed)
	Provider    string
	Model       string // the response's model, else the requested one
	Day         time.Time
	LongContext bool // each turn's input was above the threshold asked for
	Turns       int64
	Usage       Usage // ReasoningTokens is not summed
}

// Pricer prices a turn at capture from a price table; the gateway's analyzer uses it. ok is false
// when the table has no price for the model: the turn's cost is then NULL, never 0.
type Pricer struct{ Table *pricing.Table }

// Cost prices u for a provider's model at a time.
func (p Pricer) Cost(provider, model string, at time.Time, u Usage) (micros int64, ok bool) {
	price, ok := p.Table.Lookup(provider, model, at)
	if !ok {
		return 0, false
	}
	micros, _ = pricing.Cost(price, u.priced())
	return micros, true
}

func (u Usage) priced() pricing.Usage {
	return pricing.Usage{Input: u.InputTokens, CacheRead: u.CacheReadTokens, CacheWrite5m: u.CacheWrite5mTokens,
		CacheWrite1h: u.CacheWrite1hTokens, Output: u.OutputTokens}
}

// priceModel is the model a turn is priced by: the one the response reports, else the one asked for.
func priceModel(t Turn) string {
	if t.Model != "" {
		return t.Model
	}
	return t.RequestModel
}
