package openai

import (
	"net/http"
	"reflect"
	"testing"

	"github.com/recondo/recondo/gateway/providers"
)

const wsCreate = `{"type":"response.create","model":"gpt-5.2-codex","input":[{"type":"message","role":"user","content":[{"type":"input_text","text":"fix it"}]}],"stream":true,"prompt_cache_key":"pck-1"}`

// wsTurn builds a WebSocket turn on Codex's ChatGPT endpoint: the client's create, then
// server messages.
func wsTurn(request string, server ...string) *providers.Exchange {
	x := &providers.Exchange{
		Host: "chatgpt.com", Method: "GET", Path: "/backend-api/codex/responses", Status: 101, WebSocket: true,
		RequestHeaders: http.Header{"User-Agent": {"codex_cli_rs/0.98.0 (Mac OS 15.6.1; arm64) iTerm.app/3.6.2"}},
		Request:        []byte(request),
		Messages:       []providers.WSMessage{{FromClient: true, Data: []byte(wsCreate)}},
	}
	for _, m := range server {
		x.Messages = append(x.Messages, providers.WSMessage{Data: []byte(m)})
	}
	return x
}

const rateLimits = `{"type":"codex.rate_limits","plan_type":"plus","rate_limits":{"primary":{"used_percent":23.0,"window_minutes":300,"reset_at":1771003200}},"credits":null}`

func TestWebSocketTurn(t *testing.T) {
	tests := []struct {
		name    string
		request string
		server  []string
		want    outcome
	}{
		{
			name:    "completed",
			request: wsCreate,
			server:  []string{rateLimits, evCreated, evMsgAdded, evText1, terminal("response.completed", "completed", "")},
			want: outcome{Complete: true, UsageIsFinal: true, StopReason: "completed", Normalized: "end_turn",
				Text: "Hello", TextBlocks: []string{"Hello"}, Calls: []call{}, Usage: respUsageNorm},
		},
		{
			name:    "wrapped error frame",
			request: wsCreate,
			server: []string{rateLimits,
				`{"type":"error","status":429,"error":{"type":"usage_limit_reached","code":"usage_limit_reached","message":"The usage limit has been reached","plan_type":"plus","resets_at":1771003200},"headers":{"x-codex-primary-used-percent":"100"}}`},
			want: outcome{Normalized: "error", TextBlocks: []string{}, Calls: []call{},
				Error: &providers.Error{Type: "usage_limit_reached", Message: "The usage limit has been reached", HTTPStatus: 429, Source: srcWSFrame}},
		},
		{
			name:    "response.failed frame",
			request: wsCreate,
			server: []string{evCreated,
				`{"type":"response.failed","response":{"id":"resp_1","status":"failed","model":"gpt-5-codex","error":{"code":"server_error","message":"boom"}}}`},
			want: outcome{StopReason: "failed", Normalized: "error", TextBlocks: []string{}, Calls: []call{},
				Error: &providers.Error{Type: "server_error", Message: "boom", Source: srcResponseFailed}},
		},
		{
			name:    "socket closed before response.completed; request taken from the first client message",
			request: "",
			server:  []string{evCreated, evMsgAdded, evText1},
			want:    outcome{Text: "Hello", TextBlocks: []string{"Hello"}, Calls: []call{}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := wsTurn(tt.request, tt.server...)
			p := New()
			if !p.Match(x) {
				t.Fatal("Match = false")
			}
			r := p.Parse(x)
			if r.Unparsed || r.Transport != "websocket" || !r.Streaming || r.Client != "codex" || r.ClientVersion != "0.98.0" {
				t.Fatalf("Unparsed=%v (%s) Transport=%q Streaming=%v Client=%q/%q", r.Unparsed, r.Reason, r.Transport, r.Streaming, r.Client, r.ClientVersion)
			}
			if r.RequestModel != "gpt-5.2-codex" || r.SessionID != "pck-1" || r.SessionIDSource != "body.prompt_cache_key" {
				t.Errorf("RequestModel=%q SessionID=%q SessionIDSource=%q", r.RequestModel, r.SessionID, r.SessionIDSource)
			}
			if got := outcomeOf(r); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
