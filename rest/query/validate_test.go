package query

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestValidateNamesTheOffendingField(t *testing.T) {
	for _, c := range []struct {
		name    string
		q       Query
		field   string
		message string
	}{
		{"missing resource", Query{}, "resource", "is required"},
		{"bad resource", Query{Resource: "users"}, "resource", "must be one of sessions, turns, tool_calls, anomalies"},
		{"injection as resource", Query{Resource: "turns; DROP TABLE turns"}, "resource", "must be one of"},
		{"limit too large", Query{Resource: Turns, Limit: 100000}, "limit", "must be between 1 and 500, got 100000"},
		{"negative limit", Query{Resource: Turns, Limit: -1}, "limit", "must be between 1 and 500"},
		{"bad time", Query{Resource: Turns, Filters: Filters{From: "yesterday"}}, "filters.from", "must be an RFC 3339 time"},
		{"bad date", Query{Resource: Turns, Filters: Filters{To: "2026-13-45"}}, "filters.to", "must be an RFC 3339 time"},
		{"time before 1970", Query{Resource: Turns, Filters: Filters{From: "1969-12-31"}}, "filters.from", "1970 or later"},
		{"empty range", Query{Resource: Turns, Filters: Filters{From: "2026-01-06", To: "2026-01-05"}}, "filters.to", "must be after filters.from"},
		{"bad group_by", Query{Resource: Turns, GroupBy: []string{"model", "weekday"}}, "group_by[1]", "must be one of provider, model, developer, team, repo, hour, day"},
		{"two dimensions", Query{Resource: Turns, GroupBy: []string{"model", "team"}}, "group_by[1]", "only one dimension"},
		{"two buckets", Query{Resource: Turns, GroupBy: []string{"hour", "day"}}, "group_by[1]", "only one time bucket"},
		{"three group_by", Query{Resource: Turns, GroupBy: []string{"model", "day", "team"}}, "group_by", "at most two"},
		{"duplicate group_by", Query{Resource: Turns, GroupBy: []string{"model", "model"}}, "group_by[1]", "already listed"},
		{"bad metric", Query{Resource: Turns, Metrics: []string{"count", "sum(cost)"}}, "metrics[1]", "must be one of count"},
		{"aggregate of sessions", Query{Resource: Sessions, Metrics: []string{"count"}}, "metrics", "aggregates are sums over turns"},
		{"fields with aggregate", Query{Resource: Turns, Metrics: []string{"count"}, Fields: []string{"id"}}, "fields", "is for lists"},
		{"text with aggregate", Query{Resource: Turns, Metrics: []string{"count"}, Filters: Filters{Text: "deploy"}}, "filters.text", "is not a filter of aggregates"},
		{"unknown field", Query{Resource: Turns, Fields: []string{"id", "password"}}, "fields[1]", `"password" is not a field of turns`},
		{"duplicate field", Query{Resource: Turns, Fields: []string{"id", "id"}}, "fields[1]", "already listed"},
		{"filter not of resource", Query{Resource: Anomalies, Filters: Filters{Provider: "openai"}}, "filters.provider", "is not a filter of resource anomalies"},
		{"tool on turns", Query{Resource: Turns, Filters: Filters{Tool: "Bash"}}, "filters.tool", "is not a filter of resource turns"},
		{"bad severity", Query{Resource: Anomalies, Filters: Filters{Severity: "fatal"}}, "filters.severity", "must be one of info, warning, critical"},
		{"list order", Query{Resource: Turns, Order: []string{"cost_usd"}}, "order[0]", `the only order of turns is "-started_at"`},
		{"aggregate order not a column", Query{Resource: Turns, GroupBy: []string{"team"}, Metrics: []string{"count"}, Order: []string{"-cost_usd"}}, "order[0]", "must be an output column"},
		{"NUL in filter", Query{Resource: Turns, Filters: Filters{Provider: "anthropic\x00"}}, "filters.provider", "control characters"},
		{"newline in filter", Query{Resource: ToolCalls, Filters: Filters{Tool: "a\nb"}}, "filters.tool", "control characters"},
		{"invalid UTF-8", Query{Resource: Turns, Filters: Filters{Team: "\xff"}}, "filters.team", "not valid UTF-8"},
		{"long filter", Query{Resource: Turns, Filters: Filters{Repo: strings.Repeat("r", 300)}}, "filters.repo", "longer than 256 bytes"},
		{"text without words", Query{Resource: Sessions, Filters: Filters{Text: "%_%"}}, "filters.text", "must contain a word"},
		{"bad list cursor", Query{Resource: Turns, Cursor: "'; DROP TABLE turns; --"}, "cursor", "is not valid"},
		{"bad aggregate cursor", Query{Resource: Turns, Metrics: []string{"count"}, Cursor: "MTIz"}, "cursor", "is not valid"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Validate(c.q)
			fe := firstError(t, err)
			if fe.Field != c.field || !strings.Contains(fe.Message, c.message) {
				t.Errorf("got {%q, %q}, want field %q and a message containing %q", fe.Field, fe.Message, c.field, c.message)
			}
		})
	}
}

func TestValidatePlans(t *testing.T) {
	p, err := Validate(Query{Resource: Turns, GroupBy: []string{"day", "model"}, Order: []string{"-count"},
		Filters: Filters{From: "2026-01-05", To: "2026-01-06T12:00:00+02:00"}})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Aggregate || p.Dim != "model" || p.Bucket != "day" || strings.Join(p.Metrics, ",") != "count,tokens,cost_usd" ||
		p.Limit != 50 || !p.To.Equal(time.Date(2026, 1, 6, 10, 0, 0, 0, time.UTC)) || p.Order[0] != (OrderKey{"count", true}) {
		t.Fatalf("plan %+v", p)
	}
	p, err = Validate(Query{Resource: ToolCalls, Filters: Filters{Text: "%", Tool: "Bash"}, Order: []string{"-created_at"}, Limit: 500})
	if err != nil || p.Aggregate || p.Limit != 500 || p.ToolCallQuery().Text != "%" || p.ToolCallQuery().Name != "Bash" {
		t.Fatalf("plan %+v, %v", p, err)
	}
}

func TestPlanFromParamsNamesParameters(t *testing.T) {
	for raw, want := range map[string]string{
		"modle=x":                 "modle",
		"provider=a&provider=b":   "provider",
		"limit=lots":              "limit",
		"limit=100000":            "limit",
		"from=not-a-time":         "from",
		"fields=id,secret":        "fields",
		"session_id=s-01":         "session_id", // not a filter of sessions
		"text=%25":                "text",
		"provider=%00":            "provider",
		"cursor=..%2F..%2Fetc":    "cursor",
		"format=csv&format=json":  "format",
		"%27%3B+DROP+TABLE+x=--1": "'; DROP TABLE x",
	} {
		v, err := url.ParseQuery(raw)
		if err != nil {
			t.Fatal(err)
		}
		_, err = PlanFromParams(Sessions, v, "format")
		if fe := firstError(t, err); fe.Field != want {
			t.Errorf("%s: field %q (%s), want %q", raw, fe.Field, fe.Message, want)
		}
	}
}
