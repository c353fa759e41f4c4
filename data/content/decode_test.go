package content

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"io"
	"runtime"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name     string
		encoding string
		input    []byte
		max      int64
		want     []byte
		err      error
	}{
		{"identity under limit", "", body, int64(len(body)) + 1, body, nil},
		{"identity at limit", "identity", body, int64(len(body)), body, nil},
		{"identity over limit", "", body, int64(len(body)) - 1, nil, ErrTooLarge},
		{"gzip at limit", "gzip", encode(t, body, "gzip"), int64(len(body)), body, nil},
		{"br over limit", "br", encode(t, body, "br"), 100, nil, ErrTooLarge},
		{"zstd under limit", "zstd", encode(t, body, "zstd"), 1 << 20, body, nil},
		{"stacked", "deflate, gzip", encode(t, body, "zlib", "gzip"), 1 << 20, body, nil},
		{"empty body zero limit", "", nil, 0, []byte{}, nil},
		{"unsupported", "compress", body, 1 << 20, nil, ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.input, tt.encoding, tt.max)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if !bytes.Equal(got, tt.want) {
				t.Errorf("got %d bytes, want %d", len(got), len(tt.want))
			}
		})
	}
	if _, err := Decode(body, "", -1); err == nil {
		t.Errorf("negative limit: got nil error")
	}
}

// zstdZeroBomb builds a zstd frame of n RLE blocks, each expanding one zero byte to 128 KB: 1 GB
// of output from 32 KB of input, written by hand because encoding 1 GB in a test is slow.
func zstdZeroBomb(blocks int) []byte {
	const blockSize = 128 << 10
	var b []byte
	b = binary.LittleEndian.AppendUint32(b, 0xFD2FB528) // frame magic
	b = append(b, 0x00)                                 // descriptor: no content size, no checksum
	b = append(b, 7<<3)                                 // window descriptor: 1<<(10+7) = 128 KB
	for i := range blocks {
		hdr := uint32(blockSize)<<3 | 1<<1 // block type 1: RLE
		if i == blocks-1 {
			hdr |= 1 // last block
		}
		b = append(b, byte(hdr), byte(hdr>>8), byte(hdr>>16), 0x00)
	}
	return b
}

// bombAlloc bounds what refusing a bomb may allocate: decoder state (a brotli window is up to
// 16 MB) plus the 1 MB kept, far below any bomb's expanded size.
const bombAlloc = 24 << 20

// zeroBomb compresses n zeros at the fastest level, in 1 MB writes so the input is never held.
func zeroBomb(tb testing.TB, n int, name string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	var w io.WriteCloser
	switch name {
	case "gzip":
		w, _ = gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	case "br":
		w = brotli.NewWriterLevel(&buf, brotli.BestSpeed)
	default:
		tb.Fatalf("no bomb encoder %q", name)
	}
	zeros := make([]byte, 1<<20)
	for range n / len(zeros) {
		if _, err := w.Write(zeros); err != nil {
			tb.Fatalf("encode %s: %v", name, err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatalf("encode %s: %v", name, err)
	}
	return buf.Bytes()
}

func TestDecodeBomb(t *testing.T) {
	const max = 1 << 20
	tests := []struct {
		name     string
		encoding string
		input    []byte
	}{
		{"zstd 1 GB of zeros", "zstd", zstdZeroBomb(8192)},
		{"gzip 32 MB of zeros", "gzip", zeroBomb(t, 32<<20, "gzip")},
		{"br 32 MB of zeros", "br", zeroBomb(t, 32<<20, "br")},
		{"gzip of zstd, 1 GB of zeros", "zstd, gzip", encode(t, zstdZeroBomb(8192), "gzip")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			got, err := Decode(tt.input, tt.encoding, max)
			runtime.ReadMemStats(&after)
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("err = %v (%d bytes), want ErrTooLarge", err, len(got))
			}
			// Everything allocated, not just what is live: a guard that decodes the whole bomb and
			// then discards it would still fail here.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > bombAlloc {
				t.Errorf("allocated %d bytes to refuse the bomb, want < %d", alloc, bombAlloc)
			}
		})
	}
}

// The hand-built frame must be a real 1 GB bomb, or TestDecodeBomb proves nothing.
func TestZstdZeroBombIsValid(t *testing.T) {
	got, err := Decode(zstdZeroBomb(4), "zstd", 1<<20)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if !bytes.Equal(got, make([]byte, 4*128<<10)) {
		t.Errorf("got %d bytes, want %d zeros", len(got), 4*128<<10)
	}
}
