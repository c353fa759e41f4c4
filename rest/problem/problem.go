package problem

import (
	"encoding/json"
	"net/http"
)

// ContentType is the media type of every error response.
const ContentType = "application/problem+json"

// Problem is an RFC 9457 problem details object. Code repeats the data module's error code (the
// last segment of Type) so scripts can switch on it without parsing a URI.
type Problem struct {
	Type     string       `json:"type"`
	Title    string       `json:"title"`
	Status   int          `json:"status"`
	Detail   string       `json:"detail,omitempty"`
	Instance string       `json:"instance,omitempty"`
	Code     string       `json:"code"`
	Errors   []FieldError `json:"errors,omitempty"`
}

// FieldError names one offending input: a dotted path into the JSON body ("filters.from",
// "group_by[1]") or a URL parameter name, and what is wrong with it.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// New returns the problem for a code (an EXXX code of package data or one of this package's own)
// with a caller-safe detail.
func New(code, detail string, fields ...FieldError) Problem {
	k := kindOf(code)
	return Problem{Type: TypeURI(code), Title: k.title, Status: k.status, Detail: detail, Code: code, Errors: fields}
}

// Write sends p as the response; Instance defaults to the request's path.
func Write(w http.ResponseWriter, r *http.Request, p Problem) {
	if p.Instance == "" && r != nil {
		p.Instance = r.URL.EscapedPath()
	}
	b, err := json.Marshal(p)
	if err != nil { // cannot happen: every field is a string, an int or a slice of strings
		b = []byte(`{"type":"about:blank","title":"Internal Server Error","status":500}`)
		p.Status = http.StatusInternalServerError
	}
	h := w.Header()
	h.Set("Content-Type", ContentType)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Del("Content-Length")
	w.WriteHeader(p.Status)
	_, _ = w.Write(append(b, '\n'))
}
