package query

import (
	"time"

	"github.com/recondo/recondo/data"
)

// group is one row of an aggregate before it becomes a table row: the stats sums and, when a
// latency metric was asked for, the group's percentiles (nil when no turn in it was measured).
type group struct {
	key       string
	bucket    time.Time
	stats     data.StatsRow
	total     *data.LatencyRow
	firstByte *data.LatencyRow
}

// metric is one column an aggregate can compute. measure names the latency the metric needs
// ("" for the stats sums).
type metric struct {
	name    string
	measure string
	get     func(g group) any
}

func percentile(measure string, pick func(data.LatencyRow) int64) func(group) any {
	return func(g group) any {
		r := g.total
		if measure == data.MeasureFirstByte {
			r = g.firstByte
		}
		if r == nil {
			return nil
		}
		return ms(pick(*r))
	}
}

var (
	p50 = func(r data.LatencyRow) int64 { return r.P50 }
	p90 = func(r data.LatencyRow) int64 { return r.P90 }
	p99 = func(r data.LatencyRow) int64 { return r.P99 }
)

// metrics is the catalog, in documentation order.
var metrics = []metric{
	{"count", "", func(g group) any { return g.stats.Turns }},
	{"sessions", "", func(g group) any { return g.stats.Sessions }},
	{"tokens", "", func(g group) any { return g.stats.Usage.Total() }},
	{"input_tokens", "", func(g group) any { return g.stats.Usage.InputTokens }},
	{"output_tokens", "", func(g group) any { return g.stats.Usage.OutputTokens }},
	{"cache_read_tokens", "", func(g group) any { return g.stats.Usage.CacheReadTokens }},
	{"cache_write_tokens", "", func(g group) any {
		return g.stats.Usage.CacheWrite5mTokens + g.stats.Usage.CacheWrite1hTokens
	}},
	{"reasoning_tokens", "", func(g group) any { return g.stats.Usage.ReasoningTokens }},
	{"cost_usd", "", func(g group) any { return usd(g.stats.CostMicros) }},
	{"cost_micros", "", func(g group) any { return g.stats.CostMicros }},
	{"unpriced_turns", "", func(g group) any { return g.stats.UnpricedTurns }},
	{"error_turns", "", func(g group) any { return g.stats.ErrorTurns }},
	{"incomplete_turns", "", func(g group) any { return g.stats.IncompleteTurns }},
	{"latency_p50_ms", data.MeasureTotal, percentile(data.MeasureTotal, p50)},
	{"latency_p90_ms", data.MeasureTotal, percentile(data.MeasureTotal, p90)},
	{"latency_p99_ms", data.MeasureTotal, percentile(data.MeasureTotal, p99)},
	{"ttfb_p50_ms", data.MeasureFirstByte, percentile(data.MeasureFirstByte, p50)},
	{"ttfb_p90_ms", data.MeasureFirstByte, percentile(data.MeasureFirstByte, p90)},
	{"ttfb_p99_ms", data.MeasureFirstByte, percentile(data.MeasureFirstByte, p99)},
}

// defaultMetrics are computed when group_by is given without metrics.
var defaultMetrics = []string{"count", "tokens", "cost_usd"}

func metricByName(name string) (metric, bool) {
	for _, m := range metrics {
		if m.name == name {
			return m, true
		}
	}
	return metric{}, false
}

func metricNames() []string {
	out := make([]string, len(metrics))
	for i, m := range metrics {
		out[i] = m.name
	}
	return out
}

// Group-by values: one dimension of data.StatsQuery and/or one time bucket.
var (
	dimensions = []string{data.DimProvider, data.DimModel, data.DimDeveloper, data.DimTeam, data.DimRepo}
	buckets    = []string{data.BucketHour, data.BucketDay}
)
