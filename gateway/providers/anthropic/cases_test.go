package anthropic

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/recondo/recondo/gateway/providers"
)

// want lists the Result fields a case checks; nil pointers and empty strings are not checked
// unless noted.
type want struct {
	transport        string
	complete         bool
	usageFinal       bool
	stop, normalized string
	text             string
	textBlocks       []string
	thinking         string
	toolCalls        []providers.ToolCall
	err              *providers.Error
	usage            providers.Usage
	unparsed         bool
}

func strPtr(s string) *string { return &s }

func TestParseCases(t *testing.T) {
	tests := []struct {
		name string
		x    *providers.Exchange
		want want
	}{
		{
			name: "non-stream refusal ends the turn",
			x:    exchange(200, simpleRequest, []byte(`{"id":"msg_2","type":"message","model":"m","content":[{"type":"text","text":"I can't help with that."}],"stop_reason":"refusal","usage":{"input_tokens":5,"output_tokens":7}}`)),
			want: want{transport: "http-json", complete: true, usageFinal: true, stop: "refusal", normalized: "end_turn",
				text: "I can't help with that.", textBlocks: []string{"I can't help with that."},
				usage: providers.Usage{InputTokens: 5, OutputTokens: 7}},
		},
		{
			name: "non-stream tool_use and thinking",
			x: exchange(200, simpleRequest, []byte(`{"id":"msg_3","type":"message","model":"m","content":[
				{"type":"thinking","thinking":"Need the file.","signature":"sig"},
				{"type":"text","text":"Reading."},
				{"type":"tool_use","id":"toolu_9","name":"Read","input":{ "file_path" : "/a.go" }}],
				"stop_reason":"tool_use","usage":{"input_tokens":1,"cache_creation_input_tokens":100,"cache_read_input_tokens":50,"output_tokens":30}}`)),
			want: want{transport: "http-json", complete: true, usageFinal: true, stop: "tool_use", normalized: "tool_use",
				text: "Reading.", textBlocks: []string{"Reading."}, thinking: "Need the file.",
				toolCalls: []providers.ToolCall{{Index: 2, ID: "toolu_9", Name: "Read", Arguments: json.RawMessage(`{"file_path":"/a.go"}`)}},
				usage:     providers.Usage{InputTokens: 1, OutputTokens: 30, CacheReadTokens: 50, CacheCreationTotal: 100, CacheWrite5m: 100}},
		},
		{
			name: "stream max_tokens",
			x: exchange(200, simpleRequest, sseBody(
				"message_start", msgStart,
				"content_block_start", `{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}`,
				"content_block_delta", `{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"long answ"}}`,
				"content_block_stop", `{"type":"content_block_stop","index":0}`,
				"message_delta", `{"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"output_tokens":100}}`,
				"message_stop", `{"type":"message_stop"}`)),
			want: want{transport: "http-sse", complete: true, usageFinal: true, stop: "max_tokens", normalized: "max_tokens",
				text: "long answ", textBlocks: []string{"long answ"}, usage: providers.Usage{InputTokens: 10, OutputTokens: 100}},
		},
		{
			name: "stream cut mid tool arguments",
			x: exchange(200, simpleRequest, sseBody(
				"message_start", msgStart,
				"content_block_start", `{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_1","name":"Bash","input":{}}}`,
				"content_block_delta", `{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":""}}`,
				"content_block_delta", `{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\"command\": \"go te"}}`)),
			want: want{transport: "http-sse", complete: false, usageFinal: false, normalized: "error",
				toolCalls: []providers.ToolCall{{Index: 0, ID: "toolu_1", Name: "Bash", ArgumentsRaw: strPtr(`{"command": "go te`)}},
				usage:     providers.Usage{InputTokens: 10, OutputTokens: 1}},
		},
		{
			name: "stream tool_use with no fragments keeps start input",
			x: exchange(200, simpleRequest, sseBody(
				"message_start", msgStart,
				"content_block_start", `{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_2","name":"TodoRead","input":{}}}`,
				"content_block_stop", `{"type":"content_block_stop","index":0}`,
				"message_delta", `{"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":5}}`,
				"message_stop", `{"type":"message_stop"}`)),
			want: want{transport: "http-sse", complete: true, usageFinal: true, stop: "tool_use", normalized: "tool_use",
				toolCalls: []providers.ToolCall{{Index: 0, ID: "toolu_2", Name: "TodoRead", Arguments: json.RawMessage(`{}`), ArgumentsRaw: strPtr("")}},
				usage:     providers.Usage{InputTokens: 10, OutputTokens: 5}},
		},
		{
			name: "stream without event names uses data type",
			x: exchange(200, simpleRequest, []byte("data: "+msgStart+"\n\n"+
				`data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"hi"}}`+"\n\n"+
				`data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}}`+"\n\n"+
				`data: {"type":"message_stop"}`+"\n\n")),
			want: want{transport: "http-sse", complete: true, usageFinal: true, stop: "end_turn", normalized: "end_turn",
				text: "hi", textBlocks: []string{"hi"}, usage: providers.Usage{InputTokens: 10, OutputTokens: 2}},
		},
		{
			name: "stream cut after message_start, no error event",
			x:    exchange(200, simpleRequest, sseBody("message_start", msgStart)),
			want: want{transport: "http-sse", normalized: "error", usage: providers.Usage{InputTokens: 10, OutputTokens: 1}},
		},
		{
			name: "empty stream body",
			x:    exchange(200, simpleRequest, nil),
			want: want{transport: "http-sse", normalized: "error"},
		},
		{
			name: "429 rate limit body",
			x:    exchange(429, simpleRequest, []byte(`{"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}`)),
			want: want{transport: "http-json", usageFinal: true, normalized: "error",
				err: &providers.Error{Type: "rate_limit_error", Message: "Number of request tokens has exceeded your per-minute rate limit", HTTPStatus: 429, Source: "http_body"}},
		},
		{
			name: "502 html body",
			x:    exchange(502, simpleRequest, []byte("<html><body>Bad Gateway</body></html>\n")),
			want: want{transport: "http-json", usageFinal: true, normalized: "error",
				err: &providers.Error{Type: "http_error", Message: "<html><body>Bad Gateway</body></html>", HTTPStatus: 502, Source: "http_body"}},
		},
		{
			name: "200 that is neither JSON nor SSE",
			x:    exchange(200, simpleRequest, []byte("hello")),
			want: want{transport: "http-sse", normalized: "error", unparsed: true},
		},
		{
			name: "200 JSON of unknown shape",
			x:    exchange(200, simpleRequest, []byte(`{"type":"something_else"}`)),
			want: want{transport: "http-json", unparsed: true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := New().Parse(tt.x)
			w := tt.want
			check := func(field string, g, wv any) {
				t.Helper()
				if !reflect.DeepEqual(g, wv) {
					t.Errorf("%s = %#v, want %#v", field, g, wv)
				}
			}
			check("Transport", got.Transport, w.transport)
			check("Complete", got.Complete, w.complete)
			check("UsageIsFinal", got.UsageIsFinal, w.usageFinal)
			check("StopReason", got.StopReason, w.stop)
			check("StopReasonNormalized", got.StopReasonNormalized, w.normalized)
			check("Text", got.Text, w.text)
			check("TextBlocks", got.TextBlocks, w.textBlocks)
			check("Thinking", got.Thinking, w.thinking)
			check("ToolCalls", got.ToolCalls, w.toolCalls)
			check("Error", got.Error, w.err)
			check("Usage", got.Usage, w.usage)
			check("Unparsed", got.Unparsed, w.unparsed)
		})
	}
}

