package wal

import (
	"hash/crc32"
	"math/rand/v2"
	"testing"
)

func TestRecordSize(t *testing.T) {
	tests := []struct{ n, want int64 }{
		{0, 8}, {1, 16}, {7, 16}, {8, 16}, {9, 24}, {4096, 4104},
	}
	for _, tt := range tests {
		if got := recordSize(tt.n); got != tt.want {
			t.Errorf("recordSize(%d) = %d, want %d", tt.n, got, tt.want)
		}
	}
}

// An empty record must be told apart from unwritten space, which is all zeros.
func TestEmptyRecordHeaderIsNotZero(t *testing.T) {
	var hdr [headerSize]byte
	putHeader(hdr[:], nil)
	if hdr == [headerSize]byte{} {
		t.Fatal("the header of an empty record is all zeros")
	}
	if !headerMatches(hdr[:], nil) {
		t.Fatal("the header of an empty record does not match it")
	}
	if headerMatches(make([]byte, headerSize), nil) {
		t.Fatal("a zeroed header passes as an empty record")
	}
}

func TestParseSegmentName(t *testing.T) {
	tests := []struct {
		name string
		seq  uint64
		ok   bool
	}{
		{"wal-0000000000000001.log", 1, true},
		{"wal-00000000000000ff.log", 255, true},
		{"wal-00000000000000FF.log", 0, false},
		{"wal-0000000000000001.log.0.broken", 0, false},
		{"wal-1.log", 0, false},
		{"LOCK", 0, false},
		{"wal-000000000000000g.log", 0, false},
	}
	for _, tt := range tests {
		seq, ok := parseSegmentName(tt.name)
		if seq != tt.seq || ok != tt.ok {
			t.Errorf("parseSegmentName(%q) = %d, %v; want %d, %v", tt.name, seq, ok, tt.seq, tt.ok)
		}
	}
}

func TestRangeCRC(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, 10000)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	r := newRangeCRC(b)
	for range 2000 {
		lo := rng.Int64N(int64(len(b)) + 1)
		hi := lo + rng.Int64N(int64(len(b))-lo+1)
		if got, want := r.of(lo, hi), crc32.Checksum(b[lo:hi], castagnoli); got != want {
			t.Fatalf("crc of [%d,%d) = %08x, want %08x", lo, hi, got, want)
		}
	}
	a, c := b[:123], b[123:4567]
	if got, want := combineCRC(crc32.Checksum(a, castagnoli), crc32.Checksum(c, castagnoli), int64(len(c))),
		crc32.Checksum(b[:4567], castagnoli); got != want {
		t.Fatalf("combineCRC = %08x, want %08x", got, want)
	}
}

func TestHasZeroSector(t *testing.T) {
	data := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = 1
		}
		return b
	}
	tests := []struct {
		name      string
		b         []byte
		base      int64
		zeroFrom  int
		zeroUntil int
		want      bool
	}{
		{"no zeros", data(2048), 0, 0, 0, false},
		{"aligned sector", data(2048), 0, 512, 1024, true},
		{"aligned at file offset, not slice offset", data(2048), 100, 412, 924, true},
		{"zero run straddling two sectors", data(2048), 0, 300, 800, false},
		{"511 zeros", data(2048), 0, 512, 1023, false},
	}
	for _, tt := range tests {
		for i := tt.zeroFrom; i < tt.zeroUntil; i++ {
			tt.b[i] = 0
		}
		if got := hasZeroSector(tt.b, tt.base); got != tt.want {
			t.Errorf("%s: hasZeroSector = %v, want %v", tt.name, got, tt.want)
		}
	}
}
