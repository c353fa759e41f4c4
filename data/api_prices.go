package data

import (
	"context"
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/recondo/recondo/data/pricing"
)

// Read-time repricing. Captured rows never change: a turn whose model had no price at capture
// keeps cost_micros NULL. When a price is added later (model_prices, or the override file), the
// API derives such a turn's cost from its stored usage, model and start, and says so with
// CostSource = CostRepriced; session and stats sums add those costs and count the turns as
// priced. Nothing extra runs unless an answer holds an unpriced turn: a turn's own NULL, a
// session's or a stats row's UnpricedTurns counter.

// WithPrices returns an API that prices with base (the embedded list plus the configured override
// file, pricing.Load) under the model_prices rows; NewAPI uses the embedded list alone.
func (a *API) WithPrices(base *pricing.Table) *API {
	n := *a
	n.prices = base
	n.priceCache = &priceCache{} // the cached table was built on the old base
	return &n
}

// pricesTTL bounds how stale the cached price table may be: a price another process added is
// used by this one within it (this process's own changes drop the cache at once).
const pricesTTL = 10 * time.Second

// priceCache holds the merged price table, so a page of sessions does not re-read model_prices.
type priceCache struct {
	mu    sync.Mutex
	table *pricing.Table
	at    time.Time
}

func (c *priceCache) drop() {
	c.mu.Lock()
	c.table = nil
	c.mu.Unlock()
}

// Prices returns the price table in force: the base table with the model_prices rows added. The
// gateway prices at capture with it (Pricer) and the read side reprices with it.
func (a *API) Prices(ctx context.Context) (*pricing.Table, error) {
	c := a.priceCache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.table != nil && a.now().Sub(c.at) < pricesTTL {
		return c.table, nil
	}
	t, err := a.loadPrices(ctx)
	if err != nil {
		return nil, err
	}
	c.table, c.at = t, a.now()
	return t, nil
}

func (a *API) loadPrices(ctx context.Context) (*pricing.Table, error) {
	rows, err := a.store.ListPrices(ctx)
	if err != nil {
		return nil, err
	}
	entries := make([]pricing.Entry, len(rows))
	for i, r := range rows {
		entries[i] = r.Entry
		entries[i].Origin = OriginDatabase
	}
	t, err := a.prices.With(entries...)
	if err != nil {
		return nil, fmt.Errorf("model_prices: %w", err)
	}
	return t, nil
}

// OriginDatabase is the pricing.Entry Origin of model_prices rows.
const OriginDatabase = "database"

// ListPrices returns the prices added at run time.
func (a *API) ListPrices(ctx context.Context) ([]ModelPrice, error) { return a.store.ListPrices(ctx) }

// AddPrice validates and stores a price added at run time, filling its id, its creation time and,
// when zero, its effective date (today, UTC). It returns the price as stored.
func (a *API) AddPrice(ctx context.Context, p ModelPrice) (ModelPrice, error) {
	if p.EffectiveFrom.IsZero() {
		p.EffectiveFrom = a.now()
	}
	if p.LongContext != nil || len(p.Aliases) > 0 {
		return ModelPrice{}, Errorf(EINVALID, "long-context tiers and aliases belong in the price-list file (<data-dir>/pricing.json)")
	}
	e, err := p.Entry.Normalized()
	if err != nil {
		return ModelPrice{}, Errorf(EINVALID, "%v", err)
	}
	p.Entry, p.Origin = e, ""
	if p.ID == "" {
		p.ID = uuid.Must(uuid.NewV7()).String()
	}
	p.CreatedAt = a.now().UTC().Truncate(time.Microsecond)
	if err := a.store.AddPrice(ctx, p); err != nil {
		return ModelPrice{}, err
	}
	a.priceCache.drop()
	return p, nil
}

// DeletePrice removes a price added at run time.
func (a *API) DeletePrice(ctx context.Context, id string) error {
	if err := validID("price", id); err != nil {
		return err
	}
	err := a.store.DeletePrice(ctx, id)
	a.priceCache.drop()
	return err
}

