package content

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

var body = []byte(strings.Repeat(`{"type":"content_block_delta","delta":{"text":"hello"}}`+"\n", 200))

func TestNewReader(t *testing.T) {
	tests := []struct {
		name     string
		encoding string
		applied  []string // test encoders, in the order the server applied them
	}{
		{"no header", "", nil},
		{"identity", "identity", nil},
		{"gzip", "gzip", []string{"gzip"}},
		{"x-gzip", "x-gzip", []string{"gzip"}},
		{"br", "br", []string{"br"}},
		{"zstd", "zstd", []string{"zstd"}},
		{"deflate as zlib", "deflate", []string{"zlib"}},
		{"deflate raw fallback", "deflate", []string{"rawdeflate"}},
		{"upper case", "GZIP", []string{"gzip"}},
		{"mixed case with spaces", "  Br ", []string{"br"}},
		{"stacked", "gzip, br", []string{"gzip", "br"}},
		{"stacked three", "deflate,zstd, gzip", []string{"zlib", "zstd", "gzip"}},
		{"stacked with identity and empty elements", "gzip, identity,, ZSTD", []string{"gzip", "zstd"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rc, err := NewReader(bytes.NewReader(encode(t, body, tt.applied...)), tt.encoding)
			if err != nil {
				t.Fatalf("NewReader: %v", err)
			}
			got, err := io.ReadAll(rc)
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			if err := rc.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
			if !bytes.Equal(got, body) {
				t.Errorf("decoded %d bytes, want %d", len(got), len(body))
			}
		})
	}
}

func TestNewReaderUnsupported(t *testing.T) {
	tests := []string{"compress", "x-compress", "lzma", "gzip, sdch", "dcz", strings.Repeat("gzip,", maxLayers+1)}
	for _, enc := range tests {
		if _, err := NewReader(bytes.NewReader(body), enc); !errors.Is(err, ErrUnsupported) {
			t.Errorf("NewReader(%q): got %v, want ErrUnsupported", enc, err)
		}
	}
}

// Broken input must surface as an error from NewReader or Read, never a panic or a silent success.
func TestCorruptInput(t *testing.T) {
	flip := func(b []byte) []byte {
		b = bytes.Clone(b)
		b[len(b)/2] ^= 0xff
		return b
	}
	tests := []struct {
		name     string
		encoding string
		input    []byte
	}{
		{"gzip truncated", "gzip", encode(t, body, "gzip")[:40]},
		{"gzip flipped", "gzip", flip(encode(t, body, "gzip"))},
		{"gzip plain text", "gzip", body},
		{"gzip empty", "gzip", nil},
		{"br truncated", "br", encode(t, body, "br")[:20]},
		{"br plain text", "br", body},
		{"zstd truncated", "zstd", encode(t, body, "zstd")[:20]},
		{"zstd flipped", "zstd", flip(encode(t, body, "zstd"))},
		{"zstd plain text", "zstd", body},
		{"deflate truncated", "deflate", encode(t, body, "zlib")[:20]},
		{"deflate raw truncated", "deflate", encode(t, body, "rawdeflate")[:20]},
		{"deflate plain text", "deflate", body},
		{"stacked inner broken", "gzip, br", encode(t, encode(t, body, "gzip")[:30], "br")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rc, err := NewReader(bytes.NewReader(tt.input), tt.encoding)
			if err != nil {
				return
			}
			defer rc.Close()
			if got, err := io.ReadAll(rc); err == nil {
				t.Errorf("decoded %d bytes without error", len(got))
			}
		})
	}
}
