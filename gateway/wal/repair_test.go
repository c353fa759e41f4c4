package wal

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// tornSetup writes three records into segment 1 and two into segment 2 (the last), closes the
// log and returns the records and the bytes of segment 2.
func tornSetup(t *testing.T, dir string, lastSize int) ([]record, []byte) {
	t.Helper()
	w := openWAL(t, dir, Options{SegmentBytes: 1000, NoSync: true})
	payloads := payloadsOf(4, 300) // 312 bytes a record: the fourth starts segment 2
	recs := appendAll(t, w, payloads)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	// Reopened with room to spare, so that the last record joins the fourth in segment 2.
	w = openWAL(t, dir, Options{NoSync: true})
	recs = append(recs, appendAll(t, w, [][]byte{bytes.Repeat([]byte{'z'}, lastSize)})...)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if recs[3].pos != (Position{2, 0}) || recs[4].pos != (Position{2, 312}) {
		t.Fatalf("setup: records 4 and 5 at %v and %v, want segment 2 offsets 0 and 312", recs[3].pos, recs[4].pos)
	}
	return recs, readFile(t, segmentPath(dir, 2))
}

// copySegment1 gives dir the first segment of src.
func copySegment1(t *testing.T, src, dir string) {
	t.Helper()
	writeFile(t, segmentPath(dir, 1), readFile(t, segmentPath(src, 1)))
}

