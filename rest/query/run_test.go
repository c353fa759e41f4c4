package query_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/rest/internal/resttest"
	"github.com/recondo/recondo/rest/problem"
	"github.com/recondo/recondo/rest/query"
	"github.com/recondo/recondo/rest/table"
)

// run decodes, validates and runs one document.
func run(t *testing.T, api *data.API, doc string) (table.Table, error) {
	t.Helper()
	q, err := query.Decode(strings.NewReader(doc))
	if err != nil {
		return table.Table{}, err
	}
	p, err := query.Validate(q)
	if err != nil {
		return table.Table{}, err
	}
	return query.Runner{API: api}.Run(context.Background(), p)
}

func mustRun(t *testing.T, api *data.API, doc string) table.Table {
	t.Helper()
	tb, err := run(t, api, doc)
	if err != nil {
		t.Fatalf("%s: %v", doc, err)
	}
	return tb
}

func column(tb table.Table, name string) []any {
	i := -1
	for k, c := range tb.Columns {
		if c == name {
			i = k
		}
	}
	out := make([]any, len(tb.Rows))
	for k, r := range tb.Rows {
		out[k] = r[i]
	}
	return out
}

func TestListsPageThroughEveryRowOnce(t *testing.T) {
	f := resttest.New(t)
	for resource, total := range map[string]int{"sessions": 6, "turns": 19, "tool_calls": 22, "anomalies": 3} {
		seen := map[any]bool{}
		cursor := ""
		for pages := 0; ; pages++ {
			doc := fmt.Sprintf(`{"resource":%q,"fields":["id"],"limit":4,"cursor":%q}`, resource, cursor)
			tb := mustRun(t, f.API, doc)
			if !reflect.DeepEqual(tb.Columns, []string{"id"}) {
				t.Fatalf("%s columns %v", resource, tb.Columns)
			}
			for _, id := range column(tb, "id") {
				if seen[id] {
					t.Fatalf("%s: %v twice", resource, id)
				}
				seen[id] = true
			}
			if tb.NextCursor == "" {
				break
			}
			if pages > 10 {
				t.Fatalf("%s: paging does not end", resource)
			}
			cursor = tb.NextCursor
		}
		if len(seen) != total {
			t.Errorf("%s: %d rows, want %d", resource, len(seen), total)
		}
	}
}

func TestListFiltersAndMasking(t *testing.T) {
	f := resttest.New(t)
	tb := mustRun(t, f.API, `{"resource":"turns","filters":{"team":"payments","model":"claude-opus-4-5","from":"2026-01-06"},"fields":["id","cost_usd","latency_ms","ttfb_ms"]}`)
	if got := len(tb.Rows); got != 5 {
		t.Fatalf("turns of carol's opus session: %d", got)
	}
	if r := tb.Rows[0]; r[0] != "t-03-5" || r[1].(fmt.Stringer) == nil {
		t.Errorf("first row %v", r)
	}
	if got := fmt.Sprint(tb.Rows[4][1:]); got != "[0.003000 4000.000 350.000]" {
		t.Errorf("t-03-1 cost, latency, ttfb = %s", got)
	}
	calls := mustRun(t, f.API, `{"resource":"tool_calls","filters":{"tool":"Read","developer":"carol"},"fields":["name","arguments"]}`)
	if len(calls.Rows) != 5 {
		t.Fatalf("carol's Read calls: %d", len(calls.Rows))
	}
	for _, a := range column(calls, "arguments") {
		if strings.Contains(a.(string), "/home/carol") {
			t.Errorf("arguments not masked: %s", a)
		}
	}
	literal := mustRun(t, f.API, `{"resource":"tool_calls","filters":{"text":"file_path"}}`)
	wildcard := mustRun(t, f.API, `{"resource":"tool_calls","filters":{"text":"file%path"}}`)
	if len(literal.Rows) != 11 || len(wildcard.Rows) != 0 {
		t.Errorf("text is literal: file_path %d rows (want 11), file%%path %d rows (want 0)", len(literal.Rows), len(wildcard.Rows))
	}
	sessions := mustRun(t, f.API, `{"resource":"sessions","filters":{"text":"ledger migration"},"fields":["id"]}`)
	if got := fmt.Sprint(column(sessions, "id")); got != "[s-05 s-04 s-03]" {
		t.Errorf("sessions matching 'ledger migration': %s", got)
	}
	anomalies := mustRun(t, f.API, `{"resource":"anomalies","filters":{"severity":"critical"},"fields":["kind","session_id"]}`)
	if got := fmt.Sprint(anomalies.Rows); got != "[[secret_exposure s-03]]" {
		t.Errorf("critical anomalies: %s", got)
	}
}

