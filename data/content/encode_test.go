package content

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/zstd"
)

// Bodies are encoded with independent encoders (the standard library where it has one) so a bug
// in a decoder cannot be matched by the same bug in its encoder.

type encoder func(io.Writer) io.WriteCloser

var encoders = map[string]encoder{
	"gzip":       func(w io.Writer) io.WriteCloser { return gzip.NewWriter(w) },
	"br":         func(w io.Writer) io.WriteCloser { return brotli.NewWriter(w) },
	"zlib":       func(w io.Writer) io.WriteCloser { return zlib.NewWriter(w) },
	"rawdeflate": func(w io.Writer) io.WriteCloser { fw, _ := flate.NewWriter(w, flate.DefaultCompression); return fw },
	"zstd": func(w io.Writer) io.WriteCloser {
		zw, _ := zstd.NewWriter(w, zstd.WithEncoderConcurrency(1))
		return zw
	},
}

// encode applies the named encoders in order, as a server applying "a, b" would.
func encode(tb testing.TB, b []byte, names ...string) []byte {
	tb.Helper()
	for _, name := range names {
		enc, ok := encoders[strings.ToLower(name)]
		if !ok {
			tb.Fatalf("no test encoder %q", name)
		}
		var buf bytes.Buffer
		w := enc(&buf)
		if _, err := w.Write(b); err != nil {
			tb.Fatalf("encode %s: %v", name, err)
		}
		if err := w.Close(); err != nil {
			tb.Fatalf("encode %s: %v", name, err)
		}
		b = buf.Bytes()
	}
	return b
}
