package api_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/rest/internal/resttest"
)

func getJSON(t *testing.T, url, key string, v any) {
	t.Helper()
	res := resttest.Do(t, "GET", url, key, "", "")
	if res.Status != 200 || res.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("GET %s: %d %s", url, res.Status, res.Body)
	}
	if err := json.Unmarshal(res.Body, v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

func TestConvenienceReads(t *testing.T) {
	f := resttest.New(t)
	srv := f.Serve(t, false)
	var page data.SessionPage
	getJSON(t, srv.URL+"/v1/sessions?limit=2&team=platform", f.Reader, &page)
	if len(page.Sessions) != 2 || page.Sessions[0].ID != "s-06" || page.NextCursor == "" {
		t.Fatalf("page 1: %+v", page)
	}
	getJSON(t, srv.URL+"/v1/sessions?limit=2&team=platform&cursor="+page.NextCursor, f.Reader, &page)
	if len(page.Sessions) != 2 || page.Sessions[0].ID != "s-02" {
		t.Fatalf("page 2: %+v", page)
	}
	var s data.Session
	getJSON(t, srv.URL+"/v1/sessions/s-03", f.Reader, &s)
	if s.Developer != "carol" || s.TurnCount != 5 {
		t.Fatalf("session %+v", s)
	}
	var turns struct {
		Turns        []data.Turn `json:"turns"`
		NextAfterSeq int64       `json:"next_after_seq"`
	}
	getJSON(t, srv.URL+"/v1/sessions/s-03/turns?limit=2&after_seq=2", f.Reader, &turns)
	if len(turns.Turns) != 2 || turns.Turns[0].Seq != 3 || turns.NextAfterSeq != 4 {
		t.Fatalf("turns %+v", turns)
	}
	var detail data.TurnDetail
	getJSON(t, srv.URL+"/v1/turns/t-03-1", f.Reader, &detail)
	if detail.Turn.SessionID != "s-03" || len(detail.ToolCalls) != 2 || len(detail.Texts) != 2 {
		t.Fatalf("turn %+v", detail)
	}
	for _, text := range detail.Texts {
		if strings.Contains(text.Body, "/home/carol") {
			t.Errorf("text not masked: %s", text.Body)
		}
	}
	for which, want := range map[string]string{"request": "read ", "response": "I read "} {
		var b data.Body
		getJSON(t, srv.URL+"/v1/turns/"+resttest.BodyTurn+"/"+which, f.Reader, &b)
		if b.Truncated || !strings.Contains(b.Text, want) || strings.Contains(b.Text, "/home/alice") {
			t.Errorf("%s body %+v: want %q present and /home/alice masked", which, b, want)
		}
	}
	var stats struct {
		Rows []data.StatsRow `json:"rows"`
	}
	getJSON(t, srv.URL+"/v1/stats?from=2026-01-05&to=2026-01-08&group_by=provider", f.Reader, &stats)
	if len(stats.Rows) != 3 {
		t.Fatalf("stats by provider: %+v", stats.Rows)
	}
	for path, want := range map[string]int{
		"/v1/sessions/nope":           404,
		"/v1/turns/nope":              404,
		"/v1/turns/nope/request":      404,
		"/v1/sessions/nope/turns":     404,
		"/v1/stats?group_by=weekday":  400,
		"/v1/stats?from=yesterday":    400,
		"/v1/stats?provider=a%00b":    400,
		"/v1/sessions?limit=100000":   400,
		"/v1/sessions?text=%25":       400,
		"/v1/sessions/s-03/turns?x=1": 400,
		"/v1/nothing":                 404,
	} {
		res := resttest.Do(t, "GET", srv.URL+path, f.Reader, "", "")
		if res.Status != want {
			t.Errorf("GET %s: %d, want %d: %s", path, res.Status, want, res.Body)
		}
		assertProblem(t, path, res, want)
	}
}
