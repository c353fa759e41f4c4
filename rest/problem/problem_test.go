package problem

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/recondo/recondo/data"
)

func TestWriteIsRFC9457(t *testing.T) {
	rr := httptest.NewRecorder()
	r := httptest.NewRequest("POST", "/v1/query", nil)
	Write(rr, r, New(data.EINVALID, "filters.modle: unknown field", FieldError{Field: "filters.modle", Message: "unknown field"}))
	if got, want := rr.Code, 400; got != want {
		t.Fatalf("status %d, want %d", got, want)
	}
	if got, want := rr.Header().Get("Content-Type"), "application/problem+json"; got != want {
		t.Fatalf("content type %q, want %q", got, want)
	}
	var p map[string]any
	if err := json.Unmarshal(rr.Body.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]any{"type": "tag:recondo.dev,2026:problem/invalid", "title": "Invalid request", "status": 400.0,
		"instance": "/v1/query", "code": "invalid", "detail": "filters.modle: unknown field"} {
		if p[key] != want {
			t.Errorf("%s = %v, want %v", key, p[key], want)
		}
	}
	errs, _ := p["errors"].([]any)
	if len(errs) != 1 || errs[0].(map[string]any)["field"] != "filters.modle" {
		t.Errorf("errors = %v", p["errors"])
	}
}

func TestFromErrorMapsCodesAndHidesInternals(t *testing.T) {
	log := slog.New(slog.DiscardHandler)
	r := httptest.NewRequest("GET", "/v1/sessions/x", nil)
	for _, c := range []struct {
		err        error
		status     int
		detail     string
		fieldCount int
	}{
		{data.Errorf(data.ENOTFOUND, "session x not found"), 404, "session x not found", 0},
		{data.Errorf(data.EINVALID, "limit must be between 1 and 500"), 400, "limit must be between 1 and 500", 0},
		{data.Errorf(data.EUNAUTHORIZED, "invalid or revoked API key"), 401, "invalid or revoked API key", 0},
		{data.Errorf(data.EFORBIDDEN, "admin only"), 403, "admin only", 0},
		{data.Errorf(data.ECONFLICT, "exists"), 409, "exists", 0},
		{data.Errorf(data.EUNAVAILABLE, "database down"), 503, "database down", 0},
		{fmt.Errorf("sqlite: disk I/O error at /var/secret"), 500, "internal error", 0},
		{&http.MaxBytesError{Limit: 1 << 20}, 413, "the request body is larger than the limit of 1048576 bytes", 0},
		{FieldErrors{{"limit", "must be at most 500"}, {"filters.from", "bad time"}}, 400, "the request is invalid: see errors", 2},
		{fmt.Errorf("wrapped: %w", FieldErrors{{"limit", "must be at most 500"}}), 400, "limit: must be at most 500", 1},
	} {
		p := FromError(log, r, c.err)
		if p.Status != c.status || p.Detail != c.detail || len(p.Errors) != c.fieldCount {
			t.Errorf("%v: got %d %q %d fields, want %d %q %d", c.err, p.Status, p.Detail, len(p.Errors), c.status, c.detail, c.fieldCount)
		}
	}
}

func TestEveryCodeHasAStatus(t *testing.T) {
	for _, c := range Codes() {
		if s := Status(c); s < 400 || s > 599 {
			t.Errorf("%s: status %d", c, s)
		}
	}
	if got := Status("no-such-code"); got != 500 {
		t.Errorf("unknown code: status %d, want 500", got)
	}
	if !errors.As(error(FieldErrors{}), new(FieldErrors)) {
		t.Error("FieldErrors is not an error")
	}
}
