package content

import (
	"bytes"
	"fmt"
	"io"
)

// Decode undoes encoding on b, refusing to produce more than max bytes: a few kilobytes of hostile
// input can expand to gigabytes, so decoding stops at max+1 bytes and returns ErrTooLarge.
func Decode(b []byte, encoding string, max int64) ([]byte, error) {
	if max < 0 {
		return nil, fmt.Errorf("decode content-encoding %q: negative limit %d", encoding, max)
	}
	rc, err := NewReader(bytes.NewReader(b), encoding)
	if err != nil {
		return nil, err
	}
	defer rc.Close()

	limit := max
	if limit < 1<<62 {
		limit++ // one byte past max tells "exactly max" from "more"
	}
	out, err := io.ReadAll(io.LimitReader(rc, limit))
	if err != nil {
		return nil, err
	}
	if int64(len(out)) > max {
		return nil, fmt.Errorf("decode content-encoding %q: more than %d bytes: %w", encoding, max, ErrTooLarge)
	}
	return out, nil
}
