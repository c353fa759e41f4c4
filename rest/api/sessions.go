package api

import (
	"net/http"
	"strconv"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/access"
	"github.com/recondo/recondo/rest/problem"
	"github.com/recondo/recondo/rest/query"
	"github.com/recondo/recondo/rest/table"
)

// listSessions: GET /v1/sessions. JSON is the domain's SessionPage (as on every surface); CSV and
// NDJSON are the query language's sessions table.
func (h *handlers) listSessions(w http.ResponseWriter, r *http.Request) {
	access.Operation(r.Context(), "list_sessions")
	p, err := query.PlanFromParams(query.Sessions, r.URL.Query(), "format")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f, ok := h.format(w, r, r.URL.Query().Get("format"))
	if !ok {
		return
	}
	page, err := h.api.ListSessions(r.Context(), p.SessionFilter(), data.ReadOptions{})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if f == table.JSON && len(p.Fields) == 0 {
		writeJSON(w, http.StatusOK, page)
		return
	}
	if err := table.Write(w, f, query.SessionTable(page, p.Fields)); err != nil {
		h.log.Error("write sessions", "err", err)
	}
}

// getSession: GET /v1/sessions/{id}.
func (h *handlers) getSession(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	access.Operation(r.Context(), "get_session", id)
	if _, ok := h.params(w, r); !ok || !h.jsonOnly(w, r) {
		return
	}
	s, err := h.api.GetSession(r.Context(), id, data.ReadOptions{})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, s)
}

// sessionTurns is a page of one session's turns; NextAfterSeq continues it.
type sessionTurns struct {
	Turns        []data.Turn `json:"turns"`
	NextAfterSeq int64       `json:"next_after_seq,omitempty"`
}

// listSessionTurns: GET /v1/sessions/{id}/turns, in sequence order.
func (h *handlers) listSessionTurns(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	access.Operation(r.Context(), "list_session_turns", id)
	ps, ok := h.params(w, r, "after_seq", "limit")
	if !ok || !h.jsonOnly(w, r) {
		return
	}
	f := data.TurnFilter{SessionID: id}
	var errs problem.FieldErrors
	if s, has := ps["after_seq"]; has {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			errs = append(errs, problem.FieldError{Field: "after_seq", Message: "must be a non-negative integer"})
		}
		f.AfterSeq = n
	}
	if s, has := ps["limit"]; has {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > data.MaxLimit {
			errs = append(errs, problem.FieldError{Field: "limit", Message: "must be an integer between 1 and " + strconv.Itoa(data.MaxLimit)})
		}
		f.Limit = n
	}
	if len(errs) > 0 {
		h.fail(w, r, errs)
		return
	}
	if _, err := h.api.GetSession(r.Context(), id, data.ReadOptions{}); err != nil {
		h.fail(w, r, err) // an unknown session is a 404, not an empty list
		return
	}
	turns, err := h.api.ListTurns(r.Context(), f, data.ReadOptions{})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := sessionTurns{Turns: turns}
	if out.Turns == nil {
		out.Turns = []data.Turn{}
	}
	limit := f.Limit
	if limit == 0 {
		limit = data.DefaultLimit
	}
	if len(turns) == limit {
		out.NextAfterSeq = turns[len(turns)-1].Seq
	}
	writeJSON(w, http.StatusOK, out)
}
