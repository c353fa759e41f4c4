package anthropic

import (
	"encoding/json"

	"github.com/recondo/recondo/gateway/providers"
	"github.com/recondo/recondo/gateway/providers/internal/wire"
)

// errorBody is Anthropic's error envelope, in HTTP bodies and SSE error events alike.
type errorBody struct {
	Type  string `json:"type"`
	Error *struct {
		Type    string `json:"type"`
		Message string `json:"message"`
	} `json:"error"`
	RequestID string `json:"request_id"`
}

// decodeError reads an error envelope; ok is false when body is not one.
func decodeError(body []byte) (e errorBody, ok bool) {
	if json.Unmarshal(body, &e) != nil || e.Error == nil {
		return e, false
	}
	return e, true
}

// httpErrorType is the Error.Type of an error body that is not Anthropic's envelope (a proxy's
// HTML page, an empty 502): the status says what happened, the snippet shows the body.
const httpErrorType = "http_error"

// parseHTTPError fills r from an error response body. No usage was spent on a request the API
// refused, so the (empty) usage is final.
func parseHTTPError(r *providers.Result, status int, body []byte) {
	r.Transport, r.Streaming = "http-json", false
	r.StopReasonNormalized = providers.StopError
	r.UsageIsFinal = true
	e, ok := decodeError(body)
	if !ok {
		r.Error = &providers.Error{Type: httpErrorType, Message: wire.Snippet(body), HTTPStatus: status, Source: wire.SourceHTTPBody}
		return
	}
	r.Error = &providers.Error{Type: e.Error.Type, Message: e.Error.Message, HTTPStatus: status, Source: wire.SourceHTTPBody}
	if r.RequestID == "" {
		r.RequestID = e.RequestID
	}
}