func TestAggregatesMatchStatsAndLatency(t *testing.T) {
	f := resttest.New(t)
	ctx := context.Background()
	tb := mustRun(t, f.API, `{"resource":"turns","filters":{"from":"2026-01-05","to":"2026-01-08"},
		"group_by":["team","day"],"metrics":["count","sessions","tokens","cost_usd","unpriced_turns","latency_p50_ms","latency_p99_ms","ttfb_p90_ms"]}`)
	wantCols := []string{"team", "day", "count", "sessions", "tokens", "cost_usd", "unpriced_turns", "latency_p50_ms", "latency_p99_ms", "ttfb_p90_ms"}
	if !reflect.DeepEqual(tb.Columns, wantCols) {
		t.Fatalf("columns %v", tb.Columns)
	}
	stats, err := f.API.Stats(ctx, data.StatsQuery{From: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 1, 8, 0, 0, 0, 0, time.UTC), GroupBy: "team", Bucket: "day"})
	if err != nil {
		t.Fatal(err)
	}
	if len(stats) != len(tb.Rows) {
		t.Fatalf("%d rows, stats has %d", len(tb.Rows), len(stats))
	}
	byGroup := map[string]data.StatsRow{}
	for _, s := range stats {
		byGroup[s.Key+" "+s.Bucket.Format(time.DateOnly)] = s
	}
	for _, r := range tb.Rows {
		s, ok := byGroup[r[0].(string)+" "+r[1].(time.Time).Format(time.DateOnly)]
		if !ok || r[2] != s.Turns || r[3] != s.Sessions || r[4] != s.Usage.Total() || r[6] != s.UnpricedTurns {
			t.Errorf("row %v does not match stats %+v", r, s)
		}
	}
	// Rows sort by the group columns left to right. payments on 2026-01-06 is carol's session of
	// five turns lasting 4.000 to 4.004 s; every first byte came at 350 ms.
	if got := fmt.Sprint(tb.Rows[0]); !strings.HasPrefix(got, "[payments 2026-01-06 00:00:00 +0000 UTC 5 1 ") || !strings.HasSuffix(got, "4002.000 4004.000 350.000]") {
		t.Errorf("first row %s", got)
	}
}

