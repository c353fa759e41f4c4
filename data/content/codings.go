package content

import (
	"bufio"
	"io"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/flate"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zlib"
	"github.com/klauspost/compress/zstd"
)

// coding opens a decoder for one content coding.
type coding struct {
	name string
	open func(io.Reader) (io.ReadCloser, error)
}

var codings = map[string]coding{
	"gzip":    {"gzip", openGzip},
	"x-gzip":  {"gzip", openGzip}, // RFC 9110 8.4.1.3: treat as gzip
	"br":      {"br", openBrotli},
	"zstd":    {"zstd", openZstd},
	"deflate": {"deflate", openDeflate},
}

func openGzip(r io.Reader) (io.ReadCloser, error) {
	return gzip.NewReader(r)
}

func openBrotli(r io.Reader) (io.ReadCloser, error) {
	return io.NopCloser(brotli.NewReader(r)), nil
}

// RFC 9659 limits the zstd content coding's window to 8 MB, so a larger one is hostile or broken;
// the cap keeps a frame from claiming gigabytes of window memory.
const (
	zstdMaxWindow = 8 << 20
	zstdMaxMemory = 64 << 20
)

func openZstd(r io.Reader) (io.ReadCloser, error) {
	d, err := zstd.NewReader(r,
		zstd.WithDecoderConcurrency(1), // decode in the caller's goroutine, no background workers
		zstd.WithDecoderLowmem(true),
		zstd.WithDecoderMaxWindow(zstdMaxWindow),
		zstd.WithDecoderMaxMemory(zstdMaxMemory),
	)
	if err != nil {
		return nil, err
	}
	return d.IOReadCloser(), nil
}

// openDeflate reads zlib, which is what "deflate" means in HTTP, and falls back to raw deflate,
// which some servers send anyway.
func openDeflate(r io.Reader) (io.ReadCloser, error) {
	br := bufio.NewReader(r)
	if hdr, err := br.Peek(2); err == nil && isZlibHeader(hdr[0], hdr[1]) {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

// isZlibHeader checks RFC 1950's CMF/FLG pair: method 8 (deflate), a window of at most 32 KB, and
// the check bits that make the pair a multiple of 31. A raw deflate stream passes by chance
// rarely enough that browsers sniff the same way.
func isZlibHeader(cmf, flg byte) bool {
	return cmf&0x0f == 8 && cmf>>4 <= 7 && (uint16(cmf)<<8|uint16(flg))%31 == 0
}
