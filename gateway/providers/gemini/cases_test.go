package gemini

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/recondo/recondo/gateway/providers"
)

type want struct {
	transport        string
	streaming        bool
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

const usage = `"usageMetadata":{"promptTokenCount":100,"candidatesTokenCount":20,"cachedContentTokenCount":40,"thoughtsTokenCount":5}`

var usageWant = providers.Usage{InputTokens: 60, CacheReadTokens: 40, OutputTokens: 25, ReasoningTokens: 5}

func TestParseCases(t *testing.T) {
	tests := []struct {
		name string
		x    *providers.Exchange
		want want
	}{
		{
			name: "text streamed over chunks is one block",
			x: publicExchange(200, "streamGenerateContent", simpleRequest, sseChunks(
				`{"candidates":[{"content":{"role":"model","parts":[{"text":"Hel"}]}}],"modelVersion":"gemini-2.5-pro","responseId":"r1"}`,
				`{"candidates":[{"content":{"role":"model","parts":[{"text":"lo"}]}}]}`,
				`{"candidates":[{"content":{"role":"model","parts":[{"text":""}]},"finishReason":"STOP"}],`+usage+`}`)),
			want: want{transport: "http-sse", streaming: true, complete: true, usageFinal: true, stop: "STOP", normalized: "end_turn",
				text: "Hello", textBlocks: []string{"Hello"}, usage: usageWant},
		},
		{
			name: "max tokens",
			x: publicExchange(200, "streamGenerateContent", simpleRequest, sseChunks(
				`{"candidates":[{"content":{"parts":[{"text":"abc"}]},"finishReason":"MAX_TOKENS"}],`+usage+`}`)),
			want: want{transport: "http-sse", streaming: true, complete: true, usageFinal: true, stop: "MAX_TOKENS", normalized: "max_tokens",
				text: "abc", textBlocks: []string{"abc"}, usage: usageWant},
		},
		{
			name: "stream cut before finishReason",
			x: publicExchange(200, "streamGenerateContent", simpleRequest, sseChunks(
				`{"candidates":[{"content":{"parts":[{"text":"thinking about","thought":true}]}}],`+usage+`}`)),
			want: want{transport: "http-sse", streaming: true, normalized: "error", thinking: "thinking about", usage: usageWant},
		},
		{
			name: "error chunk mid-stream",
			x: publicExchange(200, "streamGenerateContent", simpleRequest, sseChunks(
				`{"candidates":[{"content":{"parts":[{"text":"par"}]}}]}`,
				`{"error":{"code":503,"message":"The model is overloaded.","status":"UNAVAILABLE"}}`)),
			want: want{transport: "http-sse", streaming: true, normalized: "error", text: "par", textBlocks: []string{"par"},
				err: &providers.Error{Type: "UNAVAILABLE", Message: "The model is overloaded.", HTTPStatus: 200, Source: "sse_event"}},
		},
		{
			name: "non-stream function call without args, malformed call",
			x: publicExchange(200, "generateContent", simpleRequest, []byte(`{
			  "candidates": [{"content": {"role": "model", "parts": [
			     {"text": "Listing."},
			     {"functionCall": {"name": "list_directory"}},
			     {"functionCall": {"name": "glob", "args": {"pattern": "*.go"}}, "thoughtSignature": "sig"}]},
			    "finishReason": "STOP"}],
			  `+usage+`, "modelVersion": "gemini-2.5-pro"}`)),
			want: want{transport: "http-json", complete: true, usageFinal: true, stop: "STOP", normalized: "tool_use",
				text: "Listing.", textBlocks: []string{"Listing."}, usage: usageWant,
				toolCalls: []providers.ToolCall{
					{Index: 0, Name: "list_directory", Arguments: json.RawMessage(`{}`)},
					{Index: 1, Name: "glob", Arguments: json.RawMessage(`{"pattern":"*.go"}`), ThoughtSignature: "sig"},
				}},
		},
		{
			name: "malformed function call is an error stop",
			x:    publicExchange(200, "generateContent", simpleRequest, []byte(`{"candidates":[{"content":{"parts":[]},"finishReason":"MALFORMED_FUNCTION_CALL"}]}`)),
			want: want{transport: "http-json", complete: true, usageFinal: true, stop: "MALFORMED_FUNCTION_CALL", normalized: "error"},
		},
		{
			name: "blocked prompt",
			x:    publicExchange(200, "generateContent", simpleRequest, []byte(`{"promptFeedback":{"blockReason":"SAFETY"},`+usage+`}`)),
			want: want{transport: "http-json", complete: true, usageFinal: true, stop: "SAFETY", normalized: "end_turn", usage: usageWant},
		},
		{
			name: "json array stream",
			x: publicExchange(200, "streamGenerateContent", simpleRequest, []byte(`[{"candidates":[{"content":{"parts":[{"text":"a"}]}}]}
,{"candidates":[{"content":{"parts":[{"text":"b"}]},"finishReason":"STOP"}],`+usage+`}]`)),
			want: want{transport: "http-json", streaming: true, complete: true, usageFinal: true, stop: "STOP", normalized: "end_turn",
				text: "ab", textBlocks: []string{"ab"}, usage: usageWant},
		},
		{
			name: "json array stream cut short",
			x: publicExchange(200, "streamGenerateContent", simpleRequest, []byte(`[{"candidates":[{"content":{"parts":[{"text":"a"}]}}]}
,{"candidates":[{"content":{"parts":[{"te`)),
			want: want{transport: "http-json", streaming: true, normalized: "error", text: "a", textBlocks: []string{"a"}},
		},
		{
			name: "429 error body",
			x:    publicExchange(429, "streamGenerateContent", simpleRequest, []byte(`{"error":{"code":429,"message":"Resource exhausted.","status":"RESOURCE_EXHAUSTED"}}`)),
			want: want{transport: "http-json", usageFinal: true, normalized: "error",
				err: &providers.Error{Type: "RESOURCE_EXHAUSTED", Message: "Resource exhausted.", HTTPStatus: 429, Source: "http_body"}},
		},
		{
			name: "error body in an array",
			x:    publicExchange(400, "streamGenerateContent", simpleRequest, []byte(`[{"error":{"code":400,"message":"bad","status":"INVALID_ARGUMENT"}}]`)),
			want: want{transport: "http-json", usageFinal: true, normalized: "error",
				err: &providers.Error{Type: "INVALID_ARGUMENT", Message: "bad", HTTPStatus: 400, Source: "http_body"}},
		},
		{
			name: "non-JSON error body",
			x:    publicExchange(503, "generateContent", simpleRequest, []byte("upstream connect error")),
			want: want{transport: "http-json", usageFinal: true, normalized: "error",
				err: &providers.Error{Type: "http_error", Message: "upstream connect error", HTTPStatus: 503, Source: "http_body"}},
		},
		{
			name: "garbage 200",
			x:    publicExchange(200, "streamGenerateContent", simpleRequest, []byte("hello")),
			want: want{transport: "http-sse", streaming: true, normalized: "error", unparsed: true},
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
			check("Streaming", got.Streaming, w.streaming)
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
			check("RequestModel", got.RequestModel, "gemini-2.5-pro")
			check("Client", got.Client+"/"+got.ClientVersion, "gemini-cli/0.61.0")
		})
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		host, path string
		want       bool
	}{
		{HostPublic, "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", true},
		{HostPublic, "/v1beta/models/gemini-2.5-flash:generateContent", true},
		{HostPublic, "/v1beta/models/gemini-2.5-flash:countTokens", false},
		{HostPublic, "/v1beta/models", false},
		{HostCodeAssist, "/v1internal:streamGenerateContent?alt=sse", true},
		{HostCodeAssist, "/v1internal:generateContent", true},
		{HostCodeAssist, "/v1internal:loadCodeAssist", false},
		{"us-central1-aiplatform.googleapis.com", "/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.5-pro:streamGenerateContent", true},
		{"play.googleapis.com", "/log", false},
		{"api.anthropic.com", "/v1/models/x:generateContent", false},
	}
	for _, tt := range tests {
		if got := New().Match(&providers.Exchange{Host: tt.host, Path: tt.path}); got != tt.want {
			t.Errorf("Match(%s%s) = %v, want %v", tt.host, tt.path, got, tt.want)
		}
	}
	if New().Match(nil) || New().Match(&providers.Exchange{Host: HostPublic, Path: "/v1beta/models/m:generateContent", WebSocket: true}) {
		t.Error("Match(nil / websocket) = true")
	}
	if r := New().Parse(nil); !r.Unparsed {
		t.Error("Parse(nil) not Unparsed")
	}
}

