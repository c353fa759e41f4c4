package api_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/rest/internal/resttest"
)

func TestKeysRolesAndAuditLog(t *testing.T) {
	f := resttest.New(t)
	srv := f.Serve(t, false)
	policy := `{"name":"cap","kind":"spend_cap","spec":{"usd_per_day":50}}`
	for _, c := range []struct {
		name, method, path, key, body string
		want                          int
	}{
		{"no key", "GET", "/v1/sessions", "", "", 401},
		{"garbage key", "GET", "/v1/sessions", "rcd_garbage", "", 401},
		{"revoked key", "GET", "/v1/sessions", f.Revoked, "", 401},
		{"no key on a mutation", "POST", "/v1/policies", "", policy, 401},
		{"reader reads", "GET", "/v1/sessions/s-01", f.Reader, "", 200},
		{"reader queries", "POST", "/v1/query", f.Reader, `{"resource":"turns","limit":1}`, 200},
		{"reader lists policies", "GET", "/v1/policies", f.Reader, "", 200},
		{"reader creates a policy", "POST", "/v1/policies", f.Reader, policy, 403},
		{"reader deletes a policy", "DELETE", "/v1/policies/p-1", f.Reader, "", 403},
		{"admin creates a policy", "POST", "/v1/policies", f.Admin, policy, 201},
		{"admin deletes a missing policy", "DELETE", "/v1/policies/p-missing", f.Admin, "", 404},
		{"no write route to captured data", "DELETE", "/v1/sessions/s-01", f.Admin, "", 405},
	} {
		ct := ""
		if c.body != "" {
			ct = "application/json"
		}
		res := resttest.Do(t, c.method, srv.URL+c.path, c.key, ct, c.body)
		if res.Status != c.want {
			t.Errorf("%s: status %d, want %d: %s", c.name, res.Status, c.want, res.Body)
		}
		if c.want >= 400 {
			assertProblem(t, c.name, res, c.want)
		}
		if c.want == 405 && res.Header.Get("Allow") != "GET" {
			t.Errorf("%s: Allow %q, want GET", c.name, res.Header.Get("Allow"))
		}
		if c.want == 401 && !strings.HasPrefix(res.Header.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("%s: WWW-Authenticate %q", c.name, res.Header.Get("WWW-Authenticate"))
		}
	}
	for _, path := range []string{"/healthz", "/metrics", "/v1/openapi.json"} {
		if res := resttest.Do(t, "GET", srv.URL+path, "", "", ""); res.Status != 200 {
			t.Errorf("%s without a key: %d", path, res.Status)
		}
	}

	log, err := f.API.ListAccess(context.Background(), data.AccessFilter{Surface: data.SurfaceREST, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 12 {
		t.Fatalf("audit log has %d rows, want one per authenticated request (12): %+v", len(log), log)
	}
	outcomes := map[string]int{}
	for _, e := range log {
		outcomes[e.Outcome]++
		if e.ClientAddr == "" || e.Surface != data.SurfaceREST {
			t.Errorf("entry %+v lacks an address or surface", e)
		}
	}
	if outcomes[data.OutcomeDenied] != 6 || outcomes[data.OutcomeAllowed] != 6 {
		t.Errorf("outcomes %v, want 6 denied (4 bad keys, 2 reader writes) and 6 allowed", outcomes)
	}
	// Newest first: the last requests are at the top.
	byOp := map[string]data.AccessEntry{}
	for _, e := range log {
		if _, seen := byOp[e.Operation]; !seen {
			byOp[e.Operation] = e
		}
	}
	if e := byOp["get_session"]; len(e.ResourceIDs) != 1 || e.ResourceIDs[0] != "s-01" || e.Principal != "reader" {
		t.Errorf("get_session entry %+v", e)
	}
	if e := byOp["query_turns"]; e.Outcome != data.OutcomeAllowed {
		t.Errorf("query entry %+v", e)
	}
	if e := byOp["create_policy"]; e.Outcome != data.OutcomeAllowed || e.Principal != "admin" || len(e.ResourceIDs) != 1 {
		t.Errorf("newest create_policy entry %+v", e)
	}
	if e := byOp["delete_policy"]; e.ResourceIDs[0] != "p-missing" {
		t.Errorf("delete_policy entry %+v", e)
	}
	if e := byOp["GET /v1/sessions"]; e.Outcome != data.OutcomeDenied || e.Principal != "anonymous" {
		t.Errorf("refused request entry %+v", e)
	}
}

func TestDevModeNeedsNoKeyButALoopbackHost(t *testing.T) {
	f := resttest.New(t)
	srv := f.Serve(t, true)
	if res := resttest.Do(t, "GET", srv.URL+"/v1/sessions", "", "", ""); res.Status != 200 {
		t.Fatalf("dev mode without a key: %d %s", res.Status, res.Body)
	}
	res := resttest.Do(t, "GET", srv.URL+"/v1/sessions", "", "", "", "Host", "attacker.example:8081")
	if res.Status != 403 {
		t.Fatalf("dev mode with a rebound Host: %d", res.Status)
	}
	log, err := f.API.ListAccess(context.Background(), data.AccessFilter{Surface: data.SurfaceREST, Limit: 10})
	if err != nil || len(log) != 2 || log[0].Outcome != data.OutcomeDenied || log[0].Principal != "dev" {
		t.Fatalf("audit log %+v, %v: want the refusal recorded", log, err)
	}
}

// assertProblem checks an error response is an RFC 9457 problem with the status.
func assertProblem(t *testing.T, name string, res resttest.Response, status int) {
	t.Helper()
	if ct := res.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("%s: content type %q, want application/problem+json", name, ct)
		return
	}
	var p struct {
		Type   string `json:"type"`
		Title  string `json:"title"`
		Status int    `json:"status"`
		Code   string `json:"code"`
	}
	if err := json.Unmarshal(res.Body, &p); err != nil || p.Status != status || !strings.HasPrefix(p.Type, "tag:recondo.dev,2026:problem/") || p.Title == "" || p.Code == "" {
		t.Errorf("%s: problem %s (%v)", name, res.Body, err)
	}
}
