package access_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/access"
	"github.com/recondo/recondo/data/sqlite"
)

func newAPI(t *testing.T) *data.API {
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "recondo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return data.NewAPI(store, nil)
}

func TestMiddlewareAuthenticatesAndAuditsEveryRequest(t *testing.T) {
	api := newAPI(t)
	ctx := context.Background()
	reader, _ := api.CreateKey(ctx, "reader", data.RoleReader, "")
	revoked, _ := api.CreateKey(ctx, "old", data.RoleAdmin, "")
	api.RevokeKey(ctx, revoked.Key.ID)
	h := access.Middleware(access.Config{API: api, Surface: data.SurfaceREST,
		Deny: func(w http.ResponseWriter, _ *http.Request, code, msg string) {
			http.Error(w, code+": "+msg, http.StatusUnauthorized)
		},
	}, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, _ := access.From(r.Context())
		access.Operation(r.Context(), "get_session", "s-1")
		if !p.CanChangeGovernance() && r.Method == http.MethodPost {
			access.Denied(r.Context(), "reader cannot mutate")
			http.Error(w, "forbidden", http.StatusForbidden)
		}
	}))
	for _, c := range []struct {
		name, method, auth string
		want               int
	}{
		{"no key", "GET", "", 401},
		{"garbage key", "GET", "Bearer nope", 401},
		{"revoked key", "GET", "Bearer " + revoked.Secret, 401},
		{"reader reads", "GET", "Bearer " + reader.Secret, 200},
		{"reader mutates", "POST", "Bearer " + reader.Secret, 403},
	} {
		req := httptest.NewRequest(c.method, "/v1/sessions/s-1", nil)
		if c.auth != "" {
			req.Header.Set("Authorization", c.auth)
		}
		rr := httptest.NewRecorder()
		h.ServeHTTP(rr, req)
		if rr.Code != c.want {
			t.Errorf("%s: status %d, want %d", c.name, rr.Code, c.want)
		}
	}
	log, err := api.ListAccess(ctx, data.AccessFilter{Surface: data.SurfaceREST, Limit: 50})
	if err != nil || len(log) != 5 {
		t.Fatalf("audit log has %d entries (%v), want one per request", len(log), err)
	}
	denied, allowed := 0, 0
	for _, e := range log {
		if e.Outcome == data.OutcomeDenied {
			denied++
		} else if e.Operation == "get_session" && e.ResourceIDs[0] == "s-1" && e.KeyID == reader.Key.ID && e.ClientAddr != "" {
			allowed++
		}
	}
	if denied != 4 || allowed != 1 {
		t.Fatalf("denied %d allowed %d: %+v", denied, allowed, log)
	}
}

func TestDevModeNeedsNoKey(t *testing.T) {
	api := newAPI(t)
	h := access.Middleware(access.Config{API: api, Surface: data.SurfaceGraphQL, Dev: true}, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p, _ := access.From(r.Context()); !p.Dev || !p.CanChangeGovernance() {
			t.Errorf("principal %+v", p)
		}
	}))
	rr := httptest.NewRecorder()
	h.ServeHTTP(rr, httptest.NewRequest("GET", "/", nil))
	if rr.Code != 200 {
		t.Fatalf("status %d", rr.Code)
	}
}