func TestModelFromPath(t *testing.T) {
	for path, want := range map[string]string{
		"/v1beta/models/gemini-2.5-pro:generateContent":                  "gemini-2.5-pro",
		"/v1/projects/p/locations/l/publishers/google/models/m-1:stream": "m-1",
		"/v1beta/tunedModels/my-tuned:generateContent":                   "my-tuned",
		"/v1internal:generateContent":                                    "",
	} {
		if got := modelFromPath(path); got != want {
			t.Errorf("modelFromPath(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestNormalizeStop(t *testing.T) {
	tests := []struct {
		finish string
		tools  bool
		want   string
	}{
		{"STOP", false, "end_turn"}, {"STOP", true, "tool_use"}, {"MAX_TOKENS", true, "max_tokens"},
		{"SAFETY", false, "end_turn"}, {"RECITATION", false, "end_turn"}, {"MALFORMED_FUNCTION_CALL", false, "error"},
		{"UNEXPECTED_TOOL_CALL", false, "error"}, {"", false, ""}, {"NEW_REASON", false, "end_turn"},
	}
	for _, tt := range tests {
		if got := normalizeStop(tt.finish, tt.tools); got != tt.want {
			t.Errorf("normalizeStop(%q, %v) = %q, want %q", tt.finish, tt.tools, got, tt.want)
		}
	}
}

func TestNormalizeUsage(t *testing.T) {
	tests := []struct {
		raw  string
		want providers.Usage
	}{
		{`{"promptTokenCount":9814,"candidatesTokenCount":71,"cachedContentTokenCount":8184,"thoughtsTokenCount":212}`,
			providers.Usage{InputTokens: 1630, CacheReadTokens: 8184, OutputTokens: 283, ReasoningTokens: 212}},
		{`{"promptTokenCount":10,"toolUsePromptTokenCount":7,"candidatesTokenCount":1}`,
			providers.Usage{InputTokens: 17, OutputTokens: 1}},
		{`{"promptTokenCount":5,"cachedContentTokenCount":9}`, providers.Usage{CacheReadTokens: 9}},
		{`"nope"`, providers.Usage{}},
	}
	for _, tt := range tests {
		if got := normalizeUsage(json.RawMessage(tt.raw)); got != tt.want {
			t.Errorf("normalizeUsage(%s) = %+v, want %+v", tt.raw, got, tt.want)
		}
	}
}
