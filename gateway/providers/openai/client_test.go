package openai

import (
	"net/http"
	"testing"

	"github.com/recondo/recondo/gateway/providers"
)

func TestClientOf(t *testing.T) {
	tests := []struct {
		name        string
		h           http.Header
		client, ver string
	}{
		{"codex cli", http.Header{"User-Agent": {"codex_cli_rs/0.63.0 (Ubuntu 24.4.0; x86_64) xterm-256color"}}, "codex", "0.63.0"},
		{"codex exec", http.Header{"User-Agent": {"codex_exec/0.169.0 (Linux; x86_64)"}}, "codex", "0.169.0"},
		{"codex by originator", http.Header{"User-Agent": {"node"}, "Originator": {"codex_vscode"}, "Version": {"0.99.0"}}, "codex", "0.99.0"},
		{"python sdk", http.Header{"User-Agent": {"OpenAI/Python 2.8.1"}}, "", ""},
		{"async python sdk", http.Header{"User-Agent": {"AsyncOpenAI/Python 1.3.0"}}, "", ""},
		{"js sdk", http.Header{"User-Agent": {"OpenAI/JS 5.23.2"}}, "", ""},
		{"other agent", http.Header{"User-Agent": {"Aider/0.86.1 (linux)"}}, "aider", "0.86.1"},
		{"lowercase header key", http.Header{"user-agent": {"curl/8.5.0"}}, "curl", "8.5.0"},
		{"none", nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if c, v := clientOf(tt.h); c != tt.client || v != tt.ver {
				t.Errorf("got %q %q, want %q %q", c, v, tt.client, tt.ver)
			}
		})
	}
}

func TestSessionOf(t *testing.T) {
	tests := []struct {
		name       string
		h          http.Header
		key        string
		ws         bool
		id, source string
	}{
		{"session_id header", http.Header{"Session_id": {"s1"}, "Conversation_id": {"s1"}}, "s1", false, "s1", "header session_id"},
		{"raw lowercase key", http.Header{"session_id": {"s1"}}, "", false, "s1", "header session_id"},
		{"newer session-id", http.Header{"Session-Id": {"s2"}}, "", false, "s2", "header session-id"},
		{"websocket handshake", http.Header{"Session_id": {"s3"}}, "", true, "s3", "handshake header session_id"},
		{"conversation_id only", http.Header{"Conversation_id": {"s4"}}, "", false, "s4", "header conversation_id"},
		{"body fallback", nil, "k5", false, "k5", "body.prompt_cache_key"},
		{"none", nil, "", false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if id, src := sessionOf(tt.h, tt.key, tt.ws); id != tt.id || src != tt.source {
				t.Errorf("got %q %q, want %q %q", id, src, tt.id, tt.source)
			}
		})
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		name string
		x    providers.Exchange
		want bool
	}{
		{"chat", providers.Exchange{Host: "api.openai.com", Method: "POST", Path: "/v1/chat/completions"}, true},
		{"responses with query", providers.Exchange{Host: "API.OpenAI.com", Method: "POST", Path: "/v1/responses?x=1"}, true},
		{"codex chatgpt", providers.Exchange{Host: "chatgpt.com", Method: "POST", Path: "/backend-api/codex/responses"}, true},
		{"ws responses", providers.Exchange{Host: "api.openai.com", Method: "GET", Path: "/v1/responses", WebSocket: true}, true},
		{"ws codex", providers.Exchange{Host: "chatgpt.com", Method: "GET", Path: "/backend-api/codex/responses", WebSocket: true}, true},
		{"ws chat", providers.Exchange{Host: "api.openai.com", Method: "GET", Path: "/v1/chat/completions", WebSocket: true}, false},
		{"models", providers.Exchange{Host: "api.openai.com", Method: "GET", Path: "/v1/models"}, false},
		{"chatgpt plugins", providers.Exchange{Host: "chatgpt.com", Method: "GET", Path: "/backend-api/plugins/export/curated"}, false},
		{"other host", providers.Exchange{Host: "api.anthropic.com", Method: "POST", Path: "/v1/responses"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := New().Match(&tt.x); got != tt.want {
				t.Errorf("Match = %v, want %v", got, tt.want)
			}
		})
	}
	if New().Match(nil) {
		t.Error("Match(nil) = true")
	}
}

// TestUnparsed: bodies in no known shape are reported, not guessed at.
func TestUnparsed(t *testing.T) {
	tests := []struct {
		name string
		x    *providers.Exchange
	}{
		{"chat json garbage", exchange("/v1/chat/completions", 200, "{}", []byte("{not json"))},
		{"responses json without id", exchange("/v1/responses", 200, "{}", []byte(`{"foo":1}`))},
		{"empty stream", chatExchange([]byte("\n\n"))},
		{"responses stream of garbage", responsesExchange([]byte("data: nope\n\n"))},
		{"websocket turn without server events", wsTurn(wsCreate)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New().Parse(tt.x)
			if !r.Unparsed || r.Reason == "" || r.Complete || r.Provider != "openai" {
				t.Errorf("Unparsed=%v Reason=%q Complete=%v Provider=%q", r.Unparsed, r.Reason, r.Complete, r.Provider)
			}
		})
	}
	if r := New().Parse(nil); !r.Unparsed {
		t.Error("Parse(nil) not Unparsed")
	}
}
