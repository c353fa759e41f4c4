package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/sqlite"
)

func openStore(t *testing.T) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "recondo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func entry(id string) data.AccessEntry {
	return data.AccessEntry{ID: id, At: time.Now().UTC().Truncate(time.Microsecond), Surface: data.SurfaceREST,
		Operation: "GET /v1/sessions", ResourceIDs: []string{}, Outcome: data.OutcomeAllowed, Principal: "p"}
}

// TestAccessGroupCommit: many concurrent requests' audit rows are all written, each once, and
// each caller hears back only after its row is in the table.
func TestAccessGroupCommit(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	const n = 300
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := fmt.Sprintf("e-%03d", i)
			if err := s.AppendAccess(ctx, entry(id)); err != nil {
				errs <- err
				return
			}
			var got int
			if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM access_audit_log WHERE id = ?`, id).Scan(&got); err != nil || got != 1 {
				errs <- fmt.Errorf("row %s after AppendAccess returned: count %d, %v", id, got, err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	var total int
	if err := s.DB().QueryRowContext(ctx, `SELECT count(DISTINCT id) FROM access_audit_log`).Scan(&total); err != nil || total != n {
		t.Fatalf("%d distinct rows, %v; want %d", total, err, n)
	}
}

// TestAccessBadRowFailsAlone: a row the table refuses (a duplicate id) fails its own request and
// no other, even when it shares a batch with them.
func TestAccessBadRowFailsAlone(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	if err := s.AppendAccess(ctx, entry("dup")); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	results := make([]error, 50)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := fmt.Sprintf("ok-%02d", i)
			if i == 25 {
				id = "dup"
			}
			results[i] = s.AppendAccess(ctx, entry(id))
		}()
	}
	wg.Wait()
	for i, err := range results {
		if (err != nil) != (i == 25) {
			t.Errorf("row %d: %v", i, err)
		}
	}
}

// TestAccessAfterClose: an entry offered after Close is refused with an error, not lost silently
// and not hung.
func TestAccessAfterClose(t *testing.T) {
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "recondo.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	done := make(chan error, 1)
	go func() { done <- s.AppendAccess(context.Background(), entry("late")) }()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("AppendAccess after Close succeeded")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("AppendAccess after Close hung")
	}
}

// TestAccessCallerIsNotHeldByABusyDatabase: while another connection holds the write lock, a
// caller whose context ends gets its context's error at once, not after the busy timeout; once
// the lock is gone, rows are written again.
func TestAccessCallerIsNotHeldByABusyDatabase(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	conn, err := s.DB().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	err = s.AppendAccess(short, entry("while-locked"))
	if err == nil || time.Since(start) > 5*time.Second {
		t.Fatalf("AppendAccess under a held lock: %v after %v; want the context's error at its deadline", err, time.Since(start))
	}
	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	if err := s.AppendAccess(ctx, entry("after")); err != nil {
		t.Fatalf("after the lock was released: %v", err)
	}
}
