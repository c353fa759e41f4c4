package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/httpserve"
	"github.com/recondo/recondo/data/objects"
	"github.com/recondo/recondo/data/postgres"
	"github.com/recondo/recondo/data/sqlite"
	"github.com/recondo/recondo/graphql/internal/fixture"
	"github.com/recondo/recondo/graphql/server"
)

// rig is a real HTTP server (with httpserve's hygiene) over a seeded SQLite database.
type rig struct {
	url    string
	api    *data.API
	store  *countingStore
	admin  string // secrets
	reader string
}

func newRig(t *testing.T, shape fixture.Shape, opts server.Options) *rig {
	return newRigOn(t, "sqlite", shape, opts)
}

// newRigOn is newRig on the named engine ("sqlite" or "postgres").
func newRigOn(t *testing.T, engineName string, shape fixture.Shape, opts server.Options) *rig {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	var engine data.Store
	var err error
	if engineName == "postgres" {
		url := newPostgresDatabase(t)
		if err = fixture.SeedPostgres(ctx, url, dir, shape); err == nil {
			engine, err = postgres.Open(ctx, url)
		}
	} else if err = fixture.Seed(ctx, dir, shape); err == nil {
		engine, err = sqlite.Open(ctx, dir+"/recondo.db")
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { engine.Close() })
	store := &countingStore{Store: engine, calls: map[string]int{}}
	api := data.NewAPI(store, objects.NewFS(dir))
	admin, err := api.CreateKey(ctx, "ops", data.RoleAdmin, "")
	if err != nil {
		t.Fatal(err)
	}
	reader, err := api.CreateKey(ctx, "analyst", data.RoleReader, "platform")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpserve.Handler(httpserve.Config{Name: "graphql", Handler: server.New(api, opts)}))
	t.Cleanup(srv.Close)
	return &rig{url: srv.URL, api: api, store: store, admin: admin.Secret, reader: reader.Secret}
}

// gqlError is one error of a GraphQL response.
type gqlError struct {
	Message    string `json:"message"`
	Path       []any  `json:"path"`
	Extensions struct {
		Code string `json:"code"`
	} `json:"extensions"`
}

type gqlResponse struct {
	Status int
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

// do posts a GraphQL request with key ("" = none) and decodes the answer into out (may be nil).
func (r *rig) do(t *testing.T, key, query string, vars map[string]any, out any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, r.url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	got := gqlResponse{Status: res.StatusCode}
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("status %d, body not JSON: %s", res.StatusCode, raw)
	}
	if out != nil && got.Data != nil && string(got.Data) != "null" {
		if err := json.Unmarshal(got.Data, out); err != nil {
			t.Fatalf("decode data: %v\n%s", err, got.Data)
		}
	}
	return got
}

// ok is do that fails the test on any error.
func (r *rig) ok(t *testing.T, key, query string, vars map[string]any, out any) {
	t.Helper()
	if res := r.do(t, key, query, vars, out); res.Status != http.StatusOK || len(res.Errors) > 0 {
		t.Fatalf("status %d, errors %+v", res.Status, res.Errors)
	}
}

// countingStore counts the engine calls of the read side: each is one SQL statement (or a few,
// fixed in number), so the count bounds the database work of a request.
type countingStore struct {
	data.Store
	mu    sync.Mutex
	calls map[string]int
}

func (c *countingStore) count(name string) {
	c.mu.Lock()
	c.calls[name]++
	c.mu.Unlock()
}

// reset returns the calls so far and starts again.
func (c *countingStore) reset() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.calls
	c.calls = map[string]int{}
	return out
}

func (c *countingStore) ListSessions(ctx context.Context, f data.SessionFilter) (data.SessionPage, error) {
	c.count("ListSessions")
	return c.Store.ListSessions(ctx, f)
}

func (c *countingStore) GetSession(ctx context.Context, id string) (data.Session, error) {
	c.count("GetSession")
	return c.Store.GetSession(ctx, id)
}

func (c *countingStore) GetSessions(ctx context.Context, ids []string) ([]data.Session, error) {
	c.count("GetSessions")
	return c.Store.GetSessions(ctx, ids)
}

func (c *countingStore) ListTurns(ctx context.Context, f data.TurnFilter) ([]data.Turn, error) {
	c.count("ListTurns")
	return c.Store.ListTurns(ctx, f)
}

func (c *countingStore) ListTurnsOfSessions(ctx context.Context, ids []string) ([]data.Turn, error) {
	c.count("ListTurnsOfSessions")
	return c.Store.ListTurnsOfSessions(ctx, ids)
}

func (c *countingStore) GetTurn(ctx context.Context, id string) (data.Turn, error) {
	c.count("GetTurn")
	return c.Store.GetTurn(ctx, id)
}

func (c *countingStore) ListToolCalls(ctx context.Context, ids []string) ([]data.ToolCall, error) {
	c.count("ListToolCalls")
	return c.Store.ListToolCalls(ctx, ids)
}

func (c *countingStore) ListTurnTexts(ctx context.Context, id string) ([]data.TurnText, error) {
	c.count("ListTurnTexts")
	return c.Store.ListTurnTexts(ctx, id)
}

func (c *countingStore) ListPrices(ctx context.Context) ([]data.ModelPrice, error) {
	c.count("ListPrices")
	return c.Store.ListPrices(ctx)
}

func (c *countingStore) UnpricedUsageOfSessions(ctx context.Context, ids []string, long int64) ([]data.UnpricedUsage, error) {
	c.count("UnpricedUsageOfSessions")
	return c.Store.UnpricedUsageOfSessions(ctx, ids, long)
}

func (c *countingStore) KeyByHash(ctx context.Context, h string) (data.APIKey, error) {
	c.count("KeyByHash")
	return c.Store.KeyByHash(ctx, h)
}

func (c *countingStore) AppendAccess(ctx context.Context, e data.AccessEntry) error {
	c.count("AppendAccess")
	return c.Store.AppendAccess(ctx, e)
}