// checkRepaired opens dir, expects want to replay and cut to be saved as the .broken copy of
// segment 2 at offset cutAt, then checks that an append after the repair replays too.
func checkRepaired(t *testing.T, dir string, want []record, cutAt int64, cut []byte) {
	t.Helper()
	w := openWAL(t, dir, Options{NoSync: true})
	checkRecords(t, replayAll(t, w), want)

	wantBroken := map[string][]byte{}
	if len(cut) > 0 {
		wantBroken[fmt.Sprintf("%s.%d.broken", segmentName(2), cutAt)] = cut
	}
	gotBroken := brokenFiles(t, dir)
	if len(gotBroken) != len(wantBroken) {
		t.Fatalf(".broken files %v, want %v", keys(gotBroken), keys(wantBroken))
	}
	for name, b := range wantBroken {
		if !bytes.Equal(gotBroken[name], b) {
			t.Fatalf("%s holds %d bytes, want the %d cut bytes", name, len(gotBroken[name]), len(b))
		}
	}

	more := []byte("appended after the repair")
	pos, err := w.Append(more)
	if err != nil {
		t.Fatalf("Append after repair: %v", err)
	}
	if want := (Position{2, cutAt}); pos != want {
		t.Fatalf("Append after repair at %v, want %v", pos, want)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	w = openWAL(t, dir, Options{NoSync: true})
	checkRecords(t, replayAll(t, w), append(want[:len(want):len(want)], record{pos, more}))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestTornTailAtEveryOffset cuts the last record off at every length from nothing to all but
// one byte; Open must drop exactly that record, keep its bytes, and accept new appends.
func TestTornTailAtEveryOffset(t *testing.T) {
	tests := []struct {
		name     string
		lastSize int
		cuts     func(start, end int) []int
	}{
		{"small record, every byte", 100, func(start, end int) []int {
			var out []int
			for c := start; c < end; c++ {
				out = append(out, c)
			}
			return out
		}},
		// Written header, payload and padding in turn: check the seams and a sample between.
		{"large record, seams and a sample", smallRecord + 5, func(start, end int) []int {
			out := []int{end - 1, end - 3, end - 5, end - 8}
			for c := start; c <= start+20; c++ {
				out = append(out, c)
			}
			for c := start + 21; c < end; c += 9973 {
				out = append(out, c)
			}
			return out
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := t.TempDir()
			recs, seg := tornSetup(t, src, tt.lastSize)
			start := int(recs[4].pos.Offset)
			for _, cut := range tt.cuts(start, len(seg)) {
				t.Run(fmt.Sprint(cut), func(t *testing.T) {
					dir := t.TempDir()
					copySegment1(t, src, dir)
					writeFile(t, segmentPath(dir, 2), seg[:cut])
					checkRepaired(t, dir, recs[:4], int64(start), seg[start:cut])
				})
			}
		})
	}
}

// TestTornTailOverwritten covers tails that are not a prefix of the record: zeros from a
// filesystem that grew the file before the data landed, garbage, junk after a clean end.
func TestTornTailOverwritten(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	garbage := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return b
	}
	tests := []struct {
		name     string
		damage   func(seg []byte, start int) []byte
		keepLast bool // the last record survives; only what follows it is cut
	}{
		{"zeros over the last payload", func(seg []byte, start int) []byte {
			clear(seg[start+20:])
			return seg
		}, false},
		{"zeros over the whole last record", func(seg []byte, start int) []byte {
			clear(seg[start:])
			return seg
		}, false},
		{"garbage over the last record", func(seg []byte, start int) []byte {
			copy(seg[start:], garbage(len(seg)-start))
			return seg
		}, false},
		{"garbage over the last payload", func(seg []byte, start int) []byte {
			copy(seg[start+headerSize:], garbage(len(seg)-start-headerSize))
			return seg
		}, false},
		{"zeros after the last record", func(seg []byte, start int) []byte {
			return append(seg, make([]byte, 4096)...)
		}, true},
		{"garbage after the last record", func(seg []byte, start int) []byte {
			return append(seg, garbage(100)...)
		}, true},
		{"three bytes after the last record", func(seg []byte, start int) []byte {
			return append(seg, 1, 2, 3)
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := t.TempDir()
			recs, seg := tornSetup(t, src, 1000)
			start := int(recs[4].pos.Offset)
			orig := len(seg)
			damaged := tt.damage(bytes.Clone(seg), start)

			dir := t.TempDir()
			copySegment1(t, src, dir)
			writeFile(t, segmentPath(dir, 2), damaged)
			if tt.keepLast {
				checkRepaired(t, dir, recs, int64(orig), damaged[orig:])
			} else {
				checkRepaired(t, dir, recs[:4], int64(start), damaged[start:])
			}
		})
	}
}

// TestLastRecordLengthExceedFileEnd: a length word claiming more bytes than the file holds is
// a torn tail (etcd's test of the same name).
func TestLastRecordLengthExceedFileEnd(t *testing.T) {
	for _, length := range []uint32{1001 + 8, 1 << 20, 1<<32 - 1} {
		t.Run(fmt.Sprint(length), func(t *testing.T) {
			src := t.TempDir()
			recs, seg := tornSetup(t, src, 1000)
			start := recs[4].pos.Offset
			binary.LittleEndian.PutUint32(seg[start:], length)

			dir := t.TempDir()
			copySegment1(t, src, dir)
			writeFile(t, segmentPath(dir, 2), seg)
			checkRepaired(t, dir, recs[:4], start, seg[start:])
		})
	}
}

// TestMiddleCorruption: a bad record followed by intact ones, or any bad record in a segment
// before the last, must stop Open with ErrCorrupt naming the file and offset, and must leave
// the files untouched.
func TestMiddleCorruption(t *testing.T) {
	tests := []struct {
		name string
		// damage returns the segment it broke and the offset Open must name.
		damage func(t *testing.T, dir string, recs []record) (uint64, int64)
		want   string
	}{
		{"payload byte of record 2 of 5", func(t *testing.T, dir string, recs []record) (uint64, int64) {
			return flip(t, dir, recs[8].pos, headerSize+7), recs[8].pos.Offset
		}, "checksum mismatch"},
		{"length word of record 2 of 5", func(t *testing.T, dir string, recs []record) (uint64, int64) {
			return flip(t, dir, recs[8].pos, 3), recs[8].pos.Offset
		}, "runs past the end"},
		{"low bit of the length word of record 2 of 5", func(t *testing.T, dir string, recs []record) (uint64, int64) {
			return flipBits(t, dir, recs[8].pos, 0, 0x01), recs[8].pos.Offset
		}, "checksum mismatch"},
		{"checksum word of record 2 of 5", func(t *testing.T, dir string, recs []record) (uint64, int64) {
			return flip(t, dir, recs[8].pos, 5), recs[8].pos.Offset
		}, "checksum mismatch"},
		{"header of record 2 of 5 zeroed", func(t *testing.T, dir string, recs []record) (uint64, int64) {
			path := segmentPath(dir, 2)
			b := readFile(t, path)
			clear(b[recs[8].pos.Offset : recs[8].pos.Offset+headerSize])
			writeFile(t, path, b)
			return 2, recs[8].pos.Offset
		}, "zeroed header"},
		{"last record of a segment before the last", func(t *testing.T, dir string, recs []record) (uint64, int64) {
			return flip(t, dir, recs[6].pos, headerSize), recs[6].pos.Offset
		}, "not a torn tail"},
		{"segment before the last cut short", func(t *testing.T, dir string, recs []record) (uint64, int64) {
			path := segmentPath(dir, 1)
			if err := os.Truncate(path, recs[6].pos.Offset+5); err != nil {
				t.Fatal(err)
			}
			return 1, recs[6].pos.Offset
		}, "not a torn tail"},
		{"segment missing", func(t *testing.T, dir string, recs []record) (uint64, int64) {
			if err := os.Rename(segmentPath(dir, 2), segmentPath(dir, 3)); err != nil {
				t.Fatal(err)
			}
			return 2, -1
		}, "missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			// Segment 1 holds 7 records of 264 bytes, segment 2 (the last) 5 of 112.
			w := openWAL(t, dir, Options{SegmentBytes: 1900, NoSync: true})
			recs := appendAll(t, w, payloadsOf(7, 250))
			recs = append(recs, appendAll(t, w, payloadsOf(5, 100))...)
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if recs[7].pos != (Position{2, 0}) || recs[11].pos.Segment != 2 {
				t.Fatalf("setup: records at %v and %v, want segment 2 to hold the last 5", recs[7].pos, recs[11].pos)
			}
			seg, off := tt.damage(t, dir, recs)
			before := snapshot(t, dir)

			w, err := Open(dir, quiet(Options{}))
			if err == nil {
				w.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("Open = %v, want ErrCorrupt", err)
			}
			for _, s := range []string{segmentName(seg), tt.want} {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("Open = %q, want it to mention %q", err, s)
				}
			}
			if off >= 0 && !strings.Contains(err.Error(), fmt.Sprintf("offset %d:", off)) {
				t.Errorf("Open = %q, want it to name offset %d", err, off)
			}
			if after := snapshot(t, dir); !equalSnapshots(before, after) {
				t.Errorf("a refused Open changed the directory: %v -> %v", keys(before), keys(after))
			}
		})
	}
}