func TestCountTokens(t *testing.T) {
	x := exchange(200, `{"model":"claude-haiku-4-5","messages":[{"role":"user","content":"hi"}]}`, []byte(`{"input_tokens":42}`))
	x.Path = "/v1/messages/count_tokens"
	got := New().Parse(x)
	if got.API != providers.APIAnthropicCountTokens || got.CountedInputTokens == nil || *got.CountedInputTokens != 42 ||
		got.Usage != (providers.Usage{}) || got.Model != "claude-haiku-4-5" || !got.Complete {
		t.Errorf("count_tokens result = %+v", got)
	}
	x.Status, x.Response = 400, []byte(`{"type":"error","error":{"type":"invalid_request_error","message":"bad"}}`)
	if got := New().Parse(x); got.Error == nil || got.Error.HTTPStatus != 400 || got.CountedInputTokens != nil {
		t.Errorf("count_tokens error = %+v", got)
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		host, path string
		ws         bool
		want       bool
	}{
		{"api.anthropic.com", "/v1/messages", false, true},
		{"api.anthropic.com", "/v1/messages?beta=true", false, true},
		{"API.Anthropic.com", "/v1/messages/count_tokens?beta=true", false, true},
		{"api.anthropic.com", "/v1/messages/batches", false, false},
		{"api.anthropic.com", "/v1/models", false, false},
		{"api.openai.com", "/v1/messages", false, false},
		{"api.anthropic.com", "/v1/messages", true, false},
	}
	for _, tt := range tests {
		x := &providers.Exchange{Host: tt.host, Path: tt.path, WebSocket: tt.ws}
		if got := New().Match(x); got != tt.want {
			t.Errorf("Match(%s%s ws=%v) = %v, want %v", tt.host, tt.path, tt.ws, got, tt.want)
		}
	}
	if New().Match(nil) {
		t.Error("Match(nil) = true")
	}
	if got := New().Parse(nil); !got.Unparsed {
		t.Error("Parse(nil) not Unparsed")
	}
}
