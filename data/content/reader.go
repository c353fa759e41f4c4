package content

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

var (
	// ErrUnsupported means the Content-Encoding names a coding this package cannot undo.
	ErrUnsupported = errors.New("unsupported content encoding")
	// ErrTooLarge means the decoded body exceeds the caller's limit.
	ErrTooLarge = errors.New("decoded body too large")
)

// maxLayers bounds a stacked Content-Encoding. Real traffic uses one; a hostile header listing
// hundreds would otherwise build hundreds of decoders.
const maxLayers = 8

// NewReader wraps r to undo the Content-Encoding header value: "gzip" (or "x-gzip"), "br", "zstd",
// "deflate", "identity", "", or a list such as "gzip, br", which was applied in order and so is
// undone in reverse. Names are case-insensitive. Unknown codings return an error wrapping
// ErrUnsupported. The returned ReadCloser must be closed.
func NewReader(r io.Reader, encoding string) (io.ReadCloser, error) {
	codings, err := parse(encoding)
	if err != nil {
		return nil, err
	}
	chain := &chainReader{encoding: encoding, r: r}
	for i := len(codings) - 1; i >= 0; i-- {
		d, err := codings[i].open(chain.r)
		if err != nil {
			_ = chain.Close()
			return nil, fmt.Errorf("decode content-encoding %q: %s: %w", encoding, codings[i].name, err)
		}
		chain.r = d
		chain.closers = append(chain.closers, d)
	}
	return chain, nil
}

// parse splits a Content-Encoding value into its codings, dropping identity and the empty list
// elements HTTP allows.
func parse(encoding string) ([]coding, error) {
	var out []coding
	for tok := range strings.SplitSeq(encoding, ",") {
		name := strings.ToLower(strings.TrimSpace(tok))
		if name == "" || name == "identity" {
			continue
		}
		c, ok := codings[name]
		if !ok {
			return nil, fmt.Errorf("content-encoding %q: %q: %w", encoding, name, ErrUnsupported)
		}
		out = append(out, c)
	}
	if len(out) > maxLayers {
		return nil, fmt.Errorf("content-encoding %q: %d codings stacked, at most %d: %w", encoding, len(out), maxLayers, ErrUnsupported)
	}
	return out, nil
}

// chainReader reads through the stacked decoders and closes every one of them.
type chainReader struct {
	encoding string
	r        io.Reader
	closers  []io.Closer // innermost first
}

func (c *chainReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("decode content-encoding %q: %w", c.encoding, err)
	}
	return n, err
}

func (c *chainReader) Close() error {
	var errs []error
	for i := len(c.closers) - 1; i >= 0; i-- {
		errs = append(errs, c.closers[i].Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close content-encoding %q decoder: %w", c.encoding, err)
	}
	return nil
}
