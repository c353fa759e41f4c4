package anthropic

import (
	"net/http"
	"strings"

	"github.com/recondo/recondo/gateway/providers"
)

// sseBody frames (event, data) pairs as Anthropic does: "event: x\ndata: y\n\n".
func sseBody(pairs ...string) []byte {
	var b strings.Builder
	for i := 0; i+1 < len(pairs); i += 2 {
		b.WriteString("event: " + pairs[i] + "\ndata: " + pairs[i+1] + "\n\n")
	}
	return []byte(b.String())
}

// exchange is a Messages exchange on api.anthropic.com with the given status and bodies.
func exchange(status int, request string, response []byte) *providers.Exchange {
	return &providers.Exchange{
		Host: Host, Method: "POST", Path: "/v1/messages?beta=true", Status: status,
		RequestHeaders:  http.Header{"User-Agent": {"claude-cli/2.1.90 (external, cli)"}},
		ResponseHeaders: http.Header{"Request-Id": {"req_1"}},
		Request:         []byte(request), Response: response,
	}
}

const (
	simpleRequest = `{"model":"claude-sonnet-4-5","stream":true,"max_tokens":100,"messages":[{"role":"user","content":"hi"}]}`
	msgStart      = `{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929","content":[],"stop_reason":null,"usage":{"input_tokens":10,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}`
)
