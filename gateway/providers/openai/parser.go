package openai

import (
	"bytes"
	"strings"

	"github.com/recondo/recondo/gateway/providers"
)

// Transports (Result.Transport).
const (
	transportSSE  = "http-sse"
	transportJSON = "http-json"
	transportWS   = "websocket"
)

type parser struct{}

// New returns the OpenAI parser.
func New() providers.Parser { return parser{} }

// apiOf says which API an exchange is, from its host and path ("" when it is not ours).
func apiOf(x *providers.Exchange) string {
	path, _, _ := strings.Cut(x.Path, "?")
	switch {
	case strings.EqualFold(x.Host, "api.openai.com"):
		switch path {
		case "/v1/chat/completions":
			return providers.APIOpenAIChat
		case "/v1/responses":
			return providers.APIOpenAIResponses
		}
	case strings.EqualFold(x.Host, "chatgpt.com"):
		if path == "/backend-api/codex/responses" {
			return providers.APIOpenAIResponses
		}
	}
	return ""
}

// Match owns Chat Completions and Responses calls on api.openai.com, Codex's ChatGPT
// endpoint, and WebSocket turns on the Responses paths (Chat has no WebSocket form).
func (parser) Match(x *providers.Exchange) bool {
	if x == nil {
		return false
	}
	api := apiOf(x)
	if x.WebSocket {
		return api == providers.APIOpenAIResponses
	}
	return api != ""
}

// Parse extracts a Result; it never fails, and marks shapes it does not know Unparsed.
func (parser) Parse(x *providers.Exchange) providers.Result {
	if x == nil {
		return providers.Result{Provider: "openai", Unparsed: true, Reason: "no exchange"}
	}
	r := providers.Result{
		Provider:   "openai",
		API:        apiOf(x),
		RequestID:  requestID(x.ResponseHeaders),
		ToolCalls:  []providers.ToolCall{},
		TextBlocks: []string{},
	}
	r.Client, r.ClientVersion = clientOf(x.RequestHeaders)
	reqBody := x.Request
	if x.WebSocket && len(bytes.TrimSpace(reqBody)) == 0 {
		reqBody = firstClientMessage(x.Messages)
	}
	req, ok := decodeRequest(reqBody)
	if ok {
		r.RequestModel = req.Model
		r.Request = requestInfo(req)
	}
	r.SessionID, r.SessionIDSource = sessionOf(x.RequestHeaders, req.PromptCacheKey, x.WebSocket)
	switch {
	case x.WebSocket:
		r.Transport, r.Streaming = transportWS, true
		parseTurn(x, &r)
	case x.Status >= 300:
		r.Transport = transportJSON
		if isSSE(x) {
			r.Transport = transportSSE
		}
		r.Error = httpError(x)
		r.StopReasonNormalized = providers.StopError
		r.UsageIsFinal = true // nothing is billed for a refused request
	case isSSE(x):
		r.Transport, r.Streaming = transportSSE, true
		if r.API == providers.APIOpenAIChat {
			parseChatStream(x, &r)
		} else {
			parseResponsesStream(x, &r)
		}
	default:
		r.Transport = transportJSON
		if r.API == providers.APIOpenAIChat {
			parseChatJSON(x, &r)
		} else {
			parseResponsesJSON(x, &r)
		}
	}
	return r
}

// isSSE tells an event stream from a JSON body. The body decides when it can: a JSON
// object is never a stream with events in it (relays mislabel bodies), and captures do not
// always keep headers; an empty or odd body goes by Content-Type.
func isSSE(x *providers.Exchange) bool {
	b := bytes.TrimLeft(x.Response, " \t\r\n\ufeff")
	if len(b) > 0 && b[0] == '{' {
		return false
	}
	for _, p := range []string{"data:", "event:", "id:", "retry:", ":"} {
		if bytes.HasPrefix(b, []byte(p)) {
			return true
		}
	}
	ct := header(x.ResponseHeaders, "Content-Type")
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(ct)), "text/event-stream")
}

func firstClientMessage(ms []providers.WSMessage) []byte {
	for _, m := range ms {
		if m.FromClient {
			return m.Data
		}
	}
	return nil
}

func unparsed(r *providers.Result, reason string) {
	r.Unparsed, r.Reason = true, reason
}
