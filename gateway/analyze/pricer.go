package analyze

import (
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/pricing"
)

// TablePricer prices turns with a pricing.Table (the embedded list plus the operator's file).
type TablePricer struct{ Table *pricing.Table }

func (p TablePricer) Cost(provider, model string, at time.Time, u data.Usage) (int64, bool) {
	price, ok := p.Table.Lookup(provider, model, at)
	if !ok {
		return 0, false
	}
	micros, _ := pricing.Cost(price, pricing.Usage{
		Input: u.InputTokens, CacheRead: u.CacheReadTokens, CacheWrite5m: u.CacheWrite5mTokens,
		CacheWrite1h: u.CacheWrite1hTokens, Output: u.OutputTokens,
	})
	return micros, true
}
