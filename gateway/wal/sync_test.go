package wal

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// countingSync returns a sync hook that counts its calls and fails with EIO while *fail is set.
func countingSync(calls *atomic.Int64, fail *atomic.Bool) func(*os.File) error {
	return func(f *os.File) error {
		calls.Add(1)
		if fail != nil && fail.Load() {
			return syscall.EIO
		}
		return fdatasync(f)
	}
}

func TestGroupCommit(t *testing.T) {
	var syncs atomic.Int64
	opt := Options{}
	opt.hooks = &hooks{syncFn: countingSync(&syncs, nil)}
	w := openWAL(t, t.TempDir(), opt)

	const writers, each = 64, 16
	var wg sync.WaitGroup
	for g := range writers {
		wg.Go(func() {
			for i := range each {
				if _, err := w.AppendSync(t.Context(), fmt.Appendf(nil, "%d/%d", g, i)); err != nil {
					t.Errorf("AppendSync: %v", err)
					return
				}
			}
		})
	}
	wg.Wait()

	appends := int64(writers * each)
	n := syncs.Load()
	t.Logf("%d concurrent AppendSyncs shared %d fsyncs (%.3f per append)",
		appends, n, float64(n)/float64(appends))
	if n*4 > appends {
		t.Errorf("%d fsyncs for %d appends, want at most a quarter", n, appends)
	}
	if s := w.Stats(); s.Syncs != uint64(n) || s.Appends != uint64(appends) {
		t.Errorf("Stats() = %+v, want %d syncs and %d appends", s, n, appends)
	}

	next := make([]int, writers) // per writer, the index it must replay next
	for _, r := range replayAll(t, w) {
		var g, i int
		if _, err := fmt.Sscanf(string(r.payload), "%d/%d", &g, &i); err != nil {
			t.Fatalf("payload %q: %v", r.payload, err)
		}
		if i != next[g] {
			t.Fatalf("writer %d: replayed record %d, want %d", g, i, next[g])
		}
		next[g]++
	}
	for g, n := range next {
		if n != each {
			t.Errorf("writer %d: replayed %d records, want %d", g, n, each)
		}
	}
}

func TestCloseSyncs(t *testing.T) {
	var syncs atomic.Int64
	opt := Options{SyncInterval: time.Hour}
	opt.hooks = &hooks{syncFn: countingSync(&syncs, nil)}
	w := openWAL(t, t.TempDir(), opt)
	// The first is synced at once; the syncer would wait an hour before syncing the second.
	if _, err := w.AppendSync(t.Context(), []byte("first")); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Append([]byte("second")); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if n := syncs.Load(); n != 2 {
		t.Fatalf("%d fsyncs, want the syncer's and Close's", n)
	}
}

// TestFailedFsync: after one failed fsync every call fails with ErrFailed and nothing is ever
// fsynced again.
func TestFailedFsync(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
		// trip makes the failing fsync happen and returns the error of the call that saw it.
		trip func(w *WAL) error
	}{
		{"group commit", Options{}, func(w *WAL) error {
			_, err := w.AppendSync(context.Background(), []byte("x"))
			return err
		}},
		{"segment roll", Options{SegmentBytes: 64, SyncInterval: time.Hour}, func(w *WAL) error {
			_, err := w.Append(make([]byte, 64))
			return err
		}},
		{"Sync", Options{}, func(w *WAL) error {
			if _, err := w.Append([]byte("x")); err != nil {
				return err
			}
			return w.Sync(context.Background())
		}},
		{"Close", Options{SyncInterval: time.Hour}, func(w *WAL) error {
			if _, err := w.Append([]byte("x")); err != nil {
				return err
			}
			// Close stands in for the background syncer, which waits an hour here.
			return w.Close()
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var calls atomic.Int64
			var failing atomic.Bool
			opt := tt.opt
			opt.hooks = &hooks{syncFn: countingSync(&calls, &failing)}
			w := openWAL(t, dir, opt)
			good, err := w.AppendSync(t.Context(), []byte("before"))
			if err != nil {
				t.Fatalf("AppendSync: %v", err)
			}

			failing.Store(true)
			before := calls.Load()
			if err := tt.trip(w); !errors.Is(err, ErrFailed) || !errors.Is(err, syscall.EIO) {
				t.Fatalf("call that met the failed fsync = %v, want ErrFailed wrapping EIO", err)
			}
			if n := calls.Load() - before; n != 1 {
				t.Fatalf("%d fsync calls for the failure, want 1", n)
			}
			failing.Store(false) // a retry would now "succeed": it must not happen
			after := []struct {
				name string
				call func() error
			}{
				{"Append", func() error { _, err := w.Append([]byte("y")); return err }},
				{"AppendSync", func() error { _, err := w.AppendSync(t.Context(), []byte("y")); return err }},
				{"Sync", func() error { return w.Sync(t.Context()) }},
				{"Close", w.Close},
			}
			wantErr := ErrFailed
			if tt.name == "Close" {
				wantErr = ErrClosed
				after = after[:len(after)-1]
			}
			for _, a := range after {
				if err := a.call(); !errors.Is(err, wantErr) {
					t.Errorf("%s after the failure = %v, want %v", a.name, err, wantErr)
				}
			}
			if n := calls.Load() - before; n != 1 {
				t.Errorf("fsync called %d times in all, want the failed call only: never retry", n)
			}
			if !w.Stats().Failed {
				t.Error("Stats().Failed = false")
			}

			w = openWAL(t, dir, Options{})
			if got := replayAll(t, w); len(got) == 0 || got[0].pos != good {
				t.Fatalf("after restart replayed %v, want the synced record first", got)
			}
		})
	}
}

