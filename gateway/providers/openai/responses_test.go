package openai

import (
	"reflect"
	"testing"

	"github.com/recondo/recondo/gateway/providers"
)

const (
	evCreated  = `{"type":"response.created","response":{"id":"resp_1","object":"response","status":"in_progress","model":"gpt-5-codex","output":[],"usage":null},"sequence_number":0}`
	evMsgAdded = `{"type":"response.output_item.added","item":{"id":"msg_1","type":"message","status":"in_progress","content":[],"role":"assistant"},"output_index":0,"sequence_number":1}`
	evText1    = `{"type":"response.output_text.delta","content_index":0,"delta":"Hello","item_id":"msg_1","output_index":0,"sequence_number":2}`
	evText2    = `{"type":"response.output_text.delta","content_index":0,"delta":" world","item_id":"msg_1","output_index":0,"sequence_number":3}`
	evFCAdded  = `{"type":"response.output_item.added","item":{"id":"fc_1","type":"function_call","status":"in_progress","arguments":"","call_id":"call_1","name":"shell"},"output_index":1,"sequence_number":4}`
	evArgs1    = `{"type":"response.function_call_arguments.delta","delta":"{\"cmd\":","item_id":"fc_1","output_index":1,"sequence_number":5}`
	evArgs2    = `{"type":"response.function_call_arguments.delta","delta":"\"ls\"}","item_id":"fc_1","output_index":1,"sequence_number":6}`
	evArgsDone = `{"type":"response.function_call_arguments.done","arguments":"{\"cmd\":\"ls\"}","item_id":"fc_1","output_index":1,"sequence_number":7}`
	respUsage  = `{"input_tokens":100,"input_tokens_details":{"cached_tokens":64},"output_tokens":20,"output_tokens_details":{"reasoning_tokens":8},"total_tokens":120}`
)

var respUsageNorm = providers.Usage{InputTokens: 36, OutputTokens: 20, CacheReadTokens: 64, ReasoningTokens: 8}

func terminal(typ, status, extra string) string {
	return `{"type":"` + typ + `","response":{"id":"resp_1","status":"` + status + `","model":"gpt-5-codex"` + extra + `,"usage":` + respUsage + `},"sequence_number":9}`
}

