package openai

import (
	"reflect"
	"testing"

	"github.com/recondo/recondo/gateway/providers"
)

func TestRequestInfo(t *testing.T) {
	tests := []struct {
		name string
		body string
		want providers.RequestInfo
	}{
		{
			name: "chat: trailing tool messages are the results",
			body: `{"model":"gpt-4.1","stream":true,"messages":[
				{"role":"system","content":"Be brief."},
				{"role":"user","content":[{"type":"text","text":"read a.go"}]},
				{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"read","arguments":"{}"}}]},
				{"role":"tool","tool_call_id":"call_1","content":"package a"}],
				"tools":[{"type":"function","function":{"name":"read"}}]}`,
			want: providers.RequestInfo{
				System: "Be brief.", UserPrompts: []string{"read a.go"}, FirstUserPrompt: "read a.go", MessageCount: 4,
				ToolResults: []providers.ToolResult{{ToolUseID: "call_1", Content: "package a"}},
				Tools:       []string{"read"}, Stream: true,
			},
		},
		{
			name: "responses: codex history; only the last run of outputs, injected context skipped",
			body: `{"model":"gpt-5-codex","instructions":"You are Codex.","previous_response_id":"resp_0","prompt_cache_key":"k",
				"input":[
				{"type":"message","role":"developer","content":[{"type":"input_text","text":"<permissions instructions>sandboxed</permissions instructions>"}]},
				{"type":"message","role":"user","content":[{"type":"input_text","text":"# AGENTS.md instructions for /r\n\n<INSTRUCTIONS>be nice</INSTRUCTIONS>"}]},
				{"type":"message","role":"user","content":[{"type":"input_text","text":"<environment_context>\n  <cwd>/old</cwd>\n</environment_context>"}]},
				{"type":"message","role":"user","content":[{"type":"input_text","text":"first ask"}]},
				{"type":"function_call","call_id":"call_1","name":"shell","arguments":"{}"},
				{"type":"function_call_output","call_id":"call_1","output":"Exit code: 0\nOutput:\nok"},
				{"type":"message","role":"user","content":[{"type":"input_text","text":"<environment_context>\n  <cwd>/new</cwd>\n</environment_context>"},{"type":"input_text","text":"second ask"}]},
				{"type":"reasoning","summary":[]},
				{"type":"function_call","call_id":"call_2","name":"shell","arguments":"{}"},
				{"type":"custom_tool_call","call_id":"call_3","name":"apply_patch","input":"*** Begin Patch"},
				{"type":"function_call_output","call_id":"call_2","output":"Exit code: 2\nOutput:\nno such file"},
				{"type":"custom_tool_call_output","call_id":"call_3","output":[{"type":"input_text","text":"Done!"}]}],
				"tools":[{"type":"function","name":"shell"},{"type":"custom","name":"apply_patch"},{"type":"web_search"}]}`,
			want: providers.RequestInfo{
				System:          "You are Codex.\n<permissions instructions>sandboxed</permissions instructions>",
				UserPrompts:     []string{"second ask"},
				FirstUserPrompt: "first ask",
				MessageCount:    12,
				ToolResults: []providers.ToolResult{
					{ToolUseID: "call_2", IsError: true, Content: "Exit code: 2\nOutput:\nno such file"},
					{ToolUseID: "call_3", Content: "Done!"},
				},
				Tools:              []string{"shell", "apply_patch", "web_search"},
				EnvironmentBlock:   "<environment_context>\n  <cwd>/new</cwd>\n</environment_context>",
				PromptCacheKey:     "k",
				PreviousResponseID: "resp_0",
			},
		},
		{
			name: "a field of the wrong type loses only itself",
			body: `{"model":"m","stream":"yes","input":"hello"}`,
			want: providers.RequestInfo{UserPrompts: []string{"hello"}, FirstUserPrompt: "hello", MessageCount: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, ok := decodeRequest([]byte(tt.body))
			if !ok {
				t.Fatal("decodeRequest failed")
			}
			got := requestInfo(req)
			if len(got.MessageHashes) != got.MessageCount {
				t.Errorf("%d hashes for %d messages", len(got.MessageHashes), got.MessageCount)
			}
			got.MessageHashes = nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestMessageHashesAreCanonical: whitespace and key order do not change a message's hash;
// content does.
func TestMessageHashesAreCanonical(t *testing.T) {
	hash := func(body string) []string {
		req, _ := decodeRequest([]byte(body))
		return requestInfo(req).MessageHashes
	}
	a := hash(`{"messages":[{"role":"user","content":"hi <b>","n":1.50}]}`)
	b := hash(`{"messages":[ { "n" : 1.50, "content":"hi \u003cb>", "role":"user" } ]}`)
	c := hash(`{"messages":[{"role":"user","content":"hi <b>","n":1.5}]}`)
	if len(a) != 1 || !reflect.DeepEqual(a, b) {
		t.Errorf("equal messages hash differently: %v %v", a, b)
	}
	if reflect.DeepEqual(a, c) {
		t.Errorf("a number written differently hashes the same: %v", c)
	}
}

func TestFailed(t *testing.T) {
	tests := []struct {
		output string
		want   bool
	}{
		{"Exit code: 0\nWall time: 0.1 seconds\nOutput:\nok", false},
		{"Exit code: 1\nWall time: 0.1 seconds\nOutput:\nFAIL", true},
		{`{"output":"boom","metadata":{"exit_code":127,"duration_seconds":0.1}}`, true},
		{`{"output":"ok","metadata":{"exit_code":0}}`, false},
		{"failed to parse function arguments: missing field `command`", true},
		{"unsupported call: foo", true},
		{"error: file not found", false}, // tool text, not Codex's verdict
		{"", false},
	}
	for _, tt := range tests {
		if got := failed(tt.output); got != tt.want {
			t.Errorf("failed(%q) = %v, want %v", tt.output, got, tt.want)
		}
	}
}

func TestIsInjected(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"<environment_context>\n  <cwd>/r</cwd>\n</environment_context>", true},
		{"  <user_instructions>be nice</user_instructions>\n", true},
		{"# AGENTS.md instructions for /r\n\n<INSTRUCTIONS>x</INSTRUCTIONS>", true},
		{"<turn_aborted>interrupted</turn_aborted>", true},
		{"why does <environment_context> break?", false},
		{"<environment_context> never closed", false},
		{"fix the bug", false},
	}
	for _, tt := range tests {
		if got := isInjected(tt.text); got != tt.want {
			t.Errorf("isInjected(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
