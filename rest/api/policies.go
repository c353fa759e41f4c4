package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/access"
	"github.com/recondo/recondo/rest/problem"
)

// maxPolicyBytes bounds a policy document.
const maxPolicyBytes = 64 << 10

// policyInput is the body of POST /v1/policies.
type policyInput struct {
	Name    string          `json:"name"`
	Kind    string          `json:"kind"`
	Spec    json.RawMessage `json:"spec"`
	Enabled *bool           `json:"enabled"`
}

type policyList struct {
	Policies []data.Policy `json:"policies"`
}

// listPolicies: GET /v1/policies (any key).
func (h *handlers) listPolicies(w http.ResponseWriter, r *http.Request) {
	access.Operation(r.Context(), "list_policies")
	if _, ok := h.params(w, r); !ok || !h.jsonOnly(w, r) {
		return
	}
	ps, err := h.api.ListPolicies(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if ps == nil {
		ps = []data.Policy{}
	}
	writeJSON(w, http.StatusOK, policyList{Policies: ps})
}

// createPolicy: POST /v1/policies (admin keys only): a governance write, never captured data.
func (h *handlers) createPolicy(w http.ResponseWriter, r *http.Request) {
	access.Operation(r.Context(), "create_policy")
	if !requireAdmin(w, r) {
		return
	}
	if _, ok := h.params(w, r); !ok || !h.jsonBody(w, r, maxPolicyBytes) {
		return
	}
	in, err := decodePolicy(r.Body)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	enabled := in.Enabled == nil || *in.Enabled
	p, err := h.api.CreatePolicy(r.Context(), data.PolicyInput{Name: in.Name, Kind: in.Kind, Spec: string(in.Spec), Enabled: enabled})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	access.Operation(r.Context(), "create_policy", p.ID)
	w.Header().Set("Location", "/v1/policies/"+p.ID)
	writeJSON(w, http.StatusCreated, p)
}

// deletePolicy: DELETE /v1/policies/{id} (admin keys only).
func (h *handlers) deletePolicy(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	access.Operation(r.Context(), "delete_policy", id)
	if !requireAdmin(w, r) {
		return
	}
	if _, ok := h.params(w, r); !ok {
		return
	}
	if err := h.api.DeletePolicy(r.Context(), id); err != nil {
		h.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// decodePolicy reads a policy strictly; errors name the field.
func decodePolicy(body io.Reader) (policyInput, error) {
	raw, err := io.ReadAll(io.LimitReader(body, maxPolicyBytes+1))
	if err != nil {
		return policyInput{}, err
	}
	if len(raw) > maxPolicyBytes {
		return policyInput{}, &http.MaxBytesError{Limit: maxPolicyBytes}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var in policyInput
	err = dec.Decode(&in)
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &typeErr):
		return in, problem.FieldErrors{{Field: typeErr.Field, Message: "must be " + article(typeErr.Type.String()) + ", got " + typeErr.Value}}
	case err != nil && strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return in, problem.FieldErrors{{Field: field, Message: "unknown field (fields: name, kind, spec, enabled)"}}
	case err != nil:
		return in, problem.FieldErrors{{Field: "", Message: "malformed JSON: " + err.Error()}}
	case dec.More():
		return in, problem.FieldErrors{{Field: "", Message: "unexpected data after the policy document"}}
	}
	var errs problem.FieldErrors
	if strings.TrimSpace(in.Name) == "" {
		errs = append(errs, problem.FieldError{Field: "name", Message: "is required"})
	}
	if in.Kind == "" {
		errs = append(errs, problem.FieldError{Field: "kind", Message: "is required (e.g. spend_cap)"})
	}
	if t := bytes.TrimSpace(in.Spec); len(t) == 0 || t[0] != '{' {
		errs = append(errs, problem.FieldError{Field: "spec", Message: "must be a JSON object"})
	}
	if len(errs) > 0 {
		return in, errs
	}
	return in, nil
}

func article(goType string) string {
	switch goType {
	case "string":
		return "a string"
	case "bool", "*bool":
		return "a boolean"
	}
	return "a " + goType
}