func TestAggregateOrderAndPaging(t *testing.T) {
	f := resttest.New(t)
	all := mustRun(t, f.API, `{"resource":"turns","filters":{"from":"2026-01-01","to":"2026-02-01"},"group_by":["model"],"metrics":["cost_usd","count"],"order":["-cost_usd"]}`)
	if got := fmt.Sprint(column(all, "model")); got != "[gpt-5.1-codex claude-opus-4-5 gemini-2.5-pro claude-sonnet-4-5 claude-new-unpriced]" {
		t.Errorf("models by cost, descending: %s", got)
	}
	var paged []any
	cursor := ""
	for i := 0; i < 5; i++ {
		tb := mustRun(t, f.API, fmt.Sprintf(`{"resource":"turns","filters":{"from":"2026-01-01","to":"2026-02-01"},"group_by":["model"],"metrics":["cost_usd","count"],"order":["-cost_usd"],"limit":2,"cursor":%q}`, cursor))
		paged = append(paged, column(tb, "model")...)
		if cursor = tb.NextCursor; cursor == "" {
			break
		}
	}
	if fmt.Sprint(paged) != fmt.Sprint(column(all, "model")) {
		t.Errorf("pages %v, whole %v", paged, column(all, "model"))
	}
	totals := mustRun(t, f.API, `{"resource":"turns","filters":{"from":"2026-01-01","to":"2026-02-01"},"metrics":["count","tokens"]}`)
	stats, err := f.API.Stats(context.Background(), data.StatsQuery{From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil || len(stats) != 1 {
		t.Fatal(stats, err)
	}
	if got, want := fmt.Sprint(totals.Rows), fmt.Sprintf("[[19 %d]]", stats[0].Usage.Total()); got != want {
		t.Errorf("totals %s, want %s", got, want)
	}
}

// hostile values for every string a query can hold. Each must be refused or matched literally:
// a literal match finds nothing in the dataset, but for "_" inside tool arguments.
var hostile = []string{
	"'; DROP TABLE turns; --",
	`" OR 1=1 --`,
	"' OR '1'='1",
	"%",
	"_",
	"%' OR 1=1 --",
	"*",
	"ünïcødé ✓ 😀",
	"\u202etxt.exe",
	"a\x00b",
	"\x00",
	"turns\"); DELETE FROM sessions; --",
	"$ne",
	"../../etc/passwd",
	"deploy & !staging | (x:*)",
}

func TestHostileValuesInEveryStringField(t *testing.T) {
	f := resttest.New(t)
	ctx := context.Background()
	// Each template puts the value in one place; %s is the JSON-encoded value.
	templates := []string{
		`{"resource":%s}`,
		`{"resource":"turns","group_by":[%s]}`,
		`{"resource":"turns","metrics":[%s]}`,
		`{"resource":"turns","fields":[%s]}`,
		`{"resource":"turns","order":[%s]}`,
		`{"resource":"turns","metrics":["count"],"order":[%s]}`,
		`{"resource":"turns","cursor":%s}`,
		`{"resource":"turns","metrics":["count"],"cursor":%s}`,
		`{"resource":"turns","filters":{"from":%s}}`,
		`{"resource":"turns","filters":{"to":%s}}`,
		`{"resource":"anomalies","filters":{"kind":%s}}`,
		`{"resource":"anomalies","filters":{"severity":%s}}`,
		`{"resource":"tool_calls","filters":{"tool":%s}}`,
	}
	for _, filter := range []string{"provider", "model", "developer", "team", "repo", "text", "session_id"} {
		for _, res := range []string{"sessions", "turns", "tool_calls", "anomalies"} {
			templates = append(templates, fmt.Sprintf(`{"resource":%q,"filters":{%q:%%s}}`, res, filter))
		}
		templates = append(templates, fmt.Sprintf(`{"resource":"turns","metrics":["count","latency_p50_ms"],"filters":{%q:%%s}}`, filter))
	}
	refused, empty := 0, 0
	for _, tmpl := range templates {
		for _, v := range hostile {
			doc := fmt.Sprintf(tmpl, jsonString(v))
			tb, err := run(t, f.API, doc)
			var fe problem.FieldErrors
			switch {
			case errors.As(err, &fe) || data.ErrorCode(err) == data.EINVALID:
				refused++
			case err != nil:
				t.Errorf("%s: unexpected error %v", doc, err)
			case len(tb.Rows) == 0:
				empty++
			case matchesLiterally(tb, v):
				empty++ // tool_calls text is a substring: "_" is in "file_path", as a character
			default:
				t.Errorf("%s: %d rows, want none (literal match) or a refusal", doc, len(tb.Rows))
			}
		}
	}
	if refused == 0 || empty == 0 {
		t.Errorf("refused %d, empty %d: both outcomes should occur", refused, empty)
	}
	if got := f.Objects.Opened(); len(got) != 0 {
		t.Errorf("queries opened objects: %v", got)
	}
	var names []string
	rows, err := f.Store.DB().QueryContext(ctx, "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('sessions','turns','tool_calls','tool_results','turn_texts','anomaly_events','access_audit_log','api_keys') ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	if got := strings.Join(names, " "); got != "access_audit_log anomaly_events api_keys sessions tool_calls tool_results turn_texts turns" {
		t.Fatalf("tables after hostile queries: %s", got)
	}
	tb := mustRun(t, f.API, `{"resource":"turns","filters":{"from":"2026-01-01","to":"2026-02-01"},"metrics":["count","sessions"]}`)
	if fmt.Sprint(tb.Rows) != "[[19 6]]" {
		t.Fatalf("turns and sessions after hostile queries: %v", tb.Rows)
	}
}

// matchesLiterally reports whether every row of a tool_calls answer holds v in its name or
// arguments, character for character.
func matchesLiterally(tb table.Table, v string) bool {
	if tb.Resource != query.ToolCalls {
		return false
	}
	names, args := column(tb, "name"), column(tb, "arguments")
	for i := range tb.Rows {
		if !strings.Contains(names[i].(string), v) && !strings.Contains(args[i].(string), v) {
			return false
		}
	}
	return true
}

func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
