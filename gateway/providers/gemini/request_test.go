package gemini

import (
	"reflect"
	"testing"

	"github.com/recondo/recondo/gateway/providers"
)

func TestParseRequestCodeAssist(t *testing.T) {
	body := `{"model":"gemini-2.5-pro","project":"p","user_prompt_id":"sid-1########3","request":{
	  "contents":[
	    {"role":"user","parts":[{"text":"This is the Gemini CLI. We are setting up the context for our chat.\nI'm currently working in the directory: /w"}]},
	    {"role":"model","parts":[{"text":"Got it. Thanks for the context!"}]},
	    {"role":"user","parts":[{"text":"what is my working directory used for?"}]},
	    {"role":"model","parts":[{"functionCall":{"name":"read_file","args":{"absolute_path":"/w/a"}}},{"functionCall":{"name":"run_shell_command","args":{"command":"x"}}}]},
	    {"role":"user","parts":[
	      {"functionResponse":{"name":"read_file","response":{"output":"contents"}}},
	      {"functionResponse":{"name":"run_shell_command","response":{"error":"denied"}}},
	      {"functionResponse":{"name":"other","response":{"llmContent":[1,2]}}}]}],
	  "systemInstruction":{"role":"user","parts":[{"text":"sys a"},{"text":"sys b"}]},
	  "tools":[{"functionDeclarations":[{"name":"read_file"},{"name":"run_shell_command"}]},{"googleSearch":{}}],
	  "session_id":"sid-1"}}`
	got, err := parseRequest([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if !got.codeAssist || got.model != "gemini-2.5-pro" {
		t.Errorf("codeAssist/model = %v %q", got.codeAssist, got.model)
	}
	info := got.info
	checks := []struct {
		field     string
		got, want any
	}{
		{"System", info.System, "sys a\nsys b"},
		{"EnvironmentBlock", info.EnvironmentBlock, "This is the Gemini CLI. We are setting up the context for our chat.\nI'm currently working in the directory: /w"},
		{"FirstUserPrompt", info.FirstUserPrompt, "what is my working directory used for?"},
		{"UserPrompts", info.UserPrompts, []string(nil)},
		{"MessageCount", info.MessageCount, 5},
		{"Tools", info.Tools, []string{"read_file", "run_shell_command"}},
		{"GeminiSessionID", info.GeminiSessionID, "sid-1"},
		{"UserPromptID", info.UserPromptID, "sid-1########3"},
		{"ToolResults", info.ToolResults, []providers.ToolResult{
			{ToolUseID: "read_file", Content: "contents"},
			{ToolUseID: "run_shell_command", IsError: true, Content: "denied"},
			{ToolUseID: "other", Content: `{"llmContent":[1,2]}`},
		}},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.field, c.got, c.want)
		}
	}
	if len(info.MessageHashes) != 5 || info.MessageHashes[0] == info.MessageHashes[2] {
		t.Errorf("MessageHashes = %q", info.MessageHashes)
	}
}

func TestSessionIDFallsBackToUserPromptID(t *testing.T) {
	tests := []struct {
		info       providers.RequestInfo
		id, source string
	}{
		{providers.RequestInfo{GeminiSessionID: "a", UserPromptID: "b########1"}, "a", sourceSessionID},
		{providers.RequestInfo{UserPromptID: "b########1"}, "b", sourceUserPromptID},
		{providers.RequestInfo{UserPromptID: "no-separator"}, "", ""},
		{providers.RequestInfo{}, "", ""},
	}
	for _, tt := range tests {
		if id, src := sessionID(&tt.info); id != tt.id || src != tt.source {
			t.Errorf("sessionID(%+v) = %q, %q", tt.info, id, src)
		}
	}
}

func TestParseRequestPublic(t *testing.T) {
	got, err := parseRequest([]byte(`{"contents":[{"parts":[{"text":"no role"}]}],"systemInstruction":"plain"}`))
	if err != nil || got.codeAssist || got.info.System != "plain" || got.info.FirstUserPrompt != "no role" ||
		!reflect.DeepEqual(got.info.UserPrompts, []string{"no role"}) {
		t.Errorf("parseRequest = %+v, %v", got, err)
	}
	for _, body := range []string{"", " ", "not json"} {
		if _, err := parseRequest([]byte(body)); err == nil {
			t.Errorf("parseRequest(%q) did not fail", body)
		}
	}
}
