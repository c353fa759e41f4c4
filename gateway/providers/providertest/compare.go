package providertest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/recondo/recondo/gateway/providers"
)

// errorSources maps the prose the fixtures use for Error.Source to the tokens parsers emit
// (result.go names them "http_body", "sse_event", …); other values compare verbatim.
var errorSources = map[string]string{
	"sse error event": "sse_event",
	"http error body": "http_body",
}

// Compare checks got against every key of expected.json that Result carries. A JSON null
// expects the zero value. session_id_source is prose in the fixtures, so got must be a prefix of
// it (the fixtures append explanations after the machine-readable part). Keys Result does not
// carry (cost_usd, sse, notes…) are left to other tests.
func Compare(t testing.TB, got providers.Result, expectedPath string) {
	t.Helper()
	b, err := os.ReadFile(expectedPath)
	if err != nil {
		t.Fatalf("providertest: %v", err)
	}
	var want map[string]json.RawMessage
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatalf("providertest: %s: %v", expectedPath, err)
	}
	c := comparer{t: t}
	strs := map[string]string{
		"provider": got.Provider, "api": got.API, "transport": got.Transport,
		"client": got.Client, "client_version": got.ClientVersion,
		"request_model": got.RequestModel, "model": got.Model,
		"response_id": got.ResponseID, "request_id": got.RequestID, "trace_id": got.TraceID,
		"stop_reason": got.StopReason, "stop_reason_normalized": got.StopReasonNormalized,
		"text": got.Text, "thinking": got.Thinking, "reasoning_summary": got.ReasoningSummary,
		"session_id": got.SessionID,
	}
	for key, g := range strs {
		if raw, ok := want[key]; ok {
			c.str(key, raw, g)
		}
	}
	bools := map[string]bool{"streaming": got.Streaming, "complete": got.Complete, "usage_is_final": got.UsageIsFinal}
	for key, g := range bools {
		if raw, ok := want[key]; ok {
			c.boolean(key, raw, g)
		}
	}
	if raw, ok := want["session_id_source"]; ok {
		var w *string
		c.decode("session_id_source", raw, &w)
		switch {
		case w == nil && got.SessionIDSource != "":
			c.errorf("session_id_source = %q, want none", got.SessionIDSource)
		case w != nil && got.SessionID != "" && (got.SessionIDSource == "" || !strings.HasPrefix(*w, got.SessionIDSource)):
			c.errorf("session_id_source = %q, want a prefix of %q", got.SessionIDSource, *w)
		}
	}
	if raw, ok := want["error"]; ok {
		c.compareError(raw, got.Error)
	}
	if raw, ok := want["usage_native"]; ok {
		c.jsonEqual("usage_native", raw, got.UsageNative)
	}
	if raw, ok := want["usage"]; ok {
		c.compareUsage(raw, got.Usage)
	}
	if raw, ok := want["tool_calls"]; ok {
		c.compareToolCalls(raw, got.ToolCalls)
	}
	if raw, ok := want["text_blocks"]; ok {
		var w []string
		c.decode("text_blocks", raw, &w)
		if len(w) != len(got.TextBlocks) || (len(w) > 0 && !reflect.DeepEqual(w, got.TextBlocks)) {
			c.errorf("text_blocks = %q, want %q", got.TextBlocks, w)
		}
	}
	if raw, ok := want["counted_input_tokens"]; ok {
		var w *int64
		c.decode("counted_input_tokens", raw, &w)
		if (w == nil) != (got.CountedInputTokens == nil) || (w != nil && *w != *got.CountedInputTokens) {
			c.errorf("counted_input_tokens = %s, want %s", ptrString(got.CountedInputTokens), ptrString(w))
		}
	}
}

type comparer struct{ t testing.TB }

func (c comparer) errorf(format string, args ...any) {
	c.t.Helper()
	c.t.Errorf(format, args...)
}

func (c comparer) decode(key string, raw json.RawMessage, v any) {
	c.t.Helper()
	if err := json.Unmarshal(raw, v); err != nil {
		c.t.Fatalf("providertest: expected %s: %v", key, err)
	}
}

func (c comparer) str(key string, raw json.RawMessage, got string) {
	c.t.Helper()
	var w *string
	c.decode(key, raw, &w)
	want := ""
	if w != nil {
		want = *w
	}
	if got != want {
		c.errorf("%s = %q, want %q", key, got, want)
	}
}

func (c comparer) boolean(key string, raw json.RawMessage, got bool) {
	c.t.Helper()
	var w *bool
	c.decode(key, raw, &w)
	if w != nil && got != *w {
		c.errorf("%s = %v, want %v", key, got, *w)
	}
}

