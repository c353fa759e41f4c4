package resttest

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/httpserve"
	"github.com/recondo/recondo/data/objects"
	"github.com/recondo/recondo/data/sqlite"
	"github.com/recondo/recondo/rest/server"
)

// BodyTurn is the turn whose bodies the fixture stores; both mention a home directory that a
// masked read must hide.
const BodyTurn = "t-01-1"

// Bodies of BodyTurn.
const (
	RequestBody  = `{"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"read /home/alice/src/recondo/main.go"}]}`
	ResponseBody = `{"content":[{"type":"text","text":"I read /home/alice/src/recondo/main.go"}]}`
)

// Fixture is one seeded data dir and the API over it.
type Fixture struct {
	Dir     string
	Store   *sqlite.Store
	API     *data.API
	Objects *SpyObjects
	// Secrets of keys of each kind.
	Reader, Admin, Revoked string
}

// New seeds a fresh data dir.
func New(t testing.TB) *Fixture {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "recondo.db"), seededDB(t), 0o600); err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(ctx, filepath.Join(dir, "recondo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	f := &Fixture{Dir: dir, Store: store, Objects: &SpyObjects{fs: objects.NewFS(dir)}}
	f.API = data.NewAPI(store, f.Objects)
	turn, err := store.GetTurn(ctx, BodyTurn)
	if err != nil {
		t.Fatal(err)
	}
	writeObject(t, dir, objects.Request, turn.RequestSHA256, RequestBody)
	writeObject(t, dir, objects.Response, turn.ResponseSHA256, ResponseBody)
	reader, err := f.API.CreateKey(ctx, "reader", data.RoleReader, "")
	if err != nil {
		t.Fatal(err)
	}
	admin, err := f.API.CreateKey(ctx, "admin", data.RoleAdmin, "")
	if err != nil {
		t.Fatal(err)
	}
	revoked, err := f.API.CreateKey(ctx, "old", data.RoleAdmin, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.API.RevokeKey(ctx, revoked.Key.ID); err != nil {
		t.Fatal(err)
	}
	f.Reader, f.Admin, f.Revoked = reader.Secret, admin.Secret, revoked.Secret
	return f
}

// writeObject stores a body the way the object writer does (gzip at objects/<kind>/<hash>).
func writeObject(t testing.TB, dir string, kind objects.Kind, hash, body string) {
	t.Helper()
	path := filepath.Join(dir, "objects", string(kind), hash)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(body))
	zw.Close()
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// Serve runs the full stack (httpserve around the router) on an httptest server.
func (f *Fixture) Serve(t testing.TB, dev bool) *httptest.Server {
	t.Helper()
	log := slog.New(slog.DiscardHandler)
	cfg := server.HTTPConfig(f.API, server.Config{Dev: dev}, log)
	srv := httptest.NewServer(httpserve.Handler(cfg))
	t.Cleanup(srv.Close)
	return srv
}

// SpyObjects records every object the API opens, so a test can prove a request never reached
// the filesystem.
type SpyObjects struct {
	fs     *objects.FS
	mu     sync.Mutex
	opened []string
}

func (s *SpyObjects) Open(ctx context.Context, kind objects.Kind, hash string) (io.ReadCloser, error) {
	s.mu.Lock()
	s.opened = append(s.opened, string(kind)+"/"+hash)
	s.mu.Unlock()
	return s.fs.Open(ctx, kind, hash)
}

// Opened returns and forgets the objects opened so far.
func (s *SpyObjects) Opened() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.opened
	s.opened = nil
	return out
}
