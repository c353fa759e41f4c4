package anthropic

import (
	"bytes"
	"encoding/json"
	"net/http"
	"reflect"
	"testing"

	"github.com/recondo/recondo/gateway/providers"
	"github.com/recondo/recondo/gateway/providers/internal/wire"
)

func TestUserAuthored(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"fix the test", "fix the test", true},
		{"<system-reminder>\nctx\n</system-reminder>\n", "", false},
		{"<system-reminder>a</system-reminder>\nfix it\n<system-reminder>b</system-reminder>", "fix it", true},
		{"before <system-reminder>unclosed", "before", true},
		{"   ", "", false},
	}
	for _, tt := range tests {
		got, ok := userAuthored(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("userAuthored(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestEnvironmentBlock(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"prompt\n<env>\nWorking directory: /x\n</env>\nmore", "<env>\nWorking directory: /x\n</env>", true},
		{"Primary working directory: /x\nPlatform: linux", "Primary working directory: /x\nPlatform: linux", true},
		{"<env>\nunterminated", "<env>\nunterminated", true},
		{"You are Claude Code.", "", false},
	}
	for _, tt := range tests {
		got, ok := environmentBlock(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("environmentBlock(%q) = %q, %v", tt.in, got, ok)
		}
	}
}

func TestSessionID(t *testing.T) {
	tests := []struct {
		name, header, userID, wantID, wantSource string
	}{
		{"header wins", "h-1", `{"session_id":"j-1"}`, "h-1", sourceHeader},
		{"json user id", "", `{"device_id":"d","account_uuid":"","session_id":"j-1"}`, "j-1", sourceUserIDJSON},
		{"json without session", "", `{"device_id":"d"}`, "", ""},
		{"legacy", "", "user_abc_account_u-1_session_s-1", "s-1", sourceUserIDLeg},
		{"legacy empty account", "", "user_abc_account__session_s-2", "s-2", sourceUserIDLeg},
		{"legacy empty session", "", "user_abc_account__session_", "", ""},
		{"nothing", "", "", "", ""},
	}
	for _, tt := range tests {
		h := http.Header{}
		if tt.header != "" {
			h.Set("x-claude-code-session-id", tt.header)
		}
		id, src := sessionID(h, tt.userID)
		if id != tt.wantID || src != tt.wantSource {
			t.Errorf("%s: sessionID = %q, %q; want %q, %q", tt.name, id, src, tt.wantID, tt.wantSource)
		}
	}
}

func TestClient(t *testing.T) {
	tests := []struct{ ua, name, version string }{
		{"claude-cli/2.1.328 (external, cli)", "claude-code", "2.1.328"},
		{"claude-cli/2.0.0 (external, sdk-ts)", "claude-code", "2.0.0"},
		{"Anthropic/Python 0.72.0", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		name, version := client(http.Header{"User-Agent": {tt.ua}})
		if name != tt.name || version != tt.version {
			t.Errorf("client(%q) = %q, %q", tt.ua, name, version)
		}
	}
}

func TestNormalizeUsage(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want providers.Usage
	}{
		{"split from cache_creation", `{"input_tokens":3,"cache_creation_input_tokens":2107,"cache_read_input_tokens":5,"cache_creation":{"ephemeral_5m_input_tokens":1607,"ephemeral_1h_input_tokens":500},"output_tokens":8}`,
			providers.Usage{InputTokens: 3, OutputTokens: 8, CacheReadTokens: 5, CacheCreationTotal: 2107, CacheWrite5m: 1607, CacheWrite1h: 500}},
		{"no cache_creation is all 5m", `{"input_tokens":1,"cache_creation_input_tokens":40,"output_tokens":2}`,
			providers.Usage{InputTokens: 1, OutputTokens: 2, CacheCreationTotal: 40, CacheWrite5m: 40}},
		{"split disagreeing with total", `{"cache_creation_input_tokens":100,"cache_creation":{"ephemeral_5m_input_tokens":10,"ephemeral_1h_input_tokens":500}}`,
			providers.Usage{CacheCreationTotal: 100, CacheWrite5m: 0, CacheWrite1h: 100}},
		{"thinking tokens reported", `{"output_tokens":50,"output_tokens_details":{"thinking_tokens":30}}`,
			providers.Usage{OutputTokens: 50, ReasoningTokens: 30}},
		{"garbage", `[1,2]`, providers.Usage{}},
	}
	for _, tt := range tests {
		if got := decodeUsage(json.RawMessage(tt.raw)).normalize(); got != tt.want {
			t.Errorf("%s: normalize = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestUsageMergeKeepsStartCounters(t *testing.T) {
	u := decodeUsage(json.RawMessage(`{"input_tokens":1893,"cache_read_input_tokens":7,"output_tokens":1}`))
	u.merge(decodeUsage(json.RawMessage(`{"output_tokens":14}`)))
	want := providers.Usage{InputTokens: 1893, CacheReadTokens: 7, OutputTokens: 14}
	if got := u.normalize(); got != want {
		t.Errorf("merged = %+v, want %+v", got, want)
	}
}

func TestNormalizeStop(t *testing.T) {
	for native, want := range map[string]string{
		"end_turn": "end_turn", "stop_sequence": "end_turn", "refusal": "end_turn", "pause_turn": "end_turn",
		"tool_use": "tool_use", "max_tokens": "max_tokens", "model_context_window_exceeded": "max_tokens",
		"something_new": "end_turn", "": "",
	} {
		if got := normalizeStop(native); got != want {
			t.Errorf("normalizeStop(%q) = %q, want %q", native, got, want)
		}
	}
}

func TestMessageHashIgnoresCacheControl(t *testing.T) {
	with := `{"role":"user","content":[{"type":"text","text":"hi <b>&</b>","cache_control":{"type":"ephemeral"}},{"type":"tool_result","tool_use_id":"t","content":[{"type":"text","text":"x","cache_control":{"type":"ephemeral","ttl":"1h"}}]}]}`
	without := `{"role": "user", "content": [{"type": "text", "text": "hi <b>&</b>"}, {"type":"tool_result","tool_use_id":"t","content":[{"type":"text","text":"x"}]}]}`
	if a, b := messageHash([]byte(with)), messageHash([]byte(without)); a != b {
		t.Errorf("hash with cache_control %s != without %s", a, b)
	}
	if got, want := messageHash([]byte(without)), wire.HashJSON([]byte(without)); got != want {
		t.Errorf("hash without cache_control is not the compact hash")
	}
	if messageHash([]byte(`{"role":"user","content":"a"}`)) == messageHash([]byte(`{"role":"user","content":"b"}`)) {
		t.Error("different messages hash the same")
	}
	// A message that only mentions "cache_control" in its text hashes like json.Compact.
	mention := `{"role":"user","content":[{"type":"text","text":"what does \"cache_control\" do? \u00e9"}]}`
	if messageHash([]byte(mention)) != wire.HashJSON([]byte(mention)) {
		t.Error("a text mentioning cache_control changed the hash")
	}
}

func TestCanonicalMatchesCompact(t *testing.T) {
	for _, in := range []string{`{"a":[1, 2.50, {"b":null}],"c":"\u00e9\/"}`, `[]`, `{}`, `"s"`, `[{"x":{}}]`} {
		var c, k bytes.Buffer
		if err := canonical(&c, []byte(in)); err != nil {
			t.Fatalf("canonical(%s): %v", in, err)
		}
		_ = json.Compact(&k, []byte(in))
		if c.String() != k.String() {
			t.Errorf("canonical(%s) = %s, want %s", in, c.String(), k.String())
		}
	}
}

func TestParseRequest(t *testing.T) {
	body := `{
	  "model": "claude-opus-5-5", "stream": true,
	  "system": [{"type":"text","text":"x-anthropic-billing-header: cc_version=2.1.328;"},{"type":"text","text":"You are Claude Code."}],
	  "messages": [
	    {"role":"system","content":"Here is useful information about the environment:\n<env>\nWorking directory: /w\nPlatform: linux\n</env>"},
	    {"role":"user","content":[{"type":"text","text":"<system-reminder>r</system-reminder>"},{"type":"text","text":"first ask"}]},
	    {"role":"assistant","content":[{"type":"tool_use","id":"toolu_a","name":"Bash","input":{"command":"ls"}}]},
	    {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_a","is_error":true,"content":[{"type":"text","text":"denied"},{"type":"image","source":{}},{"type":"text","text":"by policy"}]},{"type":"text","text":"then do this"}]}
	  ],
	  "tools": [{"name":"Bash"},{"name":"web_search","type":"web_search_20250305"}],
	  "metadata": {"user_id": "user_h_account__session_s"}
	}`
	model, info, err := parseRequest([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if model != "claude-opus-5-5" || !info.Stream || info.MessageCount != 4 || len(info.MessageHashes) != 4 {
		t.Errorf("model/stream/count = %q %v %d %d", model, info.Stream, info.MessageCount, len(info.MessageHashes))
	}
	checks := []struct {
		field     string
		got, want any
	}{
		{"System", info.System, "x-anthropic-billing-header: cc_version=2.1.328;\nYou are Claude Code."},
		{"EnvironmentBlock", info.EnvironmentBlock, "<env>\nWorking directory: /w\nPlatform: linux\n</env>"},
		{"FirstUserPrompt", info.FirstUserPrompt, "first ask"},
		{"UserPrompts", info.UserPrompts, []string{"then do this"}},
		{"ToolResults", info.ToolResults, []providers.ToolResult{{ToolUseID: "toolu_a", IsError: true, Content: "denied\nby policy"}}},
		{"Tools", info.Tools, []string{"Bash", "web_search"}},
		{"MetadataUserID", info.MetadataUserID, "user_h_account__session_s"},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.field, c.got, c.want)
		}
	}
}

func TestParseRequestTolerance(t *testing.T) {
	// A field of the wrong type is skipped, not fatal.
	model, info, err := parseRequest([]byte(`{"model":"m","stream":"yes","messages":[{"role":"user","content":"hi"}]}`))
	if err != nil || model != "m" || info.FirstUserPrompt != "hi" {
		t.Errorf("tolerant parse = %q %+v %v", model, info, err)
	}
	for _, body := range []string{"", "not json", "{"} {
		if _, _, err := parseRequest([]byte(body)); err == nil {
			t.Errorf("parseRequest(%q) did not fail", body)
		}
	}
}
