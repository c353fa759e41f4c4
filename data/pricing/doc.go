// Package pricing turns token usage into money. The price list is data: prices.json, embedded,
// converted from the provider fixtures' rate card with a source and status per entry; an override
// file (<data-dir>/pricing.json or --pricing FILE) and the model_prices table (`recondo pricing
// add`) add to it. All money is integer: rates are micro-dollars (µ$) per 1M tokens, costs are
// micro-dollars, and nothing goes through floating point.
//
// Cost = Σ tokens × rate / 1,000,000, summed exactly (in picodollars) and rounded half up once at
// the end, not per component: that reproduces every fixture's cost_usd.total to the micro-dollar.
//
// Lookup matches a model name exactly, then without a date suffix, then by a listed alias (see
// Normalize and Undated for exactly what is stripped), and is effective-dated: the entry with the
// latest effective_from on or before the turn's start applies; before a model's first entry that
// first entry applies (a model has no earlier price than its launch price), which is what lets a
// price added today reach turns captured before it existed.
//
// The package imports nothing from Recondo so that the gateway (at capture) and the read API (for
// turns captured before their model had a price) share one implementation.
package pricing
