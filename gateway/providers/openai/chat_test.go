package openai

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/recondo/recondo/gateway/providers"
	"github.com/recondo/recondo/gateway/providers/providertest"
)

// chunk builds a chat.completion.chunk with one choice.
func chunk(delta, finish string) string {
	if finish == "" {
		finish = "null"
	} else {
		finish = `"` + finish + `"`
	}
	return `{"id":"chatcmpl-1","object":"chat.completion.chunk","model":"gpt-4.1-2025-04-14","choices":[{"index":0,"delta":` + delta + `,"finish_reason":` + finish + `}],"usage":null}`
}

const usageChunk = `{"id":"chatcmpl-1","object":"chat.completion.chunk","model":"gpt-4.1-2025-04-14","choices":[],"usage":{"prompt_tokens":100,"completion_tokens":20,"total_tokens":120,"prompt_tokens_details":{"cached_tokens":64},"completion_tokens_details":{"reasoning_tokens":8}}}`

var chatUsage = providers.Usage{InputTokens: 36, OutputTokens: 20, CacheReadTokens: 64, ReasoningTokens: 8}

func TestChatStream(t *testing.T) {
	fixture := providertest.Load(t, providertest.Dir(t, "06")).Response
	// Cut fixture 06 just before its usage chunk: the calls are all there, [DONE] is not.
	cut := fixture[:bytes.Index(fixture, []byte(`"choices":[],"usage"`))]
	cut = cut[:bytes.LastIndex(cut, []byte("\n\n"))+2]
	readFile := `{"path":"config/default.yaml"}`
	grep := `{"pattern":"MaxAttempts|BaseDelay|MaxDelay","path":"internal/retry"}`
	fixtureCalls := []call{
		{Index: 0, ID: "call_uwuIo4bkAELibHXXFW1EyDUx", Name: "read_file", Arguments: readFile, Raw: readFile},
		{Index: 1, ID: "call_T7OUV9OfMUGp09co0mcgBBD2", Name: "grep", Arguments: grep, Raw: grep},
	}
	tests := []struct {
		name string
		body []byte
		want outcome
	}{
		{
			name: "cut before [DONE]",
			body: cut,
			want: outcome{StopReason: "tool_calls", Normalized: "tool_use", TextBlocks: []string{}, Calls: fixtureCalls},
		},
		{
			name: "parallel tool calls interleaved by index",
			body: sseData(
				chunk(`{"role":"assistant","tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"read","arguments":""}}]}`, ""),
				chunk(`{"tool_calls":[{"index":1,"id":"call_b","type":"function","function":{"name":"grep","arguments":"{\"q\""}}]}`, ""),
				chunk(`{"tool_calls":[{"index":0,"function":{"arguments":"{\"p\":"}}]}`, ""),
				chunk(`{"tool_calls":[{"index":1,"function":{"arguments":":\"x\\\\y\"}"}}]}`, ""),
				chunk(`{"tool_calls":[{"index":0,"function":{"arguments":"\"a.go\"}"}}]}`, ""),
				chunk(`{}`, "tool_calls"), usageChunk, "[DONE]"),
			want: outcome{
				Complete: true, UsageIsFinal: true, StopReason: "tool_calls", Normalized: "tool_use", TextBlocks: []string{},
				Calls: []call{
					{Index: 0, ID: "call_a", Name: "read", Arguments: `{"p":"a.go"}`, Raw: `{"p":"a.go"}`},
					{Index: 1, ID: "call_b", Name: "grep", Arguments: `{"q":"x\\y"}`, Raw: `{"q":"x\\y"}`},
				},
				Usage: chatUsage,
			},
		},
		{
			name: "content_filter finish",
			body: sseData(chunk(`{"role":"assistant","content":"Here is"}`, ""), chunk(`{"content":" part"}`, ""),
				chunk(`{}`, "content_filter"), usageChunk, "[DONE]"),
			want: outcome{Complete: true, UsageIsFinal: true, StopReason: "content_filter", Normalized: "end_turn",
				Text: "Here is part", TextBlocks: []string{"Here is part"}, Calls: []call{}, Usage: chatUsage},
		},
		{
			name: "length finish, escapes and surrogate pairs in text",
			body: sseData(chunk(`{"content":"caf\u00e9 \ud83d\ude00 \"q\"\n"}`, ""), chunk(`{}`, "length"), usageChunk, "[DONE]"),
			want: outcome{Complete: true, UsageIsFinal: true, StopReason: "length", Normalized: "max_tokens",
				Text: "café 😀 \"q\"\n", TextBlocks: []string{"café 😀 \"q\"\n"}, Calls: []call{}, Usage: chatUsage},
		},
		{
			name: "no include_usage: complete, but no final usage",
			body: sseData(chunk(`{"content":"ok"}`, "stop"), "[DONE]"),
			want: outcome{Complete: true, StopReason: "stop", Normalized: "end_turn", Text: "ok", TextBlocks: []string{"ok"}, Calls: []call{}},
		},
		{
			name: "error chunk mid-stream",
			body: sseData(chunk(`{"content":"par"}`, ""), `{"error":{"message":"The server had an error","type":"server_error","param":null,"code":null}}`),
			want: outcome{Normalized: "error", Text: "par", TextBlocks: []string{"par"}, Calls: []call{},
				Error: &providers.Error{Type: "server_error", Message: "The server had an error", HTTPStatus: 200, Source: srcSSEEvent}},
		},
		{
			name: "error event",
			body: []byte("event: error\ndata: {\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"slow down\"}}\n\n"),
			want: outcome{Normalized: "error", TextBlocks: []string{}, Calls: []call{},
				Error: &providers.Error{Type: "rate_limit_exceeded", Message: "slow down", HTTPStatus: 200, Source: srcSSEEvent}},
		},
		{
			name: "CRLF framing and keep-alive comments",
			body: []byte(": ping\r\n\r\ndata: " + chunk(`{"content":"hi"}`, "stop") + "\r\n\r\ndata:\r\n\r\ndata: [DONE]\r\n\r\n"),
			want: outcome{Complete: true, StopReason: "stop", Normalized: "end_turn", Text: "hi", TextBlocks: []string{"hi"}, Calls: []call{}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New().Parse(chatExchange(tt.body))
			if r.Unparsed || r.Transport != "http-sse" || !r.Streaming {
				t.Fatalf("Unparsed=%v (%s), Transport=%q, Streaming=%v", r.Unparsed, r.Reason, r.Transport, r.Streaming)
			}
			if got := outcomeOf(r); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestChatStreamCutMidEvent: a stream cut inside a chunk keeps what came before it and
// says a chunk was lost.
func TestChatStreamCutMidEvent(t *testing.T) {
	body := sseData(chunk(`{"content":"Hel"}`, ""), chunk(`{"content":"lo"}`, ""))
	body = body[:len(body)-20]
	r := New().Parse(chatExchange(body))
	if r.Complete || r.UsageIsFinal || r.Text != "Hel" || r.Reason == "" || r.Unparsed {
		t.Errorf("got Complete=%v UsageIsFinal=%v Text=%q Reason=%q Unparsed=%v", r.Complete, r.UsageIsFinal, r.Text, r.Reason, r.Unparsed)
	}
}

func TestChatJSON(t *testing.T) {
	tests := []struct {
		name string
		body string
		want outcome
	}{
		{
			name: "tool calls sent whole",
			body: `{
  "id": "chatcmpl-2", "object": "chat.completion", "model": "gpt-4.1",
  "choices": [{"index": 0, "message": {"role": "assistant", "content": null, "tool_calls": [
    {"id": "call_1", "type": "function", "function": {"name": "read", "arguments": "{\"path\": \"a.go\"}"}},
    {"id": "call_2", "type": "function", "function": {"name": "grep", "arguments": "not json"}}
  ]}, "finish_reason": "tool_calls"}],
  "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120,
    "prompt_tokens_details": {"cached_tokens": 64}, "completion_tokens_details": {"reasoning_tokens": 8}}
}`,
			want: outcome{Complete: true, UsageIsFinal: true, StopReason: "tool_calls", Normalized: "tool_use", TextBlocks: []string{},
				Calls: []call{
					{Index: 0, ID: "call_1", Name: "read", Arguments: `{"path":"a.go"}`, Raw: `{"path": "a.go"}`},
					{Index: 1, ID: "call_2", Name: "grep", Raw: "not json"},
				},
				Usage: chatUsage},
		},
		{
			name: "two choices",
			body: `{"id":"c","choices":[{"index":1,"message":{"content":"B"},"finish_reason":"stop"},{"index":0,"message":{"content":"A"},"finish_reason":"length"}]}`,
			want: outcome{Complete: true, StopReason: "length", Normalized: "max_tokens", Text: "AB", TextBlocks: []string{"A", "B"}, Calls: []call{}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New().Parse(exchange("/v1/chat/completions", 200, `{"model":"gpt-4.1"}`, []byte(tt.body)))
			if r.Unparsed || r.Transport != "http-json" || r.Streaming {
				t.Fatalf("Unparsed=%v (%s), Transport=%q, Streaming=%v", r.Unparsed, r.Reason, r.Transport, r.Streaming)
			}
			if got := outcomeOf(r); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestHTTPError(t *testing.T) {
	tests := []struct {
		name   string
		path   string
		status int
		body   string
		want   providers.Error
	}{
		{"openai error object", "/v1/chat/completions", 429,
			`{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}`,
			providers.Error{Type: "requests", Message: "Rate limit reached", HTTPStatus: 429, Source: srcHTTPBody}},
		{"code only", "/v1/responses", 400,
			`{"error":{"message":"bad input","type":null,"code":"invalid_value"}}`,
			providers.Error{Type: "invalid_value", Message: "bad input", HTTPStatus: 400, Source: srcHTTPBody}},
		{"chatgpt detail", "/v1/responses", 401, `{"detail":"Unauthorized"}`,
			providers.Error{Message: "Unauthorized", HTTPStatus: 401, Source: srcHTTPBody}},
		{"not json", "/v1/responses", 502, "<html>Bad Gateway</html>\n",
			providers.Error{Message: "<html>Bad Gateway</html>", HTTPStatus: 502, Source: srcHTTPBody}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New().Parse(exchange(tt.path, tt.status, `{"model":"m","stream":true}`, []byte(tt.body)))
			if r.Error == nil || *r.Error != tt.want {
				t.Fatalf("Error = %+v, want %+v", r.Error, tt.want)
			}
			if r.Complete || r.Streaming || !r.UsageIsFinal || r.StopReasonNormalized != "error" || r.Unparsed {
				t.Errorf("Complete=%v Streaming=%v UsageIsFinal=%v Normalized=%q Unparsed=%v",
					r.Complete, r.Streaming, r.UsageIsFinal, r.StopReasonNormalized, r.Unparsed)
			}
		})
	}
}

// TestBodyDecidesFraming: a JSON body is read as JSON whatever its Content-Type says, and
// a 200 body holding only an error is that error.
func TestBodyDecidesFraming(t *testing.T) {
	x := chatExchange([]byte(`{"error":{"message":"model overloaded","type":"server_error"}}`))
	r := New().Parse(x)
	want := providers.Error{Type: "server_error", Message: "model overloaded", HTTPStatus: 200, Source: srcHTTPBody}
	if r.Transport != "http-json" || r.Error == nil || *r.Error != want || r.Complete || !r.UsageIsFinal || r.Unparsed {
		t.Errorf("Transport=%q Error=%+v Complete=%v UsageIsFinal=%v Unparsed=%v", r.Transport, r.Error, r.Complete, r.UsageIsFinal, r.Unparsed)
	}
	x = responsesExchange([]byte(`{"error":{"message":"bad","code":"invalid_prompt"}}`))
	r = New().Parse(x)
	want = providers.Error{Type: "invalid_prompt", Message: "bad", HTTPStatus: 200, Source: srcHTTPBody}
	if r.Transport != "http-json" || r.Error == nil || *r.Error != want || r.Complete || r.Unparsed {
		t.Errorf("Transport=%q Error=%+v Complete=%v Unparsed=%v", r.Transport, r.Error, r.Complete, r.Unparsed)
	}
}
