package data_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/objects"
	"github.com/recondo/recondo/data/sqlite"
	"github.com/recondo/recondo/data/write"
	"github.com/recondo/recondo/data/write/objectwriter"
)

// apiFixture is one SQLite database and object store holding a single turn with real bodies.
type apiFixture struct {
	api     *data.API
	objects *objects.FS
	dir     string
	reqHash string
	resHash string
}

func newAPIFixture(t *testing.T) *apiFixture {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	ow, err := objectwriter.NewFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	req := []byte(`{"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"read /home/alice/src/app/main.go"}]}`)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`{"content":[{"type":"text","text":"I read /home/alice/src/app/main.go and /Users/bob/notes.txt"}]}`))
	zw.Close()
	reqHash, _, err := ow.Put(ctx, objects.Request, bytes.NewReader(req))
	if err != nil {
		t.Fatal(err)
	}
	resHash, _, err := ow.Put(ctx, objects.Response, bytes.NewReader(gz.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	w, err := write.OpenSQLite(ctx, filepath.Join(dir, "recondo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	start := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	cost := int64(1234)
	_, err = w.Write(ctx, write.Exchange{
		Session: data.Session{ID: "s1", Provider: "anthropic", Intent: "fix /home/alice/src/app/main.go"},
		Turn: data.Turn{ID: "t1", StartedAt: start, Host: "api.anthropic.com", Method: "POST", Path: "/v1/messages",
			Status: 200, Transport: data.TransportHTTPJSON, RequestSHA256: reqHash, RequestSize: int64(len(req)),
			ResponseSHA256: resHash, ResponseSize: int64(gz.Len()), ResponseEncoding: "gzip", CostMicros: &cost, Complete: true, Parsed: true},
		ToolCalls: []data.ToolCall{{Index: 0, ToolUseID: "tu1", Name: "Read", Arguments: `{"file_path":"/home/alice/src/app/main.go"}`}},
		Texts:     []data.TurnText{{Role: data.RoleUser, Body: "read /home/alice/src/app/main.go please"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(ctx, filepath.Join(dir, "recondo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	fs := objects.NewFS(dir)
	return &apiFixture{api: data.NewAPI(store, fs), objects: fs, dir: dir, reqHash: reqHash, resHash: resHash}
}

func TestGetTurnMasksEveryFieldWithOnePlaceholderPerPath(t *testing.T) {
	f := newAPIFixture(t)
	d, err := f.api.GetTurn(context.Background(), "t1", data.TurnOptions{Bodies: true})
	if err != nil {
		t.Fatal(err)
	}
	all := d.Texts[0].Body + d.ToolCalls[0].Arguments + d.Request.Text + d.Response.Text
	if strings.Contains(all, "/home/alice") || strings.Contains(all, "/Users/bob") {
		t.Fatalf("a path survived masking: %s", all)
	}
	// The same path is the same placeholder in the texts, the arguments and both bodies.
	ph := strings.TrimSuffix(strings.TrimPrefix(d.Texts[0].Body, "read "), " please")
	for _, s := range []string{d.ToolCalls[0].Arguments, d.Request.Text, d.Response.Text} {
		if !strings.Contains(s, ph) {
			t.Errorf("placeholder %q missing from %q", ph, s)
		}
	}
	if d.Response.Encoding != "gzip" || !strings.Contains(d.Response.Text, `"type":"text"`) {
		t.Errorf("response not content-decoded: %+v", d.Response)
	}
}

func TestUnmaskedReadIsAuditedFirst(t *testing.T) {
	f := newAPIFixture(t)
	ctx := context.Background()
	opt := data.ReadOptions{Unmasked: true, Actor: data.Actor{Surface: data.SurfaceCLI, Principal: "forensics"}}
	s, err := f.api.GetSession(ctx, "s1", opt)
	if err != nil {
		t.Fatal(err)
	}
	if s.Intent != "fix /home/alice/src/app/main.go" {
		t.Errorf("unmasked intent = %q", s.Intent)
	}
	log, err := f.api.ListAccess(ctx, data.AccessFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 || !log[0].Unmasked || log[0].Operation != "get_session" || log[0].Principal != "forensics" {
		t.Fatalf("audit log = %+v", log)
	}
	masked, _ := f.api.GetSession(ctx, "s1", data.ReadOptions{})
	if strings.Contains(masked.Intent, "alice") {
		t.Errorf("masked intent = %q", masked.Intent)
	}
}

func TestVerifyNamesTamperedAndMissingObjects(t *testing.T) {
	f := newAPIFixture(t)
	ctx := context.Background()
	rep, err := f.api.Verify(ctx, "s1", data.VerifyOptions{})
	if err != nil || !rep.OK() || rep.Objects != 2 {
		t.Fatalf("clean verify = %+v, %v", rep, err)
	}
	// Replace the request object with a valid gzip of other bytes: a silent substitution.
	path, _ := f.objects.Path(objects.Request, f.reqHash)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("tampered"))
	zw.Close()
	if err := os.WriteFile(path, gz.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	respPath, _ := f.objects.Path(objects.Response, f.resHash)
	if err := os.Remove(respPath); err != nil {
		t.Fatal(err)
	}
	rep, err = f.api.Verify(ctx, "", data.VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte("tampered"))
	want := []data.VerifyMismatch{
		{TurnID: "t1", Kind: "req", Want: f.reqHash, Got: hex.EncodeToString(sum[:]), Problem: data.VerifyHashMismatch},
		{TurnID: "t1", Kind: "resp", Want: f.resHash, Problem: data.VerifyMissing},
	}
	if len(rep.Mismatches) != 2 {
		t.Fatalf("mismatches = %+v", rep.Mismatches)
	}
	for i, m := range rep.Mismatches {
		m.Detail = ""
		if m != want[i] {
			t.Errorf("mismatch %d = %+v, want %+v", i, m, want[i])
		}
	}
	if _, err := f.api.Verify(ctx, "no-such-session", data.VerifyOptions{}); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("verify of unknown session: %v", err)
	}
}

func TestInputValidation(t *testing.T) {
	f := newAPIFixture(t)
	ctx := context.Background()
	cases := map[string]error{
		"limit too large":  second(f.api.ListSessions(ctx, data.SessionFilter{Limit: 501}, data.ReadOptions{})),
		"negative limit":   second(f.api.Search(ctx, data.SearchQuery{Text: "x", Limit: -1}, data.ReadOptions{})),
		"bad group_by":     second(f.api.Stats(ctx, data.StatsQuery{GroupBy: "password"})),
		"bad bucket":       second(f.api.Stats(ctx, data.StatsQuery{Bucket: "minute"})),
		"too many buckets": second(f.api.Stats(ctx, data.StatsQuery{Bucket: data.BucketHour, From: time.Unix(0, 0), To: time.Now()})),
		"empty id":         second(f.api.GetTurn(ctx, "", data.TurnOptions{})),
		"control chars":    second(f.api.GetSession(ctx, "s1\x00", data.ReadOptions{})),
		"reversed range":   second(f.api.ListSessions(ctx, data.SessionFilter{From: time.Now(), To: time.Now().Add(-time.Hour)}, data.ReadOptions{})),
	}
	for name, err := range cases {
		if data.ErrorCode(err) != data.EINVALID {
			t.Errorf("%s: code %q (%v), want %q", name, data.ErrorCode(err), err, data.EINVALID)
		}
	}
	if _, err := f.api.GetTurn(ctx, "../../../etc/passwd", data.TurnOptions{Bodies: true}); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("traversal id: %v", err)
	}
}

func TestSearchSnippetIsMaskedAndCentred(t *testing.T) {
	f := newAPIFixture(t)
	p, err := f.api.Search(context.Background(), data.SearchQuery{Text: "please"}, data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Hits) != 1 || strings.Contains(p.Hits[0].Snippet, "alice") || !strings.Contains(p.Hits[0].Snippet, "please") {
		t.Fatalf("hits = %+v", p.Hits)
	}
}

func second[T any](_ T, err error) error { return err }