// jsonEqual compares JSON values semantically; an absent got equals a JSON null.
func (c comparer) jsonEqual(key string, raw json.RawMessage, got json.RawMessage) {
	c.t.Helper()
	var w, g any
	if len(raw) > 0 {
		c.decode(key, raw, &w)
	}
	if len(bytes.TrimSpace(got)) > 0 {
		if err := json.Unmarshal(got, &g); err != nil {
			c.errorf("%s: got invalid JSON %q: %v", key, got, err)
			return
		}
	}
	if !reflect.DeepEqual(w, g) {
		c.errorf("%s = %s, want %s", key, got, raw)
	}
}

func (c comparer) compareError(raw json.RawMessage, got *providers.Error) {
	c.t.Helper()
	var w *providers.Error
	c.decode("error", raw, &w)
	switch {
	case w == nil && got == nil:
	case w == nil:
		c.errorf("error = %+v, want none", *got)
	case got == nil:
		c.errorf("error = none, want %+v", *w)
	default:
		if s, ok := errorSources[w.Source]; ok {
			w.Source = s
		}
		if *got != *w {
			c.errorf("error = %+v, want %+v", *got, *w)
		}
	}
}

func (c comparer) compareUsage(raw json.RawMessage, got providers.Usage) {
	c.t.Helper()
	var w map[string]int64
	c.decode("usage", raw, &w)
	fields := map[string]int64{
		"input_tokens":                got.InputTokens,
		"output_tokens":               got.OutputTokens,
		"cache_read_input_tokens":     got.CacheReadTokens,
		"cache_creation_input_tokens": got.CacheCreationTotal,
		"cache_creation_5m":           got.CacheWrite5m,
		"cache_creation_1h":           got.CacheWrite1h,
		"reasoning_tokens":            got.ReasoningTokens,
		"total_input_tokens":          got.TotalInput(),
		"total_tokens":                got.TotalInput() + got.OutputTokens,
	}
	for key, want := range w {
		g, ok := fields[key]
		if !ok {
			c.errorf("usage.%s: unknown key in expected.json", key)
			continue
		}
		if g != want {
			c.errorf("usage.%s = %d, want %d", key, g, want)
		}
	}
}

// wantToolCall is a tool call as expected.json writes it; pointers tell null from absent.
type wantToolCall struct {
	Index            int             `json:"index"`
	ID               *string         `json:"id"`
	ItemID           *string         `json:"item_id"`
	Name             string          `json:"name"`
	Arguments        json.RawMessage `json:"arguments"`
	ArgumentsRaw     *string         `json:"arguments_raw"`
	ThoughtSignature *string         `json:"thought_signature"`
}

func (c comparer) compareToolCalls(raw json.RawMessage, got []providers.ToolCall) {
	c.t.Helper()
	var w []wantToolCall
	c.decode("tool_calls", raw, &w)
	if len(got) != len(w) {
		c.errorf("tool_calls: got %d, want %d: %+v", len(got), len(w), got)
		return
	}
	for i, wc := range w {
		g := got[i]
		p := fmt.Sprintf("tool_calls[%d]", i)
		if g.Index != wc.Index {
			c.errorf("%s.index = %d, want %d", p, g.Index, wc.Index)
		}
		if g.ID != deref(wc.ID) {
			c.errorf("%s.id = %q, want %q", p, g.ID, deref(wc.ID))
		}
		if wc.ItemID != nil && g.ItemID != *wc.ItemID {
			c.errorf("%s.item_id = %q, want %q", p, g.ItemID, *wc.ItemID)
		}
		if g.Name != wc.Name {
			c.errorf("%s.name = %q, want %q", p, g.Name, wc.Name)
		}
		c.jsonEqual(p+".arguments", wc.Arguments, g.Arguments)
		switch {
		case wc.ArgumentsRaw == nil && g.ArgumentsRaw != nil:
			c.errorf("%s.arguments_raw = %q, want null", p, *g.ArgumentsRaw)
		case wc.ArgumentsRaw != nil && (g.ArgumentsRaw == nil || *g.ArgumentsRaw != *wc.ArgumentsRaw):
			c.errorf("%s.arguments_raw = %s, want %q", p, ptrString(g.ArgumentsRaw), *wc.ArgumentsRaw)
		}
		if g.ThoughtSignature != deref(wc.ThoughtSignature) {
			c.errorf("%s.thought_signature = %q, want %q", p, g.ThoughtSignature, deref(wc.ThoughtSignature))
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func ptrString[T any](p *T) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprintf("%q", fmt.Sprint(*p))
}
