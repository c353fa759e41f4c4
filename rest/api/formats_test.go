package api_test

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/recondo/recondo/rest/internal/resttest"
	"github.com/recondo/recondo/rest/table"
)

// jsonTable is the JSON form of a table, with values kept as their JSON text.
type jsonTable struct {
	Columns    []string                     `json:"columns"`
	Rows       []map[string]json.RawMessage `json:"rows"`
	NextCursor string                       `json:"next_cursor"`
}

// cell is how a JSON value reads in CSV: strings unquoted, null empty, numbers and booleans as
// written (the formula guard is tested in package table; no value here starts with = + - @).
func cell(t *testing.T, raw json.RawMessage) string {
	if string(raw) == "null" {
		return ""
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return table.CSVCell(s)
	}
	return string(raw)
}

func TestCSVAndNDJSONMatchTheJSONAnswer(t *testing.T) {
	f := resttest.New(t)
	srv := f.Serve(t, false)
	docs := []string{
		`{"resource":"turns","limit":7}`,
		`{"resource":"sessions"}`,
		`{"resource":"tool_calls","filters":{"developer":"alice"}}`,
		`{"resource":"anomalies"}`,
		`{"resource":"turns","filters":{"from":"2026-01-05","to":"2026-01-08"},"group_by":["model","day"],"metrics":["count","tokens","cost_usd","unpriced_turns","latency_p50_ms","ttfb_p99_ms"],"order":["-cost_usd"]}`,
	}
	for _, doc := range docs {
		res := resttest.Query(t, srv.URL, f.Reader, doc)
		if res.Status != 200 || res.Header.Get("Content-Type") != "application/json" {
			t.Fatalf("%s: %d %s", doc, res.Status, res.Body)
		}
		var want jsonTable
		if err := json.Unmarshal(res.Body, &want); err != nil {
			t.Fatal(err)
		}
		if len(want.Rows) == 0 {
			t.Fatalf("%s: no rows to compare", doc)
		}

		byAccept := resttest.Query(t, srv.URL, f.Reader, doc, "Accept", "text/csv")
		byParam := resttest.Do(t, "POST", srv.URL+"/v1/query?format=csv", f.Reader, "application/json", doc)
		for _, res := range []resttest.Response{byAccept, byParam} {
			if res.Status != 200 || res.Header.Get("Content-Type") != "text/csv; charset=utf-8" {
				t.Fatalf("%s as CSV: %d %s", doc, res.Status, res.Body)
			}
			recs, err := csv.NewReader(bytes.NewReader(res.Body)).ReadAll()
			if err != nil {
				t.Fatalf("%s: CSV does not parse: %v", doc, err)
			}
			if fmt.Sprint(recs[0]) != fmt.Sprint(want.Columns) || len(recs) != len(want.Rows)+1 {
				t.Fatalf("%s: CSV header %v and %d records; JSON has %v and %d rows", doc, recs[0], len(recs)-1, want.Columns, len(want.Rows))
			}
			for i, row := range want.Rows {
				for k, c := range want.Columns {
					if got, w := recs[i+1][k], cell(t, row[c]); got != w {
						t.Errorf("%s: CSV row %d %s = %q, JSON %q", doc, i, c, got, w)
					}
				}
			}
			if res.Header.Get(table.NextCursorHeader) != want.NextCursor {
				t.Errorf("%s: cursor header %q, JSON %q", doc, res.Header.Get(table.NextCursorHeader), want.NextCursor)
			}
		}

		nd := resttest.Query(t, srv.URL, f.Reader, doc, "Accept", "application/x-ndjson")
		if nd.Status != 200 || nd.Header.Get("Content-Type") != "application/x-ndjson" {
			t.Fatalf("%s as NDJSON: %d %s", doc, nd.Status, nd.Body)
		}
		sc := bufio.NewScanner(bytes.NewReader(nd.Body))
		sc.Buffer(nil, 1<<20)
		i := 0
		for ; sc.Scan(); i++ {
			var row map[string]json.RawMessage
			if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
				t.Fatalf("%s: NDJSON line %d: %v", doc, i, err)
			}
			for _, c := range want.Columns {
				if !bytes.Equal(row[c], want.Rows[i][c]) {
					t.Errorf("%s: NDJSON row %d %s = %s, JSON %s", doc, i, c, row[c], want.Rows[i][c])
				}
			}
		}
		if i != len(want.Rows) {
			t.Errorf("%s: %d NDJSON lines, %d JSON rows", doc, i, len(want.Rows))
		}
	}
}

func TestConvenienceReadsServeCSV(t *testing.T) {
	f := resttest.New(t)
	srv := f.Serve(t, false)
	for path, rows := range map[string]int{
		"/v1/sessions?format=csv&team=platform":                                       4,
		"/v1/stats?format=csv&from=2026-01-05&to=2026-01-08&group_by=model":           5,
		"/v1/sessions?fields=id,cost_usd&format=csv":                                  6,
		"/v1/stats?from=2026-01-05&to=2026-01-08&group_by=team&bucket=day&format=csv": 5,
	} {
		res := resttest.Do(t, "GET", srv.URL+path, f.Reader, "", "")
		recs, err := csv.NewReader(bytes.NewReader(res.Body)).ReadAll()
		if res.Status != 200 || err != nil || len(recs) != rows+1 {
			t.Errorf("%s: %d, %d records (%v): %s", path, res.Status, len(recs)-1, err, res.Body)
		}
	}
	if res := resttest.Do(t, "GET", srv.URL+"/v1/sessions", f.Reader, "", "", "Accept", "image/png"); res.Status != 406 {
		t.Errorf("Accept: image/png: %d", res.Status)
	}
	if res := resttest.Do(t, "GET", srv.URL+"/v1/sessions/s-01", f.Reader, "", "", "Accept", "text/csv"); res.Status != 406 {
		t.Errorf("a JSON-only read with Accept: text/csv: %d", res.Status)
	}
	if res := resttest.Do(t, "GET", srv.URL+"/v1/sessions?format=xlsx", f.Reader, "", ""); res.Status != 400 {
		t.Errorf("format=xlsx: %d", res.Status)
	}
}
