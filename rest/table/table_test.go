package table

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http/httptest"
	"testing"
	"time"
)

var sample = Table{
	Resource: "turns",
	Columns:  []string{"id", "started_at", "tokens", "cost_usd", "complete", "error"},
	Rows: [][]any{
		{"t-1", time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC), int64(140), json.Number("0.001017"), true, nil},
		{"t-2, \"quoted\"\nline", time.Date(2026, 1, 5, 9, 2, 0, 500, time.UTC), int64(0), nil, false, "=HYPERLINK(\"x\")"},
	},
	NextCursor: "abc",
}

func TestEncodingsCarryTheSameValues(t *testing.T) {
	j, err := EncodeJSON(sample)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Columns    []string         `json:"columns"`
		Rows       []map[string]any `json:"rows"`
		NextCursor string           `json:"next_cursor"`
	}
	if err := json.Unmarshal(j, &doc); err != nil {
		t.Fatalf("JSON does not parse: %v\n%s", err, j)
	}
	if doc.NextCursor != "abc" || len(doc.Rows) != 2 || doc.Rows[0]["cost_usd"] != 0.001017 || doc.Rows[1]["error"] != `=HYPERLINK("x")` {
		t.Fatalf("JSON = %s", j)
	}
	nd, err := EncodeNDJSON(sample)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(nd))
	n := 0
	for sc.Scan() {
		var row map[string]any
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatalf("NDJSON line %d: %v", n, err)
		}
		for k, v := range doc.Rows[n] {
			if row[k] != v {
				t.Errorf("NDJSON row %d %s = %v, JSON has %v", n, k, row[k], v)
			}
		}
		n++
	}
	if n != 2 {
		t.Fatalf("NDJSON has %d lines", n)
	}
	c, err := EncodeCSV(sample)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(c)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"id", "started_at", "tokens", "cost_usd", "complete", "error"},
		{"t-1", "2026-01-05T09:00:00Z", "140", "0.001017", "true", ""},
		{"t-2, \"quoted\"\nline", "2026-01-05T09:02:00.0000005Z", "0", "", "false", `'=HYPERLINK("x")`},
	}
	for i := range want {
		for k := range want[i] {
			if recs[i][k] != want[i][k] {
				t.Errorf("CSV record %d field %d = %q, want %q", i, k, recs[i][k], want[i][k])
			}
		}
	}
}

func TestCSVCellGuardsFormulas(t *testing.T) {
	for in, want := range map[any]string{"=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@SUM(A1)": "'@SUM(A1)", "\tx": "'\tx",
		"plain": "plain", "": "", int64(-5): "-5", json.Number("-0.5"): "-0.5"} {
		if got := CSVCell(in); got != want {
			t.Errorf("CSVCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNegotiate(t *testing.T) {
	for accept, want := range map[string]Format{
		"":                                     JSON,
		"*/*":                                  JSON,
		"text/csv":                             CSV,
		"application/x-ndjson":                 NDJSON,
		"text/csv;q=0.5, application/json":     JSON,
		"text/html, text/csv;q=0.9, */*;q=0.1": CSV,
		"text/csv; charset=utf-8":              CSV,
	} {
		if got, ok := Negotiate(accept); !ok || got != want {
			t.Errorf("Negotiate(%q) = %q, %v; want %q", accept, got, ok, want)
		}
	}
	for _, accept := range []string{"text/html", "image/png, text/plain", "text/csv;q=0"} {
		if got, ok := Negotiate(accept); ok {
			t.Errorf("Negotiate(%q) = %q, want not acceptable", accept, got)
		}
	}
}

func TestWriteSetsTypeAndCursorHeader(t *testing.T) {
	rr := httptest.NewRecorder()
	if err := Write(rr, CSV, sample); err != nil {
		t.Fatal(err)
	}
	if got := rr.Header().Get("Content-Type"); got != "text/csv; charset=utf-8" {
		t.Errorf("content type %q", got)
	}
	if got := rr.Header().Get(NextCursorHeader); got != "abc" {
		t.Errorf("cursor header %q", got)
	}
}
