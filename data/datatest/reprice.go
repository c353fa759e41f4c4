package datatest

import (
	"context"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/pricing"
)

// checkRepricing proves the "a price added later reaches past turns" rule through data.API: the
// dataset's s-06 ran on claude-new-unpriced, so its two turns were captured with a NULL cost. A
// price from a price-list file, then one added to model_prices, must price them in GetTurn,
// ListTurns, GetSession, ListSessions and Stats without changing a stored row; the answers go to
// a golden file of their own that every engine must match.
func checkRepricing(ctx context.Context, t *testing.T, store data.Store) {
	api := data.NewAPI(store, nil)
	out := map[string]any{}
	must := func(name string, v any, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = v
	}
	snapshot := func(prefix string, api *data.API) (turns []data.Turn, s data.Session, rows []data.StatsRow) {
		t.Helper()
		turns, err := api.ListTurns(ctx, data.TurnFilter{SessionID: "s-06", Limit: 10}, data.ReadOptions{})
		must(prefix+"/turns", turns, err)
		d, err := api.GetTurn(ctx, "t-06-2", data.TurnOptions{})
		must(prefix+"/turn", d.Turn, err)
		if d.Turn.CostSource != turns[1].CostSource || !sameCost(d.Turn.CostMicros, turns[1].CostMicros) {
			t.Errorf("%s: GetTurn %v %q, ListTurns %v %q", prefix, d.Turn.CostMicros, d.Turn.CostSource, turns[1].CostMicros, turns[1].CostSource)
		}
		s, err = api.GetSession(ctx, "s-06", data.ReadOptions{})
		must(prefix+"/session", s, err)
		page, err := api.ListSessions(ctx, data.SessionFilter{Limit: 50}, data.ReadOptions{})
		must(prefix+"/sessions", page, err)
		batch, err := api.GetSessions(ctx, []string{"s-06", "s-01"}, data.ReadOptions{})
		sortByID(batch)
		must(prefix+"/sessions-batch", batch, err)
		for _, p := range append(page.Sessions, batch...) {
			if p.ID == "s-06" && (p.CostMicros != s.CostMicros || p.UnpricedTurns != s.UnpricedTurns) {
				t.Errorf("%s: s-06 listed as %d/%d, got as %d/%d", prefix, p.CostMicros, p.UnpricedTurns, s.CostMicros, s.UnpricedTurns)
			}
		}
		for _, b := range []string{data.BucketNone, data.BucketHour, data.BucketDay} {
			r, err := api.Stats(ctx, data.StatsQuery{From: Base.Add(-time.Hour), To: Base.Add(72 * time.Hour), GroupBy: data.DimModel, Bucket: b})
			must(prefix+"/stats/model/"+b, r, err)
			if b == data.BucketDay {
				rows = r
			}
		}
		r, err := api.Stats(ctx, data.StatsQuery{From: Base.Add(-time.Hour), To: Base.Add(72 * time.Hour), GroupBy: data.DimTeam, Developer: "bob"})
		must(prefix+"/stats/team-bob", r, err)
		return turns, s, rows
	}
	// The session's total is the sum of its turns' costs, exactly; a stats row sums its group's
	// usage and rounds once (statsCost).
	wantPriced := func(prefix string, turns []data.Turn, s data.Session, rows []data.StatsRow, perTurn []int64, statsCost int64) {
		t.Helper()
		var sum int64
		for i, tr := range turns {
			if tr.CostSource != data.CostRepriced || tr.CostMicros == nil || *tr.CostMicros != perTurn[i] {
				t.Errorf("%s: turn %s cost %v %q, want %d repriced", prefix, tr.ID, tr.CostMicros, tr.CostSource, perTurn[i])
			}
			sum += perTurn[i]
		}
		if s.CostMicros != sum || s.UnpricedTurns != 0 {
			t.Errorf("%s: session cost %d unpriced %d, want %d (the sum of its turns) and 0", prefix, s.CostMicros, s.UnpricedTurns, sum)
		}
		for _, r := range rows {
			if r.Key == "claude-new-unpriced" && (r.CostMicros != statsCost || r.UnpricedTurns != 0) {
				t.Errorf("%s: stats row cost %d unpriced %d, want %d and 0", prefix, r.CostMicros, r.UnpricedTurns, statsCost)
			}
			if r.UnpricedTurns != 0 {
				t.Errorf("%s: stats row %s %s still has %d unpriced turns", prefix, r.Key, r.Bucket, r.UnpricedTurns)
			}
		}
	}

	// Captured without a price: unpriced everywhere, and reported by UnpricedModels.
	turns, s, _ := snapshot("before", api)
	if turns[0].CostMicros != nil || turns[0].CostSource != "" || s.UnpricedTurns != 2 || s.CostMicros != 0 {
		t.Fatalf("before: turn %v %q, session %d/%d", turns[0].CostMicros, turns[0].CostSource, s.CostMicros, s.UnpricedTurns)
	}
	if d, err := api.GetTurn(ctx, "t-01-1", data.TurnOptions{}); err != nil || d.Turn.CostSource != data.CostCaptured {
		t.Errorf("a captured cost: source %q (%v)", d.Turn.CostSource, err)
	}
	models, err := api.UnpricedModels(ctx)
	must("before/unpriced-models", models, err)
	if len(models) != 1 || models[0].Model != "claude-new-unpriced" || models[0].Turns != 2 {
		t.Errorf("UnpricedModels = %+v", models)
	}

	// A price-list file with a long-context tier whose threshold (300 tokens) splits s-06's turns
	// (150 and 301 input tokens): each is priced at its own tier, alone and in the sums.
	file, err := pricing.New(pricing.Entry{Provider: "anthropic", Model: "claude-new-unpriced", EffectiveFrom: Base.AddDate(0, -1, 0),
		Rates:       pricing.Rates{Input: 2_000_000, Output: 10_000_000},
		LongContext: &pricing.LongContext{ThresholdTokens: 300, Rates: pricing.Rates{Input: 4_000_000, Output: 15_000_000}}})
	if err != nil {
		t.Fatal(err)
	}
	turns, s, rows := snapshot("file", api.WithPrices(file))
	wantPriced("file", turns, s, rows, []int64{725, 1693}, 2418)

	// A price added at run time reaches the turns captured before it; a later one does not
	// apply to them. Names are matched case-insensitively.
	rates := pricing.Rates{Input: 3_000_000, CacheRead: ptr(int64(300_000)), CacheWrite5m: ptr(int64(3_750_000)), CacheWrite1h: ptr(int64(6_000_000)), Output: 15_000_000}
	first, err := api.AddPrice(ctx, data.ModelPrice{Entry: pricing.Entry{Provider: "anthropic", Model: "Claude-New-Unpriced",
		EffectiveFrom: Base.AddDate(0, 0, -30), Rates: rates, Source: "conformance"}})
	if err != nil {
		t.Fatal(err)
	}
	later, err := api.AddPrice(ctx, data.ModelPrice{Entry: pricing.Entry{Provider: "anthropic", Model: "claude-new-unpriced",
		EffectiveFrom: Base.AddDate(0, 0, 30), Rates: pricing.Rates{Input: 100_000_000, Output: 100_000_000}}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = api.AddPrice(ctx, data.ModelPrice{Entry: pricing.Entry{Provider: "anthropic", Model: "claude-new-unpriced",
		EffectiveFrom: Base.AddDate(0, 0, -30).Add(5 * time.Hour), Rates: rates}})
	if data.ErrorCode(err) != data.ECONFLICT {
		t.Errorf("a second price for the same day: %v, want %s", err, data.ECONFLICT)
	}
	prices, err := api.ListPrices(ctx)
	if err != nil || len(prices) != 2 || prices[0].ID != first.ID || prices[0].Model != "claude-new-unpriced" ||
		!prices[0].EffectiveFrom.Equal(time.Date(2025, 12, 6, 0, 0, 0, 0, time.UTC)) || *prices[0].CacheRead != 300_000 || prices[1].CacheRead != nil {
		t.Fatalf("ListPrices = %+v, %v", prices, err)
	}
	// 1087.5 and 1423.5 µ$ round up per turn (the session: 2512); the stats group's sum, 2511 µ$,
	// is rounded once.
	turns, s, rows = snapshot("added", api)
	wantPriced("added", turns, s, rows, []int64{1088, 1424}, 2511)
	models, err = api.UnpricedModels(ctx)
	if err != nil || len(models) != 0 {
		t.Errorf("UnpricedModels after the price = %+v, %v", models, err)
	}
	if stored, err := store.GetTurn(ctx, "t-06-1"); err != nil || stored.CostMicros != nil || stored.CostSource != "" {
		t.Errorf("the stored turn changed: %v %q (%v)", stored.CostMicros, stored.CostSource, err)
	}
	if stored, err := store.GetSession(ctx, "s-06"); err != nil || stored.UnpricedTurns != 2 || stored.CostMicros != 0 {
		t.Errorf("the stored session changed: %d/%d (%v)", stored.CostMicros, stored.UnpricedTurns, err)
	}

	// Deleting the prices brings the turns back to unpriced.
	for _, id := range []string{first.ID, later.ID} {
		if err := api.DeletePrice(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if err := api.DeletePrice(ctx, first.ID); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("deleting twice: %v, want %s", err, data.ENOTFOUND)
	}
	turns, s, _ = snapshot("deleted", api)
	if turns[1].CostMicros != nil || s.UnpricedTurns != 2 {
		t.Errorf("after delete: turn %v, session unpriced %d", turns[1].CostMicros, s.UnpricedTurns)
	}
	checkGolden(t, "repriced.golden.json", out)
}

func sameCost(a, b *int64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
