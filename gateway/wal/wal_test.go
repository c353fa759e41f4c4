package wal

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
	}{
		{"no sync", Options{SegmentBytes: 1 << 20, NoSync: true}},
		{"group sync", Options{SegmentBytes: 1 << 20}},
		{"one record per segment", Options{SegmentBytes: 1, NoSync: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			w := openWAL(t, dir, tt.opt)
			want := appendAll(t, w, randomPayloads(1, 40, 1<<20))
			want = append(want, appendAll(t, w, [][]byte{{}, {1}, {}, make([]byte, smallRecord-headerSize)})...)
			checkRecords(t, replayAll(t, w), want)
			if err := w.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}

			w = openWAL(t, dir, tt.opt)
			checkRecords(t, replayAll(t, w), want)
			if s := w.Stats(); s.Segments < 3 {
				t.Errorf("Stats().Segments = %d, want several (segment rolls untested)", s.Segments)
			}
			want = append(want, appendAll(t, w, randomPayloads(2, 10, 300<<10))...)
			if err := w.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}

			w = openWAL(t, dir, tt.opt)
			checkRecords(t, replayAll(t, w), want)
			for i := 1; i < len(want); i++ {
				if want[i-1].pos.Compare(want[i].pos) >= 0 {
					t.Fatalf("position %v not after %v", want[i].pos, want[i-1].pos)
				}
			}
			if got := brokenFiles(t, dir); len(got) != 0 {
				t.Errorf("clean shutdowns left .broken files: %v", got)
			}
		})
	}
}

func TestOptionsRejected(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
	}{
		{"negative segment size", Options{SegmentBytes: -1}},
		{"negative record limit", Options{MaxRecordBytes: -1}},
		{"record limit over 1 GiB", Options{MaxRecordBytes: 1<<30 + 1}},
		{"negative sync interval", Options{SyncInterval: -time.Millisecond}},
	}
	for _, tt := range tests {
		if w, err := Open(t.TempDir(), tt.opt); err == nil {
			w.Close()
			t.Errorf("%s: Open succeeded", tt.name)
		}
	}
}

func TestAppendTooLarge(t *testing.T) {
	w := openWAL(t, t.TempDir(), Options{MaxRecordBytes: 100, NoSync: true})
	if _, err := w.Append(make([]byte, 100)); err != nil {
		t.Fatalf("Append at the limit: %v", err)
	}
	if _, err := w.Append(make([]byte, 101)); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Append over the limit = %v, want ErrTooLarge", err)
	}
	if got := len(replayAll(t, w)); got != 1 {
		t.Fatalf("replayed %d records, want 1", got)
	}
}

func TestClosed(t *testing.T) {
	w := openWAL(t, t.TempDir(), Options{})
	if err := w.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("second Close = %v, want nil", err)
	}
	tests := []struct {
		name string
		call func() error
	}{
		{"Append", func() error { _, err := w.Append(nil); return err }},
		{"AppendSync", func() error { _, err := w.AppendSync(t.Context(), nil); return err }},
		{"Sync", func() error { return w.Sync(t.Context()) }},
		{"Replay", func() error { return w.Replay(func(Position, []byte) error { return nil }) }},
		{"Release", func() error { return w.Release(Position{Segment: 9}) }},
	}
	for _, tt := range tests {
		if err := tt.call(); !errors.Is(err, ErrClosed) {
			t.Errorf("%s after Close = %v, want ErrClosed", tt.name, err)
		}
	}
}

func TestSecondOpenRefused(t *testing.T) {
	dir := t.TempDir()
	openWAL(t, dir, Options{NoSync: true})
	w, err := Open(dir, quiet(Options{NoSync: true}))
	if err == nil {
		w.Close()
		t.Fatal("a second Open of the same directory succeeded")
	}
	if !strings.Contains(err.Error(), "in use") {
		t.Fatalf("second Open = %v, want an in-use error", err)
	}
}

func TestReplayReturnsFnError(t *testing.T) {
	w := openWAL(t, t.TempDir(), Options{NoSync: true})
	appendAll(t, w, payloadsOf(5, 10))
	stop := errors.New("stop")
	calls := 0
	err := w.Replay(func(Position, []byte) error {
		calls++
		if calls == 3 {
			return stop
		}
		return nil
	})
	if err != stop || calls != 3 {
		t.Fatalf("Replay = %v after %d calls, want the fn's own error after 3", err, calls)
	}
}

// Replay sees exactly the records appended before it started, even while appends go on.
func TestReplayDuringAppends(t *testing.T) {
	w := openWAL(t, t.TempDir(), Options{SegmentBytes: 4096})
	before := appendAll(t, w, payloadsOf(50, 100))
	var wg sync.WaitGroup
	wg.Go(func() {
		for _, p := range payloadsOf(200, 100) {
			if _, err := w.Append(p); err != nil {
				t.Errorf("Append: %v", err)
				return
			}
		}
	})
	got := replayAll(t, w)
	wg.Wait()
	if len(got) < len(before) {
		t.Fatalf("replayed %d records, want at least %d", len(got), len(before))
	}
	checkRecords(t, got[:len(before)], before)
}
