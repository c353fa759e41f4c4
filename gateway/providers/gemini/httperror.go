package gemini

import (
	"encoding/json"

	"github.com/recondo/recondo/gateway/providers"
	"github.com/recondo/recondo/gateway/providers/internal/wire"
)

// httpErrorType is Error.Type when the body gives no status (or is not Google's error shape).
const httpErrorType = "http_error"

func errorType(e *apiError) string {
	if e.Status != "" {
		return e.Status
	}
	return httpErrorType
}

// sourceFor is the error source for errors found in r's response body.
func sourceFor(r *providers.Result) string {
	if r.Transport == "http-sse" {
		return wire.SourceSSEEvent
	}
	return wire.SourceHTTPBody
}

// parseHTTPError fills r from an error body: {"error": {code, message, status}}, or that object
// inside an array (a streamGenerateContent call without alt=sse). Nothing was generated, so the
// empty usage is final.
func parseHTTPError(r *providers.Result, status int, body []byte) {
	r.Transport, r.Streaming = "http-json", false
	r.StopReasonNormalized = providers.StopError
	r.UsageIsFinal = true
	var one struct {
		Error *apiError `json:"error"`
	}
	var many []struct {
		Error *apiError `json:"error"`
	}
	var e *apiError
	if json.Unmarshal(body, &one) == nil && one.Error != nil {
		e = one.Error
	} else if json.Unmarshal(body, &many) == nil && len(many) > 0 && many[0].Error != nil {
		e = many[0].Error
	}
	if e == nil {
		r.Error = &providers.Error{Type: httpErrorType, Message: wire.Snippet(body), HTTPStatus: status, Source: wire.SourceHTTPBody}
		return
	}
	r.Error = &providers.Error{Type: errorType(e), Message: e.Message, HTTPStatus: status, Source: wire.SourceHTTPBody}
}
