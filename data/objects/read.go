package objects

import (
	"context"
	"fmt"
	"io"
	"math"
)

// ReadLimited reads at most max bytes of an object's body, for showing it. truncated reports that
// the body is longer than max; the bytes returned are then its first max bytes.
func ReadLimited(ctx context.Context, s Store, kind Kind, hash string, max int64) (body []byte, truncated bool, err error) {
	if err := check(kind, hash); err != nil {
		return nil, false, err
	}
	if max < 0 {
		return nil, false, fmt.Errorf("read object %s/%s: negative limit %d", kind, hash, max)
	}
	rc, err := s.Open(ctx, kind, hash)
	if err != nil {
		return nil, false, err
	}
	defer rc.Close()

	// One byte past max tells a body of exactly max bytes from a longer one.
	limit := max
	if limit < math.MaxInt64 {
		limit++
	}
	b, err := io.ReadAll(io.LimitReader(ctxReader{ctx: ctx, r: rc}, limit))
	if err != nil {
		return nil, false, fmt.Errorf("read object %s/%s: %w", kind, hash, err)
	}
	if int64(len(b)) > max {
		return b[:max], true, nil
	}
	return b, false, nil
}