// flip inverts one byte at offset delta into the record at pos and returns pos's segment.
func flip(t *testing.T, dir string, pos Position, delta int64) uint64 {
	t.Helper()
	return flipBits(t, dir, pos, delta, 0xff)
}

func flipBits(t *testing.T, dir string, pos Position, delta int64, mask byte) uint64 {
	t.Helper()
	path := segmentPath(dir, pos.Segment)
	b := readFile(t, path)
	b[pos.Offset+delta] ^= mask
	writeFile(t, path, b)
	return pos.Segment
}

func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		out[e.Name()] = readFile(t, dir+"/"+e.Name())
	}
	return out
}

func equalSnapshots(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !bytes.Equal(v, w) {
			return false
		}
	}
	return true
}

// TestTornWriteHole: after a power loss a later page of an unsynced write can land while an
// earlier one did not, leaving a zeroed sector in front of intact records. That is a torn
// tail, not corruption: those records were never fsynced.
func TestTornWriteHole(t *testing.T) {
	dir := t.TempDir()
	w := openWAL(t, dir, Options{NoSync: true})
	recs := appendAll(t, w, randomPayloads(5, 5, 3000))
	recs = append(recs, appendAll(t, w, payloadsOf(3, 3000))...)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	hole := recs[6].pos
	path := segmentPath(dir, 1)
	seg := readFile(t, path)
	sector := (hole.Offset + headerSize + sectorSize - 1) / sectorSize * sectorSize
	clear(seg[sector : sector+sectorSize])
	writeFile(t, path, seg)

	w = openWAL(t, dir, Options{NoSync: true})
	checkRecords(t, replayAll(t, w), recs[:6])
	name := fmt.Sprintf("%s.%d.broken", segmentName(1), hole.Offset)
	if got := brokenFiles(t, dir)[name]; !bytes.Equal(got, seg[hole.Offset:]) {
		t.Fatalf("%s holds %d bytes, want the %d cut", name, len(got), len(seg)-int(hole.Offset))
	}
}

func TestNextIntactRecord(t *testing.T) {
	src := rand.NewChaCha8([32]byte{9})
	random := func(n int) []byte {
		b := make([]byte, n)
		src.Read(b)
		return b
	}
	rec := func(payload []byte) []byte {
		b := make([]byte, recordSize(int64(len(payload))))
		putHeader(b, payload)
		copy(b[headerSize:], payload)
		return b
	}
	tests := []struct {
		name   string
		tail   []byte
		want   int64
		wantOK bool
	}{
		{"zeros", make([]byte, 4096), 0, false},
		{"random bytes", random(4096), 0, false},
		{"record after garbage", append(random(1000), rec([]byte("hello"))...), 1000, true},
		{"empty record after garbage", append(random(16), rec(nil)...), 16, true},
		{"record cut short after garbage", append(random(16), rec([]byte("hello"))[:12]...), 0, false},
		// A torn 16 MiB binary record: about one candidate in 256 has a length that fits.
		{"large random tail", random(16 << 20), 0, false},
	}
	for _, tt := range tests {
		got, ok := nextIntactRecord(tt.tail)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("%s: nextIntactRecord = %d, %v; want %d, %v", tt.name, got, ok, tt.want, tt.wantOK)
		}
	}
}
