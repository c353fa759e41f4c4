package command

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/pricing"
)

func init() {
	register("pricing", command{summary: "list, add, delete and check model prices", usage: pricingUsage, run: runPricing})
}

const pricingUsage = `recondo pricing list|add|delete|check [flags]

The price list is the embedded one (data/pricing/prices.json), plus <data-dir>/pricing.json or
--pricing FILE, plus the prices added with 'add' (stored in the database). Prices are USD per
1M tokens. A turn captured before its model had a price shows its cost as soon as one is added:
the cost is derived from the turn's stored usage, which never changes.

  recondo pricing list [--provider P] [--json]
  recondo pricing add --provider P --model M --input USD --output USD [--cache-read USD]
        [--cache-write-5m USD] [--cache-write-1h USD] [--effective-from YYYY-MM-DD] [--source TEXT]
  recondo pricing delete ID
  recondo pricing check [--json]    exit 1 when captured turns use a model without a price

Examples:
  recondo pricing add --provider anthropic --model claude-opus-5-5 --input 5 --output 25 \
        --cache-read 0.5 --cache-write-5m 6.25 --cache-write-1h 10 --source "anthropic.com/pricing"
  recondo pricing check --database-url postgres://recondo@db/recondo

A model's first price applies to its turns from before its date too; a later price applies from
its date (UTC) on. 'add' defaults to today. A cache rate left out bills cached tokens at the
input rate (Anthropic: at its documented 0.1x / 1.25x / 2x of input).

`

func runPricing(e *env, args []string) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprint(e.stderr, pricingUsage)
		return ExitUsage
	}
	switch args[0] {
	case "list":
		return runPricingList(e, args[1:])
	case "add":
		return runPricingAdd(e, args[1:])
	case "delete":
		return runPricingDelete(e, args[1:])
	case "check":
		return runPricingCheck(e, args[1:])
	}
	return e.fail(ExitUsage, "unknown pricing command %q (list, add, delete, check)", args[0])
}

