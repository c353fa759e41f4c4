package fakeprovider

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/klauspost/compress/zstd"
)

const (
	maxRequestBytes = 64 << 20
	maxDecodedBytes = 256 << 20
)

var errUnsupportedEncoding = errors.New("unsupported content encoding")

// decodeBody undoes Content-Encoding. Codex compresses its request bodies with zstd, so a
// gateway that forwards them untouched hands this server encoded bytes; the hash in the
// exchange stays over those encoded bytes and only the script reads the decoded JSON.
// Encodings are listed in the order they were applied, so they are undone right to left.
func decodeBody(raw []byte, contentEncoding string) ([]byte, error) {
	body := raw
	codings := strings.Split(contentEncoding, ",")
	for i := len(codings) - 1; i >= 0; i-- {
		coding := strings.ToLower(strings.TrimSpace(codings[i]))
		var (
			r   io.Reader
			err error
		)
		switch coding {
		case "", "identity":
			continue
		case "gzip", "x-gzip":
			r, err = gzip.NewReader(bytes.NewReader(body))
		case "deflate":
			r, err = zlib.NewReader(bytes.NewReader(body))
		case "zstd":
			var d *zstd.Decoder
			d, err = zstd.NewReader(bytes.NewReader(body), zstd.WithDecoderMaxMemory(maxDecodedBytes))
			if err == nil {
				defer d.Close()
				r = d
			}
		default:
			return nil, fmt.Errorf("%w: %q", errUnsupportedEncoding, coding)
		}
		if err != nil {
			return nil, fmt.Errorf("open %s body: %w", coding, err)
		}
		out, err := io.ReadAll(io.LimitReader(r, maxDecodedBytes+1))
		if err != nil {
			return nil, fmt.Errorf("decode %s body: %w", coding, err)
		}
		if len(out) > maxDecodedBytes {
			return nil, fmt.Errorf("decode %s body: larger than %d bytes", coding, maxDecodedBytes)
		}
		body = out
	}
	return body, nil
}
