package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/httpserve"
	"github.com/recondo/recondo/mcp/tools"
)

// httpRig is a real HTTP server (with httpserve's hygiene) over seeded data, and two keys.
type httpRig struct {
	url           string
	api           *data.API
	admin, reader string
}

func newHTTPRig(t *testing.T, opt HTTPOptions) *httpRig {
	t.Helper()
	api := openAPI(t, seed(t))
	ctx := context.Background()
	admin, err := api.CreateKey(ctx, "ops", data.RoleAdmin, "")
	if err != nil {
		t.Fatal(err)
	}
	reader, err := api.CreateKey(ctx, "analyst", data.RoleReader, "")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpserve.Handler(httpserve.Config{Name: data.SurfaceMCP, Handler: HTTPHandler(api, opt)}))
	t.Cleanup(srv.Close)
	return &httpRig{url: srv.URL + Endpoint, api: api, admin: admin.Secret, reader: reader.Secret}
}

func (r *httpRig) connect(t *testing.T, secret string) *client.Client {
	t.Helper()
	c, err := client.NewStreamableHttpClient(r.url, transport.WithHTTPHeaders(map[string]string{"Authorization": "Bearer " + secret}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	ctx := context.Background()
	if err := c.Start(ctx); err != nil {
		t.Fatal(err)
	}
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = mcp.LATEST_PROTOCOL_VERSION
	init.Params.ClientInfo = mcp.Implementation{Name: "test", Version: "0"}
	if _, err := c.Initialize(ctx, init); err != nil {
		t.Fatal(err)
	}
	return c
}

const initBody = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"curl","version":"0"}}}`

func post(t *testing.T, url, secret, origin string) int {
	t.Helper()
	req, _ := http.NewRequest("POST", url, strings.NewReader(initBody))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	if secret != "" {
		req.Header.Set("Authorization", "Bearer "+secret)
	}
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestHTTPNeedsKeyAndLocalOrigin(t *testing.T) {
	r := newHTTPRig(t, HTTPOptions{AllowedOrigins: []string{"https://recondo.example.com"}})
	cases := []struct {
		name, secret, origin string
		want                 int
	}{
		{"no key", "", "", http.StatusUnauthorized},
		{"bad key", "rcd_nope", "", http.StatusUnauthorized},
		{"key, no origin", r.reader, "", http.StatusOK},
		{"key, loopback origin", r.reader, "http://localhost:6274", http.StatusOK},
		{"key, allowed origin", r.reader, "https://recondo.example.com", http.StatusOK},
		{"key, foreign origin", r.reader, "https://evil.example", http.StatusForbidden},
		{"no key, foreign origin", "", "http://127.0.0.1.evil.example", http.StatusForbidden},
	}
	for _, tc := range cases {
		if got := post(t, r.url, tc.secret, tc.origin); got != tc.want {
			t.Errorf("%s: status %d, want %d", tc.name, got, tc.want)
		}
	}
	entries, err := r.api.ListAccess(context.Background(), data.AccessFilter{})
	if err != nil {
		t.Fatal(err)
	}
	denied := 0
	for _, e := range entries {
		if e.Surface == data.SurfaceMCP && e.Outcome == data.OutcomeDenied {
			denied++
		}
	}
	if denied != 4 {
		t.Errorf("%d denied entries in the audit log, want 4", denied)
	}
}

func TestHTTPToolCallsUseKeyRoleAndAudit(t *testing.T) {
	r := newHTTPRig(t, HTTPOptions{Options: Options{Flags: tools.Flags{AllowActions: true}}})
	reader := r.connect(t, r.reader)
	callJSON(t, reader, "recondo_get_session", map[string]any{"id": "s-04"}, nil)
	text, isErr, err := call(t, reader, "recondo_create_policy", map[string]any{"name": "x", "kind": "block", "spec": map[string]any{}})
	if err != nil || !isErr || !strings.HasPrefix(text, data.EFORBIDDEN) {
		t.Errorf("reader create_policy = %q (error result %v, err %v), want forbidden", text, isErr, err)
	}
	admin := r.connect(t, r.admin)
	callJSON(t, admin, "recondo_create_policy", map[string]any{"name": "x", "kind": "block", "spec": map[string]any{}}, nil)
	if _, _, err := call(t, admin, "recondo_delete_policy", map[string]any{"id": "x"}); err == nil {
		t.Error("recondo_delete_policy callable without --allow-destructive")
	}

	entries, err := r.api.ListAccess(context.Background(), data.AccessFilter{})
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]string{}
	for _, e := range entries {
		if e.Surface == data.SurfaceMCP && strings.HasPrefix(e.Operation, "recondo_") {
			found[e.Principal+" "+e.Operation] = e.Outcome
		}
	}
	want := map[string]string{
		"analyst recondo_get_session":   data.OutcomeAllowed,
		"analyst recondo_create_policy": data.OutcomeDenied,
		"ops recondo_create_policy":     data.OutcomeAllowed,
	}
	for k, v := range want {
		if found[k] != v {
			t.Errorf("audit %q = %q, want %q (all: %v)", k, found[k], v, found)
		}
	}
}