// UnpricedModels lists the models of captured turns that no price in force covers: what `recondo
// pricing check` reports. Turns whose model got a price since they were captured are left out.
func (a *API) UnpricedModels(ctx context.Context) ([]UnpricedModel, error) {
	seen, err := a.store.UnpricedModels(ctx)
	if err != nil {
		return nil, err
	}
	table, err := a.Prices(ctx)
	if err != nil {
		return nil, err
	}
	out := []UnpricedModel{}
	for _, m := range seen {
		if _, ok := table.Lookup(m.Provider, m.Model, m.LastSeen); !ok {
			out = append(out, m)
		}
	}
	return out, nil
}

// repriceTurns prices the turns captured without a price that a price now covers.
func (a *API) repriceTurns(ctx context.Context, turns []Turn) error {
	var table *pricing.Table
	for i := range turns {
		t := &turns[i]
		if t.CostMicros != nil {
			continue
		}
		if table == nil {
			var err error
			if table, err = a.Prices(ctx); err != nil {
				return err
			}
		}
		if p, ok := table.Lookup(t.Provider, priceModel(*t), t.StartedAt); ok {
			c, _ := pricing.Cost(p, t.Usage.priced())
			t.CostMicros, t.CostSource = &c, CostRepriced
		}
	}
	return nil
}

// repriceSessions adds to each session the cost of its unpriced turns that a price now covers.
func (a *API) repriceSessions(ctx context.Context, sessions []Session) error {
	at := map[string]int{}
	var ids []string
	for i, s := range sessions {
		if s.UnpricedTurns > 0 {
			at[s.ID] = i
			ids = append(ids, s.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	table, err := a.Prices(ctx)
	if err != nil {
		return err
	}
	sums, err := a.store.UnpricedUsageOfSessions(ctx, ids, longContextTokens(table))
	if err != nil {
		return err
	}
	for _, u := range sums {
		if c, ok := costOf(table, u); ok {
			s := &sessions[at[u.SessionID]]
			s.CostMicros, s.UnpricedTurns = s.CostMicros+c, s.UnpricedTurns-u.Turns
		}
	}
	return nil
}

// repriceStats adds to each stats row the cost of its unpriced turns that a price now covers.
func (a *API) repriceStats(ctx context.Context, q StatsQuery, rows []StatsRow) error {
	type group struct {
		key    string
		bucket int64
	}
	at := map[group]int{}
	for i, r := range rows {
		if r.UnpricedTurns > 0 {
			at[group{r.Key, r.Bucket.UnixMicro()}] = i
		}
	}
	if len(at) == 0 {
		return nil
	}
	table, err := a.Prices(ctx)
	if err != nil {
		return err
	}
	sums, err := a.store.UnpricedUsageForStats(ctx, q, longContextTokens(table))
	if err != nil {
		return err
	}
	for _, u := range sums {
		i, ok := at[group{u.Key, u.Bucket.UnixMicro()}]
		if !ok {
			continue // a group with no unpriced turn in Stats' answer cannot have any here
		}
		if c, ok := costOf(table, u); ok {
			rows[i].CostMicros, rows[i].UnpricedTurns = rows[i].CostMicros+c, rows[i].UnpricedTurns-u.Turns
		}
	}
	return nil
}

// costOf prices unpriced usage at the price in force on its day, at the tier each turn had. For
// sessions the usage is one turn's, so session totals equal the sum of their turns exactly; for
// stats it is a group's sum, rounded once (within half a micro-dollar per turn of the turns' sum).
func costOf(table *pricing.Table, u UnpricedUsage) (int64, bool) {
	p, ok := table.Lookup(u.Provider, u.Model, u.Day)
	if !ok {
		return 0, false
	}
	c, _ := pricing.CostTier(p, u.Usage.priced(), u.LongContext)
	return c, true
}

// longContextTokens is the threshold the store splits unpriced usage by.
func longContextTokens(t *pricing.Table) int64 {
	if n := t.LongContextThreshold(); n > 0 {
		return n
	}
	return math.MaxInt64
}
