package openai

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/recondo/recondo/gateway/providers"
	"github.com/recondo/recondo/gateway/providers/providertest"
)

// TestFixtures holds the HTTP fixtures to every key of their expected.json.
func TestFixtures(t *testing.T) {
	for _, prefix := range []string{"06", "07", "08", "13"} {
		t.Run(prefix, func(t *testing.T) {
			dir := providertest.Dir(t, prefix)
			x := providertest.Load(t, dir)
			p := New()
			if !p.Match(x) {
				t.Fatalf("Match = false")
			}
			got := p.Parse(x)
			if got.Unparsed || got.Reason != "" {
				t.Errorf("Unparsed = %v, Reason = %q", got.Unparsed, got.Reason)
			}
			providertest.Compare(t, got, filepath.Join(dir, "expected.json"))
		})
	}
}

// TestFixtureWebSocket splits fixture 09's socket into turns as the gateway does and holds
// each turn's Result to expected.json: its top-level keys, overridden by responses[i].
func TestFixtureWebSocket(t *testing.T) {
	dir := providertest.Dir(t, "09")
	x := providertest.Load(t, dir)
	turns := splitTurns(t, x)
	var expected map[string]json.RawMessage
	if err := json.Unmarshal(providertest.ReadFile(t, dir, "expected.json"), &expected); err != nil {
		t.Fatal(err)
	}
	var responses []map[string]json.RawMessage
	if err := json.Unmarshal(expected["responses"], &responses); err != nil {
		t.Fatal(err)
	}
	if len(turns) != len(responses) {
		t.Fatalf("got %d turns, want %d", len(turns), len(responses))
	}
	p := New()
	for i, turn := range turns {
		if !p.Match(turn) {
			t.Fatalf("turn %d: Match = false", i)
		}
		got := p.Parse(turn)
		if got.Unparsed || got.Reason != "" {
			t.Errorf("turn %d: Unparsed = %v, Reason = %q", i, got.Unparsed, got.Reason)
		}
		merged := map[string]json.RawMessage{}
		for k, v := range expected {
			if k != "responses" {
				merged[k] = v
			}
		}
		for k, v := range responses[i] {
			merged[k] = v
		}
		b, err := json.Marshal(merged)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "expected.json")
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		t.Run("turn"+string(rune('0'+i)), func(t *testing.T) { providertest.Compare(t, got, path) })
	}
}

// splitTurns cuts a WebSocket exchange into turns the way the gateway does: a turn starts
// at each client data message and ends after a terminal server event (response.completed,
// .failed, .incomplete, or error); server messages outside a turn are dropped.
func splitTurns(t testing.TB, x *providers.Exchange) []*providers.Exchange {
	t.Helper()
	var turns []*providers.Exchange
	var cur *providers.Exchange
	for _, m := range x.Messages {
		if m.FromClient {
			c := *x
			c.Request, c.Messages = m.Data, []providers.WSMessage{m}
			cur = &c
			turns = append(turns, cur)
			continue
		}
		if cur == nil {
			continue
		}
		cur.Messages = append(cur.Messages, m)
		var ev struct {
			Type string `json:"type"`
		}
		if json.Unmarshal(m.Data, &ev) != nil {
			continue
		}
		switch ev.Type {
		case "response.completed", "response.failed", "response.incomplete", "error":
			cur = nil
		}
	}
	return turns
}
