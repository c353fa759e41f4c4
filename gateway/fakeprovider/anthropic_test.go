package fakeprovider

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

const anthropicURL = "https://api.anthropic.com/v1/messages?beta=true"

var claudeTools = []map[string]any{
	{"name": "Read", "description": "Reads a file", "input_schema": map[string]any{"type": "object", "properties": map[string]any{"file_path": map[string]any{"type": "string"}}, "required": []string{"file_path"}}},
	{"name": "Bash", "description": "Runs a command", "input_schema": map[string]any{"type": "object", "properties": map[string]any{
		"command": map[string]any{"type": "string"}, "description": map[string]any{"type": "string"}, "timeout": map[string]any{"type": "number"},
	}, "required": []string{"command"}}},
}

func claudeBody(stream bool, messages ...map[string]any) map[string]any {
	return map[string]any{
		"model": "claude-opus-5-5", "max_tokens": 128000, "stream": stream,
		"thinking": map[string]any{"type": "enabled", "budget_tokens": 4000},
		"system":   []map[string]any{{"type": "text", "text": "You are Claude Code, Anthropic's official CLI for Claude."}},
		"metadata": map[string]any{"user_id": `{"device_id":"ab","account_uuid":"","session_id":"2a1eb4fb-eb77-423c-bfad-62e117e100e8"}`},
		"tools":    claudeTools, "messages": messages,
	}
}

// anthropicStream is what a client assembles from a Messages stream.
type anthropicStream struct {
	names      []string
	text       string
	thinking   string
	toolID     string
	toolName   string
	toolFrags  []string
	stop       string
	startUsage map[string]any
	endUsage   map[string]any
	msgID      string
	model      string
}

func assembleAnthropic(t *testing.T, evs []sseEvent) anthropicStream {
	t.Helper()
	var a anthropicStream
	for _, e := range evs {
		d := decodeJSON(t, e.Data)
		if d["type"] != e.Event {
			t.Errorf("event %q carries type %v", e.Event, d["type"])
		}
		a.names = append(a.names, e.Event)
		switch e.Event {
		case "message_start":
			a.msgID, _ = path(d, "message", "id").(string)
			a.model, _ = path(d, "message", "model").(string)
			a.startUsage, _ = path(d, "message", "usage").(map[string]any)
		case "content_block_start":
			if path(d, "content_block", "type") == "tool_use" {
				a.toolID, _ = path(d, "content_block", "id").(string)
				a.toolName, _ = path(d, "content_block", "name").(string)
			}
		case "content_block_delta":
			switch path(d, "delta", "type") {
			case "text_delta":
				a.text += path(d, "delta", "text").(string)
			case "thinking_delta":
				a.thinking += path(d, "delta", "thinking").(string)
			case "input_json_delta":
				a.toolFrags = append(a.toolFrags, path(d, "delta", "partial_json").(string))
			}
		case "message_delta":
			a.stop, _ = path(d, "delta", "stop_reason").(string)
			a.endUsage, _ = d["usage"].(map[string]any)
		}
	}
	return a
}

