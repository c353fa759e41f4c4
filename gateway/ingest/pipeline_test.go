package ingest

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/objects"
	"github.com/recondo/recondo/data/sqlite"
	"github.com/recondo/recondo/data/write"
	"github.com/recondo/recondo/data/write/objectwriter"
	"github.com/recondo/recondo/gateway/capture"
	"github.com/recondo/recondo/gateway/wal"
)

type fixture struct {
	dir  string
	w    *wal.WAL
	db   write.Writer
	pipe *Pipeline
}

func newFixture(t *testing.T, queueLen int) *fixture {
	t.Helper()
	dir := t.TempDir()
	w, err := wal.Open(filepath.Join(dir, "wal"), wal.Options{SegmentBytes: 4096})
	if err != nil {
		t.Fatal(err)
	}
	db, err := write.OpenSQLite(context.Background(), filepath.Join(dir, "recondo.db"))
	if err != nil {
		t.Fatal(err)
	}
	objs, err := objectwriter.NewFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(Config{WAL: w, Objects: objs, DB: db, Analyzer: Basic{BootID: "b1"}, CapturesDir: filepath.Join(dir, "captures"), QueueLen: queueLen})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close(); db.Close() })
	return &fixture{dir: dir, w: w, db: db, pipe: p}
}

func record(i int) *capture.Record {
	req, res := []byte(fmt.Sprintf(`{"n":%d}`, i)), []byte(fmt.Sprintf(`{"ok":%d}`, i))
	b := capture.NewBody(1<<20, "")
	b.Write(req)
	rh, rn := b.Sum()
	b2 := capture.NewBody(1<<20, "")
	b2.Write(res)
	sh, sn := b2.Sum()
	at := time.Date(2026, 5, 1, 12, 0, i, 0, time.UTC)
	return &capture.Record{
		Meta: capture.Meta{ID: fmt.Sprintf("cap-%03d", i), StartedAt: at, EndedAt: at.Add(time.Second), ConnID: "c1",
			Host: "api.anthropic.com", Method: "POST", Path: "/v1/messages", Status: 200, Complete: true,
			RequestHeaders: map[string][]string{"X-Claude-Code-Session-Id": {"sess-1"}},
			RequestSHA256:  rh, RequestSize: rn, ResponseSHA256: sh, ResponseSize: sn},
		Request: req, Response: res,
	}
}

// TestBacklogIsIngestedExactlyOnce: with a queue too small for the burst, records overflow into
// the WAL backlog; every one still reaches the database exactly once and the WAL is released.
func TestBacklogIsIngestedExactlyOnce(t *testing.T) {
	f := newFixture(t, 2)
	const n = 60
	for i := 0; i < n; i++ {
		if err := f.pipe.Commit(record(i)); err != nil {
			t.Fatal(err)
		}
	}
	if f.pipe.Stats().Backlogged.Load() == 0 {
		t.Fatal("the burst did not overflow the queue; the test proves nothing")
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { f.pipe.Run(ctx); close(done) }()
	deadline := time.Now().Add(20 * time.Second)
	for {
		ok, _ := f.db.HasTurn(ctx, fmt.Sprintf("cap-%03d", n-1))
		all := true
		for i := 0; i < n && ok; i++ {
			if has, _ := f.db.HasTurn(ctx, fmt.Sprintf("cap-%03d", i)); !has {
				all = false
			}
		}
		if ok && all {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("not every record was ingested")
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(600 * time.Millisecond) // one more Run cycle: a pending backlog pass would re-ingest
	cancel()
	<-done
	store, err := sqlite.Open(context.Background(), filepath.Join(f.dir, "recondo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	api := data.NewAPI(store, objects.NewFS(f.dir))
	s, err := api.GetSession(context.Background(), stableID("ext", "anthropic", "sess-1"), data.ReadOptions{})
	if err != nil || s.TurnCount != n {
		t.Fatalf("session = %+v, %v; want %d turns", s, err, n)
	}
	rep, err := api.Verify(context.Background(), "", data.VerifyOptions{})
	if err != nil || !rep.OK() || rep.Objects != 2*n {
		t.Fatalf("verify = %+v %v", rep, err)
	}
	if segs := f.w.Stats().Segments; segs > 1 {
		t.Errorf("%d WAL segments kept after everything was ingested", segs)
	}
}

// TestRecoverSkipsWhatTheDatabaseHas: replaying a WAL twice ingests nothing the second time.
func TestRecoverSkipsWhatTheDatabaseHas(t *testing.T) {
	f := newFixture(t, 100)
	for i := 0; i < 5; i++ {
		f.pipe.Commit(record(i))
	}
	ctx := context.Background()
	if err := f.pipe.Recover(ctx); err != nil {
		t.Fatal(err)
	}
	if got := f.pipe.Stats().Replayed.Load(); got != 5 {
		t.Fatalf("first recover replayed %d", got)
	}
	for i := 5; i < 8; i++ {
		f.pipe.Commit(record(i))
	}
	if err := f.pipe.Recover(ctx); err != nil {
		t.Fatal(err)
	}
	if got := f.pipe.Stats().Replayed.Load(); got != 8 {
		t.Fatalf("second recover replayed %d in all, want 8 (5 + the 3 new)", got)
	}
}
