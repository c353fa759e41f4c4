package query

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/rest/problem"
)

var resources = []string{Sessions, Turns, ToolCalls, Anomalies}

var severities = []string{data.SeverityInfo, data.SeverityWarning, data.SeverityCritical}

// Validate checks a decoded query and returns its Plan, or problem.FieldErrors naming every
// offending field.
func Validate(q Query) (Plan, error) {
	v := &validator{}
	p := Plan{Resource: q.Resource, Filters: q.Filters, Cursor: q.Cursor}
	switch {
	case q.Resource == "":
		v.fail("resource", "is required: one of "+list(resources))
	case !slices.Contains(resources, q.Resource):
		v.fail("resource", fmt.Sprintf("must be one of %s, got %q", list(resources), clip(q.Resource)))
	}
	p.Aggregate = len(q.GroupBy) > 0 || len(q.Metrics) > 0
	if p.Aggregate && q.Resource != "" && q.Resource != Turns {
		v.fail(firstGiven(q), "aggregates are sums over turns: use \"resource\": \"turns\" (the metric sessions counts distinct sessions)")
	}
	v.filters(q, &p)
	if p.Aggregate {
		v.groupBy(q.GroupBy, &p)
		v.metrics(q.Metrics, &p)
		if len(q.Fields) > 0 {
			v.fail("fields", "is for lists; an aggregate's columns are its group_by then its metrics")
		}
	} else {
		v.fields(q, &p)
	}
	v.order(q, &p)
	v.limit(q.Limit, &p)
	v.cursor(q.Cursor, &p)
	if len(v.errs) > 0 {
		return Plan{}, v.errs
	}
	return p, nil
}

type validator struct{ errs problem.FieldErrors }

func (v *validator) fail(field, msg string) {
	v.errs = append(v.errs, problem.FieldError{Field: field, Message: msg})
}

func (v *validator) filters(q Query, p *Plan) {
	allowed := filtersOf[q.Resource]
	if p.Aggregate {
		allowed = aggregateFilters
	}
	values := q.Filters.values()
	for _, name := range filterNames {
		val, path := values[name], "filters."+name
		if val == "" {
			continue
		}
		if !v.text(path, val, name == "text") {
			continue
		}
		if allowed != nil && !slices.Contains(allowed, name) {
			what := "resource " + q.Resource
			if p.Aggregate {
				what = "aggregates (group_by/metrics)"
			}
			v.fail(path, fmt.Sprintf("is not a filter of %s (its filters: %s)", what, list(allowed)))
		}
	}
	var err error
	if q.Filters.From != "" {
		if p.From, err = parseTime(q.Filters.From); err != nil {
			v.fail("filters.from", err.Error())
		}
	}
	if q.Filters.To != "" {
		if p.To, err = parseTime(q.Filters.To); err != nil {
			v.fail("filters.to", err.Error())
		}
	}
	if !p.From.IsZero() && !p.To.IsZero() && !p.From.Before(p.To) {
		v.fail("filters.to", "must be after filters.from")
	}
	if f := q.Filters.Text; f != "" && q.Resource != ToolCalls && utf8.ValidString(f) {
		if _, err := data.SearchWords(f); err != nil {
			v.fail("filters.text", "must contain a word (letters or digits): text is matched as whole words, and "+data.ErrorMessage(err))
		}
	}
	if s := q.Filters.Severity; s != "" && !slices.Contains(severities, s) {
		v.fail("filters.severity", fmt.Sprintf("must be one of %s, got %q", list(severities), clip(s)))
	}
}

// text checks one string value (see checkValue).
func (v *validator) text(path, s string, long bool) bool {
	max := maxValueBytes
	if long {
		max = maxTextBytes
	}
	if msg := checkValue(s, max); msg != "" {
		v.fail(path, msg)
		return false
	}
	return true
}

// CheckValue returns what is wrong with a filter value given outside a query document (URL
// parameters), or "".
func CheckValue(s string) string { return checkValue(s, maxValueBytes) }

// checkValue refuses what no stored value can be and some engines cannot even take as a
// parameter (PostgreSQL refuses NUL and invalid UTF-8): too long, not UTF-8, control characters.
func checkValue(s string, max int) string {
	switch {
	case len(s) > max:
		return fmt.Sprintf("is longer than %d bytes", max)
	case !utf8.ValidString(s):
		return "is not valid UTF-8"
	case strings.IndexFunc(s, isControl) >= 0:
		return "must not contain control characters (NUL, newline, ...)"
	}
	return ""
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }

