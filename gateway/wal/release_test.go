package wal

import (
	"os"
	"testing"
)

func TestRelease(t *testing.T) {
	// Five 1000-byte records a segment: segments 1..4 full, 5 active with two records.
	setup := func(t *testing.T) (string, *WAL, []record) {
		dir := t.TempDir()
		w := openWAL(t, dir, Options{SegmentBytes: 5 * 1008})
		recs := appendAll(t, w, payloadsOf(22, 1000))
		if recs[20].pos != (Position{5, 0}) {
			t.Fatalf("setup: record 20 at %v, want the start of segment 5", recs[20].pos)
		}
		return dir, w, recs
	}
	tests := []struct {
		name      string
		pos       func(recs []record) Position
		wantFirst uint64 // oldest segment kept
	}{
		{"nothing ingested", func([]record) Position { return Position{} }, 1},
		{"part of segment 1", func(r []record) Position { return r[3].pos }, 1},
		{"all of segment 1", func(r []record) Position { return r[5].pos }, 2},
		{"up to the middle of segment 3", func(r []record) Position { return r[12].pos }, 3},
		{"everything before the active segment", func(r []record) Position { return r[21].pos }, 5},
		{"past the end: the active segment stays", func([]record) Position { return Position{99, 0} }, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, w, recs := setup(t)
			// A saved torn tail goes with its segment.
			writeFile(t, segmentPath(dir, 1)+".40.broken", []byte("junk"))
			if err := w.Release(tt.pos(recs)); err != nil {
				t.Fatalf("Release: %v", err)
			}
			for seq := uint64(1); seq <= 5; seq++ {
				_, err := os.Stat(segmentPath(dir, seq))
				if kept := err == nil; kept != (seq >= tt.wantFirst) {
					t.Errorf("segment %d kept = %v, want %v", seq, kept, seq >= tt.wantFirst)
				}
			}
			if _, err := os.Stat(segmentPath(dir, 1) + ".40.broken"); (err == nil) != (tt.wantFirst == 1) {
				t.Errorf("segment 1's .broken file kept = %v, want %v", err == nil, tt.wantFirst == 1)
			}
			if got, want := w.Stats().Segments, int(5-tt.wantFirst+1); got != want {
				t.Errorf("Stats().Segments = %d, want %d", got, want)
			}
			want := recs[(tt.wantFirst-1)*5:]
			checkRecords(t, replayAll(t, w), want)

			// Released segments stay gone, and appends carry on in the active one.
			want = append(want, appendAll(t, w, [][]byte{[]byte("more")})...)
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			w = openWAL(t, dir, Options{})
			checkRecords(t, replayAll(t, w), want)
		})
	}
}
