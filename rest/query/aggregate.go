package query

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/rest/table"
)

// aggregate runs data.API.Stats (and Latency for the percentile metrics) over the plan's turns,
// joins their rows by group, and sorts and pages them.
func (r Runner) aggregate(ctx context.Context, p Plan) (table.Table, error) {
	sq := p.StatsQuery()
	stats, err := r.API.Stats(ctx, sq)
	if err != nil {
		return table.Table{}, err
	}
	type id struct {
		key    string
		bucket int64
	}
	groups := make([]group, len(stats))
	at := make(map[id]int, len(stats))
	for i, s := range stats {
		groups[i] = group{key: s.Key, bucket: s.Bucket, stats: s}
		at[id{s.Key, s.Bucket.UnixMicro()}] = i
	}
	for _, measure := range measuresOf(p.Metrics) {
		rows, err := r.API.Latency(ctx, sq, measure)
		if err != nil {
			return table.Table{}, err
		}
		for _, l := range rows {
			i, ok := at[id{l.Key, l.Bucket.UnixMicro()}]
			if !ok {
				continue // Stats and Latency read the same turns: a group Stats lacks has no turns
			}
			l := l
			if measure == data.MeasureFirstByte {
				groups[i].firstByte = &l
			} else {
				groups[i].total = &l
			}
		}
	}
	t := table.Table{Resource: Turns, Columns: append(append([]string{}, p.GroupBy...), p.Metrics...)}
	for _, g := range groups {
		row := make([]any, 0, len(t.Columns))
		for _, c := range p.GroupBy {
			if slices.Contains(buckets, c) {
				row = append(row, g.bucket)
			} else {
				row = append(row, g.key)
			}
		}
		for _, name := range p.Metrics {
			m, _ := metricByName(name)
			row = append(row, m.get(g))
		}
		t.Rows = append(t.Rows, row)
	}
	sortRows(t.Rows, t.Columns, p.Order)
	t.Rows, t.NextCursor = page(t.Rows, p.offset, p.Limit)
	return t, nil
}

// measuresOf lists the latencies the metrics need, each once.
func measuresOf(names []string) []string {
	var out []string
	for _, n := range names {
		if m, _ := metricByName(n); m.measure != "" && !slices.Contains(out, m.measure) {
			out = append(out, m.measure)
		}
	}
	return out
}

// sortRows orders rows by the keys, then by every column left to right, so that the order (and
// so every page) is total and the same on every engine. Nulls sort last.
func sortRows(rows [][]any, columns []string, keys []OrderKey) {
	idx := map[string]int{}
	for i, c := range columns {
		idx[c] = i
	}
	slices.SortStableFunc(rows, func(a, b []any) int {
		for _, k := range keys {
			i := idx[k.Column]
			if c := compareValues(a[i], b[i]); c != 0 {
				if a[i] == nil || b[i] == nil {
					return c // nulls last either way
				}
				if k.Desc {
					return -c
				}
				return c
			}
		}
		for i := range a {
			if c := compareValues(a[i], b[i]); c != 0 {
				return c
			}
		}
		return 0
	})
}

// compareValues orders two cells of one column; nil is after everything.
func compareValues(a, b any) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	switch x := a.(type) {
	case string:
		return strings.Compare(x, b.(string))
	case int64:
		return cmp.Compare(x, b.(int64))
	case time.Time:
		return x.Compare(b.(time.Time))
	case json.Number:
		xf, _ := strconv.ParseFloat(string(x), 64)
		yf, _ := strconv.ParseFloat(string(b.(json.Number)), 64)
		return cmp.Compare(xf, yf)
	}
	return 0
}

// page cuts rows at offset and limit; the cursor is the next offset.
func page(rows [][]any, offset, limit int) ([][]any, string) {
	if offset >= len(rows) {
		return [][]any{}, ""
	}
	rows = rows[offset:]
	if len(rows) <= limit {
		return rows, ""
	}
	return rows[:limit], data.EncodeSeqCursor(int64(offset + limit))
}