func (v *validator) groupBy(items []string, p *Plan) {
	if len(items) > 2 {
		v.fail("group_by", "takes at most two entries: one dimension and one time bucket")
	}
	seen := map[string]bool{}
	for i, g := range items {
		path := fmt.Sprintf("group_by[%d]", i)
		switch {
		case seen[g]:
			v.fail(path, fmt.Sprintf("%q is already listed", clip(g)))
		case slices.Contains(dimensions, g):
			if p.Dim != "" {
				v.fail(path, "only one dimension can be grouped by, and "+p.Dim+" already is")
			}
			p.Dim = g
		case slices.Contains(buckets, g):
			if p.Bucket != "" {
				v.fail(path, "only one time bucket can be grouped by, and "+p.Bucket+" already is")
			}
			p.Bucket = g
		default:
			v.fail(path, fmt.Sprintf("must be one of %s, %s, got %q", list(dimensions), list(buckets), clip(g)))
			continue
		}
		seen[g] = true
		p.GroupBy = append(p.GroupBy, g)
	}
}

func (v *validator) metrics(items []string, p *Plan) {
	if len(items) == 0 {
		p.Metrics = defaultMetrics
		return
	}
	seen := map[string]bool{}
	for i, m := range items {
		path := fmt.Sprintf("metrics[%d]", i)
		if _, ok := metricByName(m); !ok {
			v.fail(path, fmt.Sprintf("must be one of %s, got %q", list(metricNames()), clip(m)))
			continue
		}
		if seen[m] {
			v.fail(path, fmt.Sprintf("%q is already listed", m))
			continue
		}
		seen[m] = true
		p.Metrics = append(p.Metrics, m)
	}
}

func (v *validator) fields(q Query, p *Plan) {
	known := fieldsOf[q.Resource]
	seen := map[string]bool{}
	for i, f := range q.Fields {
		path := fmt.Sprintf("fields[%d]", i)
		switch {
		case known == nil: // the resource is already reported
		case !slices.Contains(known, f):
			v.fail(path, fmt.Sprintf("%q is not a field of %s (its fields: %s)", clip(f), q.Resource, list(known)))
		case seen[f]:
			v.fail(path, fmt.Sprintf("%q is already listed", f))
		default:
			seen[f] = true
			p.Fields = append(p.Fields, f)
		}
	}
}

func (v *validator) order(q Query, p *Plan) {
	if !p.Aggregate {
		newest := "-" + orderOf[q.Resource]
		for i, o := range q.Order {
			if o != newest && orderOf[q.Resource] != "" {
				v.fail(fmt.Sprintf("order[%d]", i), fmt.Sprintf("lists come newest first, so that cursors stay stable: the only order of %s is %q", q.Resource, newest))
			}
		}
		return
	}
	out := append(append([]string{}, p.GroupBy...), p.Metrics...)
	seen := map[string]bool{}
	for i, o := range q.Order {
		path := fmt.Sprintf("order[%d]", i)
		col, desc := strings.CutPrefix(o, "-")
		switch {
		case !slices.Contains(out, col):
			v.fail(path, fmt.Sprintf("must be an output column (%s), optionally prefixed with - for descending; got %q", list(out), clip(o)))
		case seen[col]:
			v.fail(path, fmt.Sprintf("%q is already listed", col))
		default:
			seen[col] = true
			p.Order = append(p.Order, OrderKey{Column: col, Desc: desc})
		}
	}
}

func (v *validator) limit(n int, p *Plan) {
	switch {
	case n == 0:
		p.Limit = data.DefaultLimit
	case n < 0 || n > data.MaxLimit:
		v.fail("limit", fmt.Sprintf("must be between 1 and %d, got %d: page with cursor for more", data.MaxLimit, n))
	default:
		p.Limit = n
	}
}

func (v *validator) cursor(c string, p *Plan) {
	if c == "" {
		return
	}
	bad := "is not valid: use next_cursor from the previous page of the same query"
	if len(c) > maxCursorLen {
		v.fail("cursor", bad)
		return
	}
	if p.Aggregate {
		n, err := data.DecodeSeqCursor(c)
		if err != nil || n > 1<<30 {
			v.fail("cursor", bad)
			return
		}
		p.offset = int(n)
		return
	}
	if _, _, err := data.DecodeCursor(c); err != nil {
		v.fail("cursor", bad)
	}
}

// parseTime reads an RFC 3339 time or a date (midnight UTC) between 1970 and 9999.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t, err = time.Parse(time.DateOnly, s)
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("must be an RFC 3339 time (2026-01-05T09:00:00Z) or a date (2026-01-05), got %q", clip(s))
	}
	if t.Year() < 1970 {
		return time.Time{}, fmt.Errorf("must be in 1970 or later, got %q", clip(s))
	}
	return t.UTC(), nil
}

func firstGiven(q Query) string {
	if len(q.GroupBy) > 0 {
		return "group_by"
	}
	return "metrics"
}

func list(s []string) string { return strings.Join(s, ", ") }

// clip bounds how much of a client's value an error message repeats.
func clip(s string) string {
	if len(s) <= 64 {
		return s
	}
	cut := 64
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
