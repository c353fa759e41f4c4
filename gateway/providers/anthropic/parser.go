package anthropic

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/recondo/recondo/gateway/providers"
	"github.com/recondo/recondo/gateway/providers/internal/wire"
)

// Host is the Anthropic API host this parser claims.
const Host = "api.anthropic.com"

const (
	pathMessages    = "/v1/messages"
	pathCountTokens = "/v1/messages/count_tokens"
)

type parser struct{}

// New returns the Anthropic Messages parser.
func New() providers.Parser { return parser{} }

// Match claims POST /v1/messages and /v1/messages/count_tokens on api.anthropic.com, with any
// query (Claude Code adds ?beta=true). Other Messages paths (batches, models) are not generations.
func (parser) Match(x *providers.Exchange) bool {
	if x == nil || x.WebSocket || !strings.EqualFold(x.Host, Host) {
		return false
	}
	switch strings.TrimSuffix(wire.PathOnly(x.Path), "/") {
	case pathMessages, pathCountTokens:
		return true
	}
	return false
}

// Parse reads one exchange. It branches on the response, not on the request's stream flag: a
// streaming request that failed before streaming answers with a JSON error body.
func (parser) Parse(x *providers.Exchange) providers.Result {
	r := providers.Result{Provider: "anthropic", API: providers.APIAnthropicMessages}
	if x == nil {
		r.Unparsed, r.Reason = true, "no exchange"
		return r
	}
	// Relays may mount the API under a prefix (/anthropic/v1/messages), so look at the suffix.
	countTokens := strings.HasSuffix(strings.TrimSuffix(wire.PathOnly(x.Path), "/"), "/count_tokens")
	if countTokens {
		r.API = providers.APIAnthropicCountTokens
	}
	r.RequestID = x.ResponseHeaders.Get("Request-Id")
	if r.RequestID == "" {
		r.RequestID = x.ResponseHeaders.Get("X-Request-Id")
	}
	r.Client, r.ClientVersion = client(x.RequestHeaders)
	model, info, reqErr := parseRequest(x.Request)
	r.RequestModel, r.Request = model, info
	r.SessionID, r.SessionIDSource = sessionID(x.RequestHeaders, info.MetadataUserID)

	switch body := x.Response; {
	case x.Status != 0 && (x.Status < 200 || x.Status > 299):
		parseHTTPError(&r, x.Status, body)
	case countTokens:
		parseCountTokens(&r, x.Status, body)
	case wire.IsJSONBody(body):
		r.Transport = "http-json"
		if e, ok := decodeError(body); ok && e.Type == "error" {
			parseHTTPError(&r, x.Status, body)
		} else {
			parseMessage(&r, body)
		}
	default:
		r.Transport, r.Streaming = "http-sse", true
		parseStream(&r, x.Status, body)
	}
	if reqErr != nil && !r.Unparsed {
		r.Unparsed, r.Reason = true, reqErr.Error()
	}
	return r
}

// parseCountTokens reads {"input_tokens": N}. Counting is free, so N goes to CountedInputTokens
// and never into billed usage; the model is the one the request named.
func parseCountTokens(r *providers.Result, status int, body []byte) {
	r.Transport = "http-json"
	var c struct {
		InputTokens *int64 `json:"input_tokens"`
	}
	if json.Unmarshal(body, &c) != nil || c.InputTokens == nil {
		if _, ok := decodeError(body); ok {
			parseHTTPError(r, status, body)
			return
		}
		r.Unparsed, r.Reason = true, "count_tokens response without input_tokens"
		return
	}
	r.Model = r.RequestModel
	r.CountedInputTokens = c.InputTokens
	r.UsageNative = json.RawMessage(bytes.TrimSpace(body))
	r.Complete, r.UsageIsFinal = true, true
}