func TestResponsesStream(t *testing.T) {
	shell := call{Index: 1, ID: "call_1", ItemID: "fc_1", Name: "shell", Arguments: `{"cmd":"ls"}`, Raw: `{"cmd":"ls"}`}
	tests := []struct {
		name   string
		events []string
		want   outcome
		reason bool // Result.Reason is expected to say something
	}{
		{
			name:   "text and a function call",
			events: []string{evCreated, evMsgAdded, evText1, evText2, evFCAdded, evArgs1, evArgs2, evArgsDone, terminal("response.completed", "completed", "")},
			want: outcome{Complete: true, UsageIsFinal: true, StopReason: "completed", Normalized: "tool_use",
				Text: "Hello world", TextBlocks: []string{"Hello world"}, Calls: []call{shell}, Usage: respUsageNorm},
		},
		{
			name: "response.failed",
			events: []string{evCreated, evMsgAdded, evText1,
				`{"type":"response.failed","response":{"id":"resp_1","status":"failed","model":"gpt-5-codex","error":{"code":"server_error","message":"The model failed"},"usage":null},"sequence_number":4}`},
			want: outcome{StopReason: "failed", Normalized: "error", Text: "Hello", TextBlocks: []string{"Hello"}, Calls: []call{},
				Error: &providers.Error{Type: "server_error", Message: "The model failed", HTTPStatus: 200, Source: srcResponseFailed}},
		},
		{
			name:   "response.incomplete at max_output_tokens",
			events: []string{evCreated, evMsgAdded, evText1, terminal("response.incomplete", "incomplete", `,"incomplete_details":{"reason":"max_output_tokens"}`)},
			want: outcome{UsageIsFinal: true, StopReason: "incomplete", Normalized: "max_tokens", Text: "Hello", TextBlocks: []string{"Hello"}, Calls: []call{},
				Usage: respUsageNorm,
				Error: &providers.Error{Type: "max_output_tokens", Message: "response incomplete: max_output_tokens", HTTPStatus: 200, Source: srcResponseIncomplete}},
		},
		{
			name:   "error event",
			events: []string{evCreated, evMsgAdded, evText1, `{"type":"error","code":"rate_limit_exceeded","message":"Rate limit reached","param":null,"sequence_number":4}`},
			want: outcome{Normalized: "error", Text: "Hello", TextBlocks: []string{"Hello"}, Calls: []call{},
				Error: &providers.Error{Type: "rate_limit_exceeded", Message: "Rate limit reached", HTTPStatus: 200, Source: srcSSEEvent}},
		},
		{
			name:   "cut mid call",
			events: []string{evCreated, evFCAdded, evArgs1},
			want:   outcome{TextBlocks: []string{}, Calls: []call{{Index: 1, ID: "call_1", ItemID: "fc_1", Name: "shell", Raw: `{"cmd":`}}},
		},
		{
			name: ".done differs from the deltas",
			events: []string{evCreated, evFCAdded, evArgs1, evArgs2,
				`{"type":"response.function_call_arguments.done","arguments":"{\"cmd\":\"rm\"}","item_id":"fc_1","output_index":1}`,
				terminal("response.completed", "completed", "")},
			want: outcome{Complete: true, UsageIsFinal: true, StopReason: "completed", Normalized: "tool_use", TextBlocks: []string{},
				Calls: []call{shell}, Usage: respUsageNorm},
			reason: true,
		},
		{
			name: "deltas missing: texts from the .done events and the final output",
			events: []string{evCreated,
				`{"type":"response.output_text.done","content_index":0,"item_id":"msg_1","output_index":0,"text":"Whole"}`,
				`{"type":"response.completed","response":{"id":"resp_1","status":"completed","model":"gpt-5-codex","output":[` +
					`{"id":"msg_1","type":"message","content":[{"type":"output_text","text":"Whole"},{"type":"refusal","refusal":"no"},{"type":"output_text","text":"Second"}]},` +
					`{"id":"fc_1","type":"function_call","call_id":"call_1","name":"shell","arguments":"{\"cmd\":\"ls\"}"}],"usage":` + respUsage + `}}`},
			want: outcome{Complete: true, UsageIsFinal: true, StopReason: "completed", Normalized: "tool_use",
				Text: "WholeSecond", TextBlocks: []string{"Whole", "Second"}, Calls: []call{shell}, Usage: respUsageNorm},
		},
		{
			name: "custom tool call (apply_patch) and reasoning summary parts",
			events: []string{evCreated,
				`{"type":"response.output_item.added","item":{"id":"rs_1","type":"reasoning","summary":[]},"output_index":0}`,
				`{"type":"response.reasoning_summary_text.delta","delta":"**One**","item_id":"rs_1","output_index":0,"summary_index":0}`,
				`{"type":"response.reasoning_summary_text.delta","delta":"**Two**","item_id":"rs_1","output_index":0,"summary_index":1}`,
				`{"type":"response.output_item.added","item":{"id":"ctc_1","type":"custom_tool_call","call_id":"call_p","name":"apply_patch","input":""},"output_index":1}`,
				`{"type":"response.custom_tool_call_input.delta","delta":"*** Begin Patch\n","item_id":"ctc_1","output_index":1}`,
				`{"type":"response.custom_tool_call_input.delta","delta":"*** End Patch","item_id":"ctc_1","output_index":1}`,
				terminal("response.completed", "completed", "")},
			want: outcome{Complete: true, UsageIsFinal: true, StopReason: "completed", Normalized: "tool_use", TextBlocks: []string{},
				Calls: []call{{Index: 1, ID: "call_p", ItemID: "ctc_1", Name: "apply_patch", Raw: "*** Begin Patch\n*** End Patch"}}, Usage: respUsageNorm},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New().Parse(responsesExchange(sseEvents(t, tt.events...)))
			if r.Unparsed || r.Transport != "http-sse" || !r.Streaming || r.ResponseID != "resp_1" || r.Model != "gpt-5-codex" {
				t.Fatalf("Unparsed=%v (%s) Transport=%q Streaming=%v ResponseID=%q Model=%q", r.Unparsed, r.Reason, r.Transport, r.Streaming, r.ResponseID, r.Model)
			}
			if got := outcomeOf(r); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
			if (r.Reason != "") != tt.reason {
				t.Errorf("Reason = %q", r.Reason)
			}
		})
	}
}

