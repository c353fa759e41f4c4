package sse

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/recondo/recondo/gateway/providers/providertest"
)

// TestFixture12EdgeCases checks the SSE assertions of the edge-case fixture's expected.json.
func TestFixture12EdgeCases(t *testing.T) {
	dir := providertest.Dir(t, "12_")
	var want struct {
		SSE struct {
			DispatchedEvents               []string `json:"dispatched_events"`
			LastEventID                    string   `json:"last_event_id"`
			RetryMS                        int      `json:"retry_ms"`
			MessageStartDataLineCount      int      `json:"message_start_data_line_count"`
			MessageDeltaDataLineCount      int      `json:"message_delta_data_line_count"`
			FirstTextDeltaDataLeadingSpace bool     `json:"first_text_delta_data_has_leading_space"`
		} `json:"sse"`
	}
	if err := json.Unmarshal(providertest.ReadFile(t, dir, "expected.json"), &want); err != nil {
		t.Fatal(err)
	}
	var types []string
	lines := map[string]int{}
	firstDelta := ""
	p := NewParser(func(e Event) {
		types = append(types, e.Type)
		if _, seen := lines[e.Type]; !seen {
			lines[e.Type] = bytes.Count(e.Data, []byte("\n")) + 1
		}
		if e.Type == "content_block_delta" && firstDelta == "" {
			firstDelta = string(e.Data)
		}
		if !json.Valid(e.Data) {
			t.Errorf("%s: data is not JSON: %q", e.Type, e.Data)
		}
	})
	p.Write(providertest.ReadFile(t, dir, "response.raw"))
	p.Close()

	if !reflect.DeepEqual(types, want.SSE.DispatchedEvents) {
		t.Errorf("dispatched = %q, want %q", types, want.SSE.DispatchedEvents)
	}
	if p.LastEventID() != want.SSE.LastEventID {
		t.Errorf("LastEventID = %q, want %q", p.LastEventID(), want.SSE.LastEventID)
	}
	if p.Retry() != want.SSE.RetryMS {
		t.Errorf("Retry = %d, want %d", p.Retry(), want.SSE.RetryMS)
	}
	if lines["message_start"] != want.SSE.MessageStartDataLineCount || lines["message_delta"] != want.SSE.MessageDeltaDataLineCount {
		t.Errorf("data line counts = %d/%d, want %d/%d", lines["message_start"], lines["message_delta"],
			want.SSE.MessageStartDataLineCount, want.SSE.MessageDeltaDataLineCount)
	}
	if got := len(firstDelta) > 0 && firstDelta[0] == ' '; got != want.SSE.FirstTextDeltaDataLeadingSpace {
		t.Errorf("first text delta leading space = %v, want %v (%q)", got, want.SSE.FirstTextDeltaDataLeadingSpace, firstDelta)
	}
	if p.Comments() != 2 {
		t.Errorf("Comments = %d, want 2", p.Comments())
	}
	if !p.LastEventTerminated() {
		t.Error("LastEventTerminated = false for a stream ending in a blank line")
	}
}

// sseFixtures returns the response bodies of every SSE fixture.
func sseFixtures(t testing.TB) map[string][]byte {
	root := providertest.Root(t)
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(root, e.Name(), "response.raw"))
		if err != nil {
			continue
		}
		if bytes.HasPrefix(b, []byte("event:")) || bytes.HasPrefix(b, []byte("data:")) || bytes.HasPrefix(b, []byte(":")) {
			out[e.Name()] = b
		}
	}
	if len(out) == 0 {
		t.Fatal("no SSE fixtures found")
	}
	return out
}

func TestFixturesEveryChunkBoundary(t *testing.T) {
	for name, body := range sseFixtures(t) {
		t.Run(name, func(t *testing.T) { checkChunkings(t, body) })
	}
}

func TestFixturesAgreeWithParse(t *testing.T) {
	for name, body := range sseFixtures(t) {
		events := Parse(body)
		if len(events) == 0 {
			t.Errorf("%s: no events", name)
		}
		for _, e := range events {
			if !json.Valid(e.Data) && string(e.Data) != "[DONE]" {
				t.Errorf("%s: %s data is not JSON: %.80q", name, e.Type, e.Data)
			}
		}
	}
}
