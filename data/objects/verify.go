package objects

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
)

// Verify re-reads an object, recomputing SHA-256 over the decompressed bytes as it streams, so
// memory stays bounded whatever the body size. It returns nil when the content hashes to its name,
// a *MismatchError when it does not (Got is the actual hash), an error wrapping ErrNotFound when
// the object is missing, and a *CorruptError when the gzip stream is broken or truncated.
func Verify(ctx context.Context, s Store, kind Kind, hash string) error {
	if err := check(kind, hash); err != nil {
		return err
	}
	rc, err := s.Open(ctx, kind, hash)
	if err != nil {
		return passCorrupt(err, err) // Open's errors already name the object
	}
	defer rc.Close()

	h := sha256.New()
	if _, err := io.Copy(h, ctxReader{ctx: ctx, r: rc}); err != nil {
		return passCorrupt(err, fmt.Errorf("verify object %s/%s: %w", kind, hash, err))
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != hash {
		return &MismatchError{Kind: kind, Want: hash, Got: got}
	}
	return nil
}

// passCorrupt returns a *CorruptError unwrapped, as Verify promises, and wrapped otherwise.
func passCorrupt(err, wrapped error) error {
	var ce *CorruptError
	if errors.As(err, &ce) {
		return ce
	}
	return wrapped
}

// ctxReader stops a long read (a 100 MB body, a slow remote store) once ctx is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
