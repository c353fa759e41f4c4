package api

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/rest/problem"
	"github.com/recondo/recondo/rest/query"
	"github.com/recondo/recondo/rest/table"
)

// writeJSON sends v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		problem.Write(w, nil, problem.New(data.EINTERNAL, "internal error"))
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

func (h *handlers) fail(w http.ResponseWriter, r *http.Request, err error) {
	problem.WriteError(h.log, w, r, err)
}

// params reads the URL parameters strictly (see query.Params).
func (h *handlers) params(w http.ResponseWriter, r *http.Request, allowed ...string) (map[string]string, bool) {
	ps, err := query.Params(r.URL.Query(), allowed...)
	if err != nil {
		h.fail(w, r, err)
		return nil, false
	}
	return ps, true
}

// format picks the encoding of a tabular answer: ?format= wins over Accept.
func (h *handlers) format(w http.ResponseWriter, r *http.Request, param string) (table.Format, bool) {
	if param != "" {
		f, ok := table.ParseFormat(param)
		if !ok {
			h.fail(w, r, problem.FieldErrors{{Field: "format", Message: "must be json, csv or ndjson, got " + quote(param)}})
		}
		return f, ok
	}
	f, ok := table.Negotiate(r.Header.Get("Accept"))
	if !ok {
		problem.Write(w, r, problem.New(problem.ENOTACCEPTABLE, "this answer is served as application/json, text/csv or application/x-ndjson"))
	}
	return f, ok
}

// jsonOnly refuses an Accept header that excludes JSON, for answers that have no table form.
func (h *handlers) jsonOnly(w http.ResponseWriter, r *http.Request) bool {
	if f, ok := table.Negotiate(r.Header.Get("Accept")); !ok || f != table.JSON {
		problem.Write(w, r, problem.New(problem.ENOTACCEPTABLE, "this answer is served as application/json only"))
		return false
	}
	return true
}

// pathID returns the {id} path segment, percent-decoded, after refusing what no id can be. Ids
// only ever reach the database as parameters (and never a file path: bodies are found by the
// hash stored in the turn), so "../../etc/passwd" is just an id that does not exist.
func (h *handlers) pathID(w http.ResponseWriter, r *http.Request) (string, bool) {
	raw := chi.URLParam(r, "id")
	id, err := url.PathUnescape(raw)
	if err != nil {
		id = ""
	}
	if msg := badID(id); msg != "" {
		h.fail(w, r, problem.FieldErrors{{Field: "id", Message: msg}})
		return "", false
	}
	return id, true
}

func badID(id string) string {
	switch {
	case id == "" || len(id) > 128:
		return "must be 1 to 128 characters"
	case !utf8.ValidString(id):
		return "is not valid UTF-8"
	case strings.IndexFunc(id, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0:
		return "must not contain control characters"
	}
	return ""
}

// quote repeats a client's value in a message, bounded.
func quote(s string) string {
	if len(s) > 64 {
		s = strings.ToValidUTF8(s[:64], "") + "…"
	}
	b, _ := json.Marshal(s)
	return string(b)
}
