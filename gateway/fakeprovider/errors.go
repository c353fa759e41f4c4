package fakeprovider

import "net/http"

// errStyle is whose error body shape to use: clients branch on these shapes (Claude Code on
// error.type, Codex on error.code, Gemini CLI on error.status), so each provider's own is used.
type errStyle int

const (
	styleOpenAI errStyle = iota
	styleAnthropic
	styleGoogle
)

// The fault bodies copy what the providers send for these statuses.
func (st errStyle) fault(s *Server, w *recorder, rq *request) {
	status := rq.faults.status
	var msg string
	switch {
	case st == styleAnthropic && status == 529:
		msg = "Overloaded"
	case st == styleAnthropic:
		msg = "This request would exceed your organization's rate limit. Please try again later."
	case st == styleOpenAI && status == 529:
		msg = "The server is overloaded. Please try again later."
	case st == styleOpenAI:
		msg = "Rate limit reached for requests. Please try again in 1s."
	case status == 529:
		msg = "The model is overloaded. Please try again later."
	default:
		msg = "Resource has been exhausted (e.g. check quota)."
	}
	w.Header().Set("Retry-After", "1")
	if st == styleAnthropic {
		w.Header().Set("X-Should-Retry", "true")
	}
	st.fail(s, w, status, msg)
}

func (st errStyle) fail(s *Server, w http.ResponseWriter, status int, msg string) {
	switch st {
	case styleAnthropic:
		id := s.ids.anthropicReq()
		w.Header().Set("Request-Id", id)
		writeJSON(w, status, mustJSON(anthropicError{
			Type: "error", Error: anthropicErrorBody{Type: anthropicErrType(status), Message: msg}, RequestID: id,
		}))
	case styleGoogle:
		w.Header().Set("Content-Type", "application/json; charset=UTF-8")
		writeJSON(w, status, prettyJSON(map[string]any{"error": googleErrorBody{Code: status, Message: msg, Status: googleStatus(status)}}))
	default:
		w.Header().Set("X-Request-Id", s.ids.openaiReq())
		typ, code := openaiErrType(status)
		writeJSON(w, status, prettyJSON(map[string]any{"error": openaiErrorBody{Message: msg, Type: typ, Param: nil, Code: code}}))
	}
}

type anthropicError struct {
	Type      string             `json:"type"`
	Error     anthropicErrorBody `json:"error"`
	RequestID string             `json:"request_id"`
}

type anthropicErrorBody struct {
	Type    string `json:"type"`
	Message string `json:"message"`
}

type openaiErrorBody struct {
	Message string  `json:"message"`
	Type    string  `json:"type"`
	Param   *string `json:"param"`
	Code    *string `json:"code"`
}

type googleErrorBody struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Status  string `json:"status"`
}

func anthropicErrType(status int) string {
	switch status {
	case http.StatusNotFound:
		return "not_found_error"
	case http.StatusRequestEntityTooLarge:
		return "request_too_large"
	case http.StatusTooManyRequests:
		return "rate_limit_error"
	case 529:
		return "overloaded_error"
	}
	if status >= 500 {
		return "api_error"
	}
	return "invalid_request_error"
}

func openaiErrType(status int) (string, *string) {
	code := func(s string) *string { return &s }
	switch {
	case status == http.StatusNotFound:
		return "invalid_request_error", code("unknown_url")
	case status == http.StatusTooManyRequests:
		return "requests", code("rate_limit_exceeded")
	case status >= 500:
		return "server_error", code("overloaded")
	}
	return "invalid_request_error", nil
}

func googleStatus(status int) string {
	switch {
	case status == http.StatusNotFound:
		return "NOT_FOUND"
	case status == http.StatusTooManyRequests:
		return "RESOURCE_EXHAUSTED"
	case status == http.StatusServiceUnavailable, status == 529:
		return "UNAVAILABLE"
	case status >= 500:
		return "INTERNAL"
	}
	return "INVALID_ARGUMENT"
}
