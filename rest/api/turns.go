package api

import (
	"net/http"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/access"
)

// getTurn: GET /v1/turns/{id}: the turn with its tool calls and texts, masked; no bodies.
func (h *handlers) getTurn(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	access.Operation(r.Context(), "get_turn", id)
	if _, ok := h.params(w, r); !ok || !h.jsonOnly(w, r) {
		return
	}
	d, err := h.api.GetTurn(r.Context(), id, data.TurnOptions{})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if d.ToolCalls == nil {
		d.ToolCalls = []data.ToolCall{}
	}
	if d.Texts == nil {
		d.Texts = []data.TurnText{}
	}
	writeJSON(w, http.StatusOK, d)
}

// getTurnBody: GET /v1/turns/{id}/request and /response: one body, content-decoded, masked and
// cut at data.MaxBodyBytes (see data.Body). The object is found by the hash stored in the turn,
// never by anything in the URL.
func (h *handlers) getTurnBody(which string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, ok := h.pathID(w, r)
		if !ok {
			return
		}
		access.Operation(r.Context(), "get_turn_"+which, id)
		if _, ok := h.params(w, r); !ok || !h.jsonOnly(w, r) {
			return
		}
		d, err := h.api.GetTurn(r.Context(), id, data.TurnOptions{Bodies: true})
		if err != nil {
			h.fail(w, r, err)
			return
		}
		body := d.Request
		if which == "response" {
			body = d.Response
		}
		writeJSON(w, http.StatusOK, body)
	}
}