// openPricing parses the flags of one pricing command and opens the API. args are the
// positional arguments left, which may come before or after the flags.
func (e *env) openPricing(ctx context.Context, fs *flag.FlagSet, sf *storeFlags, args []string, positional int) (*data.API, []string, int) {
	var pos []string
	for {
		if fs.Parse(args) != nil {
			return nil, nil, ExitUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
	if len(pos) != positional {
		fmt.Fprint(e.stderr, pricingUsage)
		return nil, nil, ExitUsage
	}
	api, code, err := e.openAPI(ctx, sf)
	if err != nil {
		return nil, nil, e.fail(code, "%v", err)
	}
	return api, pos, ExitOK
}

// listed is a price as `pricing list` shows it: ID is set for the prices added with `add`.
type listed struct {
	ID string `json:"id,omitempty"`
	pricing.Entry
}

func runPricingList(e *env, args []string) int {
	ctx := context.Background()
	fs := e.flags("pricing list", pricingUsage)
	sf := e.storeFlags(fs)
	provider := fs.String("provider", "", "only this provider's prices")
	api, _, code := e.openPricing(ctx, fs, sf, args, 0)
	if api == nil {
		return code
	}
	defer api.Close()
	table, err := api.Prices(ctx)
	if err != nil {
		return e.fail(exitFor(err), "%v", err)
	}
	rows, err := api.ListPrices(ctx)
	if err != nil {
		return e.fail(exitFor(err), "%v", err)
	}
	out := []listed{}
	for _, en := range table.Entries() {
		if *provider != "" && en.Provider != strings.ToLower(*provider) {
			continue
		}
		l := listed{Entry: en}
		if en.Origin == data.OriginDatabase {
			if i := slices.IndexFunc(rows, func(r data.ModelPrice) bool {
				return r.Provider == en.Provider && r.Model == en.Model && r.EffectiveFrom.Equal(en.EffectiveFrom)
			}); i >= 0 {
				l.ID = rows[i].ID
			}
		}
		out = append(out, l)
	}
	if e.json {
		return e.printJSON(out)
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "PROVIDER\tMODEL\tFROM\tINPUT\tCACHE READ\tWRITE 5M\tWRITE 1H\tOUTPUT\tOVER %d INPUT TOKENS\tORIGIN\n", table.LongContextThreshold())
	for _, l := range out {
		long := "-"
		if lc := l.LongContext; lc != nil {
			long = fmt.Sprintf("in %s, out %s", usd(&lc.Input), usd(&lc.Output))
		}
		origin := l.Origin
		if l.ID != "" {
			origin += " " + l.ID
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", l.Provider, l.Model, l.EffectiveFrom.Format(time.DateOnly),
			usd(&l.Input), usd(l.CacheRead), usd(l.CacheWrite5m), usd(l.CacheWrite1h), usd(&l.Output), long, origin)
	}
	w.Flush()
	fmt.Fprintln(e.stdout, "USD per 1M tokens; '-' = not published (bills at the input rate; Anthropic: its documented multiples).")
	return ExitOK
}

func usd(micros *int64) string {
	if micros == nil {
		return "-"
	}
	return pricing.FormatUSD(*micros)
}

// usdFlag is a flag holding a dollar amount, parsed exactly; unset stays nil.
type usdFlag struct{ v *int64 }

func (f *usdFlag) String() string { return usd(f.v) }

func (f *usdFlag) Set(s string) error {
	m, err := pricing.ParseUSD(s)
	if err == nil {
		f.v = &m
	}
	return err
}

func runPricingAdd(e *env, args []string) int {
	ctx := context.Background()
	fs := e.flags("pricing add", pricingUsage)
	sf := e.storeFlags(fs)
	provider := fs.String("provider", "", "provider: anthropic, openai, google (required)")
	model := fs.String("model", "", "model name without a date suffix, e.g. claude-opus-5-5 (required)")
	var input, output, cacheRead, write5m, write1h usdFlag
	fs.Var(&input, "input", "USD per 1M uncached input tokens (required)")
	fs.Var(&output, "output", "USD per 1M output tokens, reasoning included (required)")
	fs.Var(&cacheRead, "cache-read", "USD per 1M cache-read (cached input) tokens")
	fs.Var(&write5m, "cache-write-5m", "USD per 1M tokens written to a 5-minute cache (Anthropic)")
	fs.Var(&write1h, "cache-write-1h", "USD per 1M tokens written to a 1-hour cache (Anthropic)")
	from := fs.String("effective-from", "", "first UTC day the price applies, YYYY-MM-DD (default today)")
	source := fs.String("source", "", "where the price comes from (a URL)")
	api, _, code := e.openPricing(ctx, fs, sf, args, 0)
	if api == nil {
		return code
	}
	defer api.Close()
	if *provider == "" || *model == "" || input.v == nil || output.v == nil {
		return e.fail(ExitUsage, "pricing add needs --provider, --model, --input and --output")
	}
	p := data.ModelPrice{Entry: pricing.Entry{Provider: *provider, Model: *model, Source: *source,
		Rates: pricing.Rates{Input: *input.v, Output: *output.v, CacheRead: cacheRead.v, CacheWrite5m: write5m.v, CacheWrite1h: write1h.v}}}
	if *from != "" {
		d, err := time.Parse(time.DateOnly, *from)
		if err != nil {
			return e.fail(ExitUsage, "--effective-from must be YYYY-MM-DD: %v", err)
		}
		p.EffectiveFrom = d
	}
	before, err := api.UnpricedModels(ctx)
	if err != nil {
		return e.fail(exitFor(err), "%v", err)
	}
	added, err := api.AddPrice(ctx, p)
	if err != nil {
		return e.fail(exitFor(err), "add: %v", err)
	}
	// Which captured turns the new price covers: a typo in --model shows up as none.
	only, err := pricing.New(added.Entry)
	if err != nil {
		return e.fail(ExitInternal, "%v", err)
	}
	var turns int64
	for _, m := range before {
		if _, ok := only.Lookup(m.Provider, m.Model, m.LastSeen); ok {
			turns += m.Turns
		}
	}
	if e.json {
		return e.printJSON(struct {
			data.ModelPrice
			RepricedTurns int64 `json:"repriced_turns"`
		}{added, turns})
	}
	fmt.Fprintf(e.stdout, "added %s: %s %s from %s, input %s, output %s USD per 1M tokens\n", added.ID, added.Provider, added.Model,
		added.EffectiveFrom.Format(time.DateOnly), usd(&added.Input), usd(&added.Output))
	if turns > 0 {
		fmt.Fprintf(e.stdout, "%d captured turns that had no price now show a cost\n", turns)
	} else if !slices.ContainsFunc(before, func(m data.UnpricedModel) bool { return m.Provider == added.Provider }) {
		fmt.Fprintf(e.stdout, "no unpriced captured turn uses this model (yet)\n")
	} else {
		fmt.Fprintf(e.stdout, "no unpriced captured turn uses this model: check the name with 'recondo pricing check'\n")
	}
	return ExitOK
}

func runPricingDelete(e *env, args []string) int {
	ctx := context.Background()
	fs := e.flags("pricing delete", pricingUsage)
	sf := e.storeFlags(fs)
	api, pos, code := e.openPricing(ctx, fs, sf, args, 1)
	if api == nil {
		return code
	}
	defer api.Close()
	if err := api.DeletePrice(ctx, pos[0]); err != nil {
		return e.fail(exitFor(err), "delete: %v", data.ErrorMessage(err))
	}
	if e.json {
		return e.printJSON(map[string]string{"deleted": pos[0]})
	}
	fmt.Fprintf(e.stdout, "deleted %s\n", pos[0])
	return ExitOK
}

func runPricingCheck(e *env, args []string) int {
	ctx := context.Background()
	fs := e.flags("pricing check", pricingUsage)
	sf := e.storeFlags(fs)
	api, _, code := e.openPricing(ctx, fs, sf, args, 0)
	if api == nil {
		return code
	}
	defer api.Close()
	models, err := api.UnpricedModels(ctx)
	if err != nil {
		return e.fail(exitFor(err), "%v", err)
	}
	code = ExitOK
	if len(models) > 0 {
		code = ExitFailed
	}
	if e.json {
		if c := e.printJSON(map[string]any{"unpriced": models}); c != ExitOK {
			return c
		}
		return code
	}
	if len(models) == 0 {
		fmt.Fprintln(e.stdout, "every model in the captured turns has a price")
		return code
	}
	fmt.Fprintf(e.stdout, "%d models in captured turns have no price; their turns' cost is unknown (never 0):\n", len(models))
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "  PROVIDER\tMODEL\tTURNS\tFIRST SEEN\tLAST SEEN")
	for _, m := range models {
		fmt.Fprintf(w, "  %s\t%s\t%d\t%s\t%s\n", m.Provider, m.Model, m.Turns, m.FirstSeen.Format(time.DateOnly), m.LastSeen.Format(time.DateOnly))
	}
	w.Flush()
	m := models[0]
	name, _ := pricing.Undated(m.Provider, pricing.Normalize(m.Model))
	fmt.Fprintf(e.stdout, "Add a price (it also prices the turns already captured):\n  recondo pricing add --provider %s --model %s --input USD --output USD --source URL\n", m.Provider, name)
	return code
}
