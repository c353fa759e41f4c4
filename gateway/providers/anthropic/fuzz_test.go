package anthropic

import (
	"encoding/json"
	"testing"

	"github.com/recondo/recondo/gateway/providers/providertest"
	"github.com/recondo/recondo/gateway/sse"
)

// streamSeeds are the response bodies of the Anthropic fixtures.
func streamSeeds(f *testing.F) [][]byte {
	var out [][]byte
	for _, name := range []string{"01_", "02_", "03_", "04_", "05_", "12_", "15_", "16_"} {
		out = append(out, providertest.ReadFile(f, providertest.Dir(f, name), "response.raw"))
	}
	return out
}

// FuzzAnthropicStream mutates fixture bodies: Parse must not panic, must return a Result, and
// the Result must be self-consistent.
func FuzzAnthropicStream(f *testing.F) {
	request := providertest.ReadFile(f, providertest.Dir(f, "03_"), "request.json")
	for _, body := range streamSeeds(f) {
		f.Add(body, uint16(200))
	}
	f.Add([]byte(`{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`), uint16(529))
	f.Fuzz(func(t *testing.T, body []byte, status uint16) {
		x := exchange(int(status), string(request), body)
		r := New().Parse(x)
		if r.Provider != "anthropic" {
			t.Fatalf("Provider = %q", r.Provider)
		}
		if r.Complete && r.Error != nil {
			t.Errorf("complete with error %+v", r.Error)
		}
		for _, tc := range r.ToolCalls {
			if tc.Arguments != nil && !json.Valid(tc.Arguments) {
				t.Errorf("tool call %d arguments not JSON: %q", tc.Index, tc.Arguments)
			}
		}
		if r.UsageNative != nil && !json.Valid(r.UsageNative) {
			t.Errorf("usage_native not JSON: %q", r.UsageNative)
		}
		// The request side must survive mutation too.
		x.Request = body
		_ = New().Parse(x)
	})
}

// FuzzFastDelta holds the hand-written delta reader to encoding/json: whenever it accepts an
// input, encoding/json must accept it too and read the same index and payload.
func FuzzFastDelta(f *testing.F) {
	for _, body := range streamSeeds(f) {
		for _, e := range sse.Parse(body) {
			if e.Type == "content_block_delta" {
				f.Add(e.Data)
			}
		}
	}
	f.Add([]byte(`{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a\"b\\c\/d\n\t\u00e9"}}`))
	f.Add([]byte(`{"type":"content_block_delta","index":01,"delta":{"type":"text_delta","text":"x"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		index, kind, raw, escaped, ok := fastDelta(data)
		if !ok {
			return
		}
		var ev deltaEvent
		if err := json.Unmarshal(data, &ev); err != nil {
			t.Fatalf("fast path accepted what encoding/json rejects (%v): %q", err, data)
		}
		want := map[deltaKind]string{deltaText: ev.Delta.Text, deltaInputJSON: ev.Delta.PartialJSON, deltaThinking: ev.Delta.Thinking}[kind]
		got := string(appendUnescaped(nil, raw, escaped))
		if index != ev.Index || got != want {
			t.Fatalf("fast path read index %d %q, encoding/json %d %q", index, got, ev.Index, want)
		}
	})
}