// TestFailedWrite: a write that fails partway (ENOSPC) is cut back off the segment, the error
// returned, and the log stays usable.
func TestFailedWrite(t *testing.T) {
	tests := []struct {
		name     string
		payload  int
		failCall int // which write(2) of the record fails, from 1
		written  int // bytes that call writes before failing
		err      error
		want     error
	}{
		{"small record, half written", 1000, 1, 500, syscall.ENOSPC, syscall.ENOSPC},
		{"small record, nothing written", 1000, 1, 0, syscall.ENOSPC, syscall.ENOSPC},
		{"small record, short write without an error", 1000, 1, 10, nil, io.ErrShortWrite},
		{"large record, header only", smallRecord + 100, 2, 0, syscall.ENOSPC, syscall.ENOSPC},
		{"large record, half the payload", smallRecord + 100, 2, 1000, syscall.ENOSPC, syscall.ENOSPC},
		{"large record, padding", smallRecord + 100, 3, 1, syscall.ENOSPC, syscall.ENOSPC},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var armed atomic.Bool
			var call int
			opt := Options{}
			opt.hooks = &hooks{writeFn: func(f *os.File, b []byte) (int, error) {
				if !armed.Load() {
					return f.Write(b)
				}
				if call++; call < tt.failCall {
					return f.Write(b)
				}
				n, err := f.Write(b[:tt.written])
				if err != nil {
					return n, err
				}
				return n, tt.err
			}}
			w := openWAL(t, dir, opt)
			want := appendAll(t, w, payloadsOf(3, 100))
			path := segmentPath(dir, 1)
			sizeBefore := fileSize(t, path)

			armed.Store(true)
			if _, err := w.Append(make([]byte, tt.payload)); !errors.Is(err, tt.want) {
				t.Fatalf("Append = %v, want %v", err, tt.want)
			}
			armed.Store(false)
			if got := fileSize(t, path); got != sizeBefore {
				t.Fatalf("segment is %d bytes after the failed write, want it cut back to %d", got, sizeBefore)
			}
			if w.Stats().Failed {
				t.Fatal("a write error that was cut back put the WAL into the failed state")
			}
			want = append(want, appendAll(t, w, [][]byte{[]byte("after")})...)
			if err := w.Sync(t.Context()); err != nil {
				t.Fatalf("Sync: %v", err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}

			w = openWAL(t, dir, Options{})
			checkRecords(t, replayAll(t, w), want)
			if b := brokenFiles(t, dir); len(b) != 0 {
				t.Errorf("reopen found a torn tail to cut: %v", keys(b))
			}
		})
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// TestAppendSyncContext: a caller that stops waiting gets ctx's error, and the record is
// still written and later synced.
func TestAppendSyncContext(t *testing.T) {
	release := make(chan struct{})
	opt := Options{}
	var blocked atomic.Bool
	opt.hooks = &hooks{syncFn: func(f *os.File) error {
		if blocked.Load() {
			<-release
		}
		return fdatasync(f)
	}}
	w := openWAL(t, t.TempDir(), opt)
	blocked.Store(true)
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Millisecond)
	defer cancel()
	pos, err := w.AppendSync(ctx, []byte("slow disk"))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("AppendSync = %v, want DeadlineExceeded", err)
	}
	blocked.Store(false)
	close(release)
	if err := w.Sync(t.Context()); err != nil {
		t.Fatalf("Sync: %v", err)
	}
	checkRecords(t, replayAll(t, w), []record{{pos, []byte("slow disk")}})
}