func TestResponsesStreamSummary(t *testing.T) {
	r := New().Parse(responsesExchange(sseEvents(t, evCreated,
		`{"type":"response.reasoning_summary_text.delta","delta":"**One**","item_id":"rs_1","output_index":0,"summary_index":0}`,
		`{"type":"response.reasoning_summary_text.delta","delta":"**Two**","item_id":"rs_1","output_index":0,"summary_index":1}`,
		`{"type":"response.reasoning_text.delta","delta":"raw thought","item_id":"rs_1","output_index":0,"content_index":0}`,
	)))
	if r.ReasoningSummary != "**One**\n\n**Two**" || r.Thinking != "raw thought" {
		t.Errorf("ReasoningSummary = %q, Thinking = %q", r.ReasoningSummary, r.Thinking)
	}
}

func TestResponsesJSON(t *testing.T) {
	body := `{
  "id": "resp_2", "object": "response", "status": "completed", "model": "gpt-5-2025-08-07",
  "output": [
    {"id": "rs_1", "type": "reasoning", "summary": [{"type": "summary_text", "text": "Thinking about it"}]},
    {"id": "fc_2", "type": "function_call", "status": "completed", "arguments": "{\"city\": \"Paris\"}", "call_id": "call_2", "name": "weather"},
    {"id": "lsc_1", "type": "local_shell_call", "call_id": "call_3", "action": {"type": "exec", "command": ["ls", "-l"]}}
  ],
  "usage": ` + respUsage + `
}`
	r := New().Parse(exchange("/v1/responses", 200, `{"model":"gpt-5","input":"weather?"}`, []byte(body)))
	want := outcome{Complete: true, UsageIsFinal: true, StopReason: "completed", Normalized: "tool_use", TextBlocks: []string{},
		Calls: []call{
			{Index: 1, ID: "call_2", ItemID: "fc_2", Name: "weather", Arguments: `{"city":"Paris"}`, Raw: `{"city": "Paris"}`},
			{Index: 2, ID: "call_3", ItemID: "lsc_1", Name: "local_shell", Arguments: `{"type":"exec","command":["ls","-l"]}`, RawNil: true},
		},
		Usage: respUsageNorm}
	if got := outcomeOf(r); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if r.Transport != "http-json" || r.Streaming || r.ResponseID != "resp_2" || r.ReasoningSummary != "Thinking about it" || string(r.UsageNative) != respUsage {
		t.Errorf("Transport=%q Streaming=%v ResponseID=%q ReasoningSummary=%q UsageNative=%s", r.Transport, r.Streaming, r.ResponseID, r.ReasoningSummary, r.UsageNative)
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want providers.Usage
	}{
		{"chat", `{"prompt_tokens":10,"completion_tokens":5,"prompt_tokens_details":{"cached_tokens":4},"completion_tokens_details":{"reasoning_tokens":2}}`,
			providers.Usage{InputTokens: 6, OutputTokens: 5, CacheReadTokens: 4, ReasoningTokens: 2}},
		{"responses with cache writes", `{"input_tokens":100,"input_tokens_details":{"cached_tokens":40,"cache_write_tokens":50},"output_tokens":10,"output_tokens_details":{"reasoning_tokens":5}}`,
			providers.Usage{InputTokens: 10, OutputTokens: 10, CacheReadTokens: 40, CacheCreationTotal: 50, ReasoningTokens: 5}},
		{"no details, float counts", `{"input_tokens":7.0,"output_tokens":3}`, providers.Usage{InputTokens: 7, OutputTokens: 3}},
		{"cached above input never goes negative", `{"input_tokens":1,"input_tokens_details":{"cached_tokens":4}}`, providers.Usage{CacheReadTokens: 4}},
		{"null", `null`, providers.Usage{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := readUsage([]byte(tt.raw)); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
