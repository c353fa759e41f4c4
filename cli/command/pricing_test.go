package command

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/sqlite"
)

// capturedUnpriced stores one turn of a model the price list does not know, as the gateway
// would (cost NULL). The CLI may not import the writer, so it goes in as SQL.
func capturedUnpriced(t *testing.T, dir string) {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(dir, "recondo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	at := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC).UnixMicro()
	for _, q := range []string{
		`INSERT INTO sessions (id, provider, model, started_at, last_activity_at, turn_count, input_tokens,
			cache_read_tokens, output_tokens, unpriced_turns) VALUES ('s1', 'anthropic', 'claude-opus-5-5-20261101', ?1, ?1, 1, 11, 1000001, 101, 1)`,
		`INSERT INTO turns (id, session_id, seq, started_at, host, method, path, status, transport, provider, model,
			request_sha256, request_size, response_sha256, response_size, input_tokens, cache_read_tokens, output_tokens, complete)
			VALUES ('t1', 's1', 1, ?1, 'api.anthropic.com', 'POST', '/v1/messages', 200, 'http-sse', 'anthropic',
			'claude-opus-5-5-20261101', 'aa', 1, 'bb', 1, 11, 1000001, 101, 1)`,
	} {
		if _, err := s.DB().Exec(q, at); err != nil {
			t.Fatal(err)
		}
	}
}

func TestPricingAddReachesCapturedTurns(t *testing.T) {
	dir := t.TempDir()
	capturedUnpriced(t, dir)
	code, out, stderr := run(t, "pricing", "check", "--data-dir", dir)
	if code != ExitFailed || !strings.Contains(out, "claude-opus-5-5-20261101") || !strings.Contains(out, "--model claude-opus-5-5 ") {
		t.Fatalf("check before: %d %q %q", code, out, stderr)
	}
	code, out, _ = run(t, "pricing", "check", "--data-dir", dir, "--json")
	var report struct{ Unpriced []data.UnpricedModel }
	if code != ExitFailed || json.Unmarshal([]byte(out), &report) != nil || len(report.Unpriced) != 1 || report.Unpriced[0].Turns != 1 {
		t.Fatalf("check --json before: %d %q", code, out)
	}

	code, out, stderr = run(t, "pricing", "add", "--data-dir", dir, "--provider", "anthropic", "--model", "claude-opus-5-5",
		"--input", "5", "--output", "25", "--cache-read", "0.5", "--effective-from", "2026-12-01", "--source", "test")
	if code != ExitOK || !strings.Contains(out, "1 captured turns") {
		t.Fatalf("add: %d %q %q", code, out, stderr)
	}
	id := strings.TrimSuffix(strings.Fields(out)[1], ":")
	if code, out, _ := run(t, "pricing", "check", "--data-dir", dir); code != ExitOK {
		t.Fatalf("check after add: %d %q", code, out)
	}

	// The turn was captured a month before the price's date; as the model's first price, it
	// applies: 11 × 5 + 1,000,001 × 0.5 + 101 × 25 µ$ = 502,580.5 µ$, rounded half up.
	s, err := sqlite.Open(context.Background(), filepath.Join(dir, "recondo.db"))
	if err != nil {
		t.Fatal(err)
	}
	api := data.NewAPI(s, nil)
	d, err := api.GetTurn(context.Background(), "t1", data.TurnOptions{})
	if err != nil || d.Turn.CostMicros == nil || *d.Turn.CostMicros != 502_581 || d.Turn.CostSource != data.CostRepriced {
		t.Fatalf("repriced turn: %v %q (%v)", d.Turn.CostMicros, d.Turn.CostSource, err)
	}
	sess, err := api.GetSession(context.Background(), "s1", data.ReadOptions{})
	if err != nil || sess.CostMicros != 502_581 || sess.UnpricedTurns != 0 {
		t.Fatalf("repriced session: %d/%d (%v)", sess.CostMicros, sess.UnpricedTurns, err)
	}
	s.Close()

	code, out, _ = run(t, "pricing", "list", "--data-dir", dir, "--provider", "anthropic", "--json")
	var listed []struct {
		ID, Model, Origin string
		Input             int64
		CacheRead         *int64 `json:"cache_read"`
	}
	if code != ExitOK || json.Unmarshal([]byte(out), &listed) != nil {
		t.Fatalf("list --json: %d %q", code, out)
	}
	found := false
	for _, l := range listed {
		if l.Model == "claude-opus-5-5" {
			found = l.ID == id && l.Origin == data.OriginDatabase && l.Input == 5_000_000 && *l.CacheRead == 500_000
		}
		if !strings.HasPrefix(l.Model, "claude-") {
			t.Errorf("--provider anthropic listed %s", l.Model)
		}
	}
	if !found {
		t.Errorf("list --json lacks the added price %s: %s", id, out)
	}
	if code, out, _ := run(t, "pricing", "list", "--data-dir", dir); code != ExitOK ||
		!strings.Contains(out, "claude-sonnet-4-5") || !strings.Contains(out, "in 6, out 22.5") || !strings.Contains(out, "database "+id) {
		t.Errorf("list: %d %q", code, out)
	}

	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"add", "--provider", "anthropic", "--model", "claude-opus-5-5", "--input", "5", "--output", "25", "--effective-from", "2026-12-01"}, ExitFailed},
		{[]string{"add", "--provider", "anthropic", "--model", "x", "--input", "0.0000001", "--output", "1"}, ExitUsage},
		{[]string{"add", "--provider", "anthropic", "--model", "x", "--input", "1"}, ExitUsage},
		{[]string{"add", "--provider", "Not A Provider", "--model", "x", "--input", "1", "--output", "1"}, ExitUsage},
		{[]string{"add", "--provider", "openai", "--model", "x", "--input", "1", "--output", "1", "--effective-from", "12/01/2026"}, ExitUsage},
		{[]string{"delete"}, ExitUsage},
		{[]string{"frobnicate"}, ExitUsage},
		{[]string{"list", "--pricing", filepath.Join(dir, "missing.json")}, ExitUsage},
		{[]string{"check", "--database-url", "postgres://nobody@127.0.0.1:1/none?connect_timeout=2"}, ExitUnavailable},
	} {
		if code, _, stderr := run(t, append(append([]string{"pricing"}, c.args...), "--data-dir", dir)...); code != c.code {
			t.Errorf("pricing %v: code %d, want %d (%s)", c.args, code, c.code, stderr)
		}
	}

	// Deleting the price makes the turn unpriced again; a price-list file prices it too.
	if code, _, stderr := run(t, "pricing", "delete", id, "--data-dir", dir); code != ExitOK {
		t.Fatalf("delete: %d %s", code, stderr)
	}
	if code, _, _ := run(t, "pricing", "delete", id, "--data-dir", dir); code != ExitNotFound {
		t.Fatalf("delete twice: %d", code)
	}
	if code, _, _ := run(t, "pricing", "check", "--data-dir", dir); code != ExitFailed {
		t.Fatalf("check after delete: %d", code)
	}
	file := `{"format": 1, "prices": [{"provider": "anthropic", "model": "claude-opus-5-5", "effective_from": "2026-11-01", "input": 5000000, "output": 25000000}]}`
	if err := os.WriteFile(filepath.Join(dir, "pricing.json"), []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := run(t, "pricing", "check", "--data-dir", dir); code != ExitOK {
		t.Fatalf("check with <data-dir>/pricing.json: %d %q", code, out)
	}
}