func TestAnthropicToolCallThenText(t *testing.T) {
	srv, _ := startServer(t, Options{})
	user := map[string]any{"role": "user", "content": []map[string]any{{"type": "text", "text": "create note.txt please"}}}

	first := post(t, srv, anthropicURL, mustMarshal(t, claudeBody(true, user)), map[string]string{"anthropic-version": "2023-06-01"})
	if first.resp.StatusCode != http.StatusOK {
		t.Fatalf("status = %d", first.resp.StatusCode)
	}
	if ct := first.resp.Header.Get("Content-Type"); ct != "text/event-stream; charset=utf-8" {
		t.Errorf("content-type = %q", ct)
	}
	if id := first.resp.Header.Get("Request-Id"); !strings.HasPrefix(id, "req_011C") {
		t.Errorf("request-id = %q", id)
	}
	st := readSSE(first.resp.Body)
	if st.Err != nil || !st.LF {
		t.Fatalf("stream err = %v, LF-only = %v", st.Err, st.LF)
	}
	a := assembleAnthropic(t, st.Events)
	if a.names[0] != "message_start" || a.names[2] != "ping" || a.names[len(a.names)-2] != "message_delta" || a.names[len(a.names)-1] != "message_stop" {
		t.Errorf("event order = %v", a.names)
	}
	if !strings.HasPrefix(a.msgID, "msg_01") || a.model != "claude-opus-5-5" {
		t.Errorf("message id %q model %q", a.msgID, a.model)
	}
	if a.toolName != "Bash" || !strings.HasPrefix(a.toolID, "toolu_01") || a.stop != "tool_use" {
		t.Fatalf("tool %q id %q stop %q", a.toolName, a.toolID, a.stop)
	}
	if len(a.toolFrags) < 3 || a.toolFrags[0] != "" {
		t.Errorf("input_json_delta fragments = %q, want several starting with empty", a.toolFrags)
	}
	var input map[string]string
	if err := json.Unmarshal([]byte(strings.Join(a.toolFrags, "")), &input); err != nil {
		t.Fatalf("tool input: %v", err)
	}
	if input["command"] != DemoCommand || input["description"] == "" {
		t.Errorf("tool input = %v", input)
	}
	if a.thinking == "" {
		t.Error("thinking was requested but no thinking_delta came")
	}
	for _, k := range []string{"input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens", "output_tokens"} {
		if _, ok := a.startUsage[k]; !ok {
			t.Errorf("message_start usage lacks %s: %v", k, a.startUsage)
		}
		if _, ok := a.endUsage[k]; !ok {
			t.Errorf("message_delta usage lacks %s: %v", k, a.endUsage)
		}
	}
	if path(a.startUsage, "cache_creation", "ephemeral_1h_input_tokens") == nil {
		t.Errorf("message_start usage lacks cache_creation split: %v", a.startUsage)
	}

	assistant := map[string]any{"role": "assistant", "content": []map[string]any{
		{"type": "text", "text": a.text},
		{"type": "tool_use", "id": a.toolID, "name": "Bash", "input": input},
	}}
	result := map[string]any{"role": "user", "content": []map[string]any{
		{"type": "tool_result", "tool_use_id": a.toolID, "content": "hello\n"},
		{"type": "text", "text": "<system-reminder>keep going</system-reminder>"},
	}}
	second := post(t, srv, anthropicURL, mustMarshal(t, claudeBody(true, user, assistant, result)), nil)
	b := assembleAnthropic(t, readSSE(second.resp.Body).Events)
	if b.toolName != "" || b.stop != "end_turn" || !strings.Contains(b.text, "hello") {
		t.Errorf("second turn: tool %q stop %q text %q", b.toolName, b.stop, b.text)
	}
	ex := waitExchanges(t, srv, 2)
	if ex[0].Tool != "Bash" || ex[1].Tool != "" || !ex[1].Complete {
		t.Errorf("exchanges: %+v", ex)
	}
}

func TestAnthropicNonStreamAndCountTokens(t *testing.T) {
	srv, _ := startServer(t, Options{})
	user := map[string]any{"role": "user", "content": "hello " + strings.Repeat("x", 8000)}
	body := claudeBody(false, user)
	r := post(t, srv, "https://api.anthropic.com/v1/messages", mustMarshal(t, body), nil)
	var m struct {
		ID         string            `json:"id"`
		Type       string            `json:"type"`
		Model      string            `json:"model"`
		StopReason string            `json:"stop_reason"`
		Content    []json.RawMessage `json:"content"`
		Usage      map[string]any    `json:"usage"`
	}
	if err := json.NewDecoder(r.resp.Body).Decode(&m); err != nil {
		t.Fatal(err)
	}
	if m.Type != "message" || m.StopReason != "tool_use" || len(m.Content) != 3 || !strings.HasPrefix(m.ID, "msg_01") {
		t.Errorf("message = %+v", m)
	}
	if m.Usage["cache_creation_input_tokens"].(float64) == 0 {
		t.Errorf("a first turn over 1024 tokens should write cache: %v", m.Usage)
	}

	delete(body, "max_tokens")
	c := post(t, srv, "https://api.anthropic.com/v1/messages/count_tokens", mustMarshal(t, body), nil)
	var n map[string]int
	if err := json.NewDecoder(c.resp.Body).Decode(&n); err != nil || n["input_tokens"] < 1000 {
		t.Errorf("count_tokens = %v, %v", n, err)
	}
}

func TestAnthropicNoToolsAnswersText(t *testing.T) {
	srv, _ := startServer(t, Options{})
	body := map[string]any{"model": "claude-haiku-4-5", "max_tokens": 10, "stream": true,
		"messages": []map[string]any{{"role": "user", "content": "quota"}}}
	a := assembleAnthropic(t, readSSE(post(t, srv, anthropicURL, mustMarshal(t, body), nil).resp.Body).Events)
	if a.toolName != "" || a.stop != "end_turn" || a.text == "" {
		t.Errorf("tool %q stop %q text %q", a.toolName, a.stop, a.text)
	}
}
