package capture

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// Body accumulates one body as it streams: its SHA-256 and size, the bytes themselves in memory
// up to a cap, and beyond the cap in a spill file, so a 200 MB response costs a file, not RAM.
// Write never fails the traffic it observes: a spill error is remembered and reported at the end.
type Body struct {
	mu       sync.Mutex
	h        hash.Hash
	size     int64
	buf      []byte
	capBytes int
	spillDir string
	spill    *os.File
	err      error
}

// NewBody returns a Body that keeps up to capBytes in memory and spills the rest into spillDir.
func NewBody(capBytes int, spillDir string) *Body {
	return &Body{h: sha256.New(), capBytes: capBytes, spillDir: spillDir}
}

// Write records p. It always reports len(p), nil: the traffic must not depend on the capture.
func (b *Body) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.h.Write(p)
	b.size += int64(len(p))
	if b.err != nil {
		return len(p), nil
	}
	if b.spill == nil && len(b.buf)+len(p) <= b.capBytes {
		b.buf = append(b.buf, p...)
		return len(p), nil
	}
	if b.spill == nil {
		f, err := os.CreateTemp(b.spillDir, "body-*.spill")
		if err != nil {
			b.err = fmt.Errorf("spill body: %w", err)
			return len(p), nil
		}
		b.spill = f
		if _, err := f.Write(b.buf); err != nil {
			b.err = fmt.Errorf("spill body: %w", err)
			return len(p), nil
		}
		b.buf = nil
	}
	if _, err := b.spill.Write(p); err != nil {
		b.err = fmt.Errorf("spill body: %w", err)
	}
	return len(p), nil
}

// Sum returns the hex SHA-256 and the size of everything written so far.
func (b *Body) Sum() (string, int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return hex.EncodeToString(b.h.Sum(nil)), b.size
}

// Finish closes the spill file (if any) and returns the captured content: the in-memory bytes,
// or the spill file's path. The error is the first spill failure; the hash and size stay right
// even then, but the bytes are incomplete and the capture must be marked so.
func (b *Body) Finish() (inline []byte, spillPath string, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.spill != nil {
		path := b.spill.Name()
		if cerr := b.spill.Close(); cerr != nil && b.err == nil {
			b.err = fmt.Errorf("close spill %s: %w", filepath.Base(path), cerr)
		}
		b.spill = nil
		return nil, path, b.err
	}
	return b.buf, "", b.err
}

// teeReadCloser copies everything read through it into a Body and calls onEnd once, when the
// reader hits EOF or an error, or is closed early; onEnd runs BEFORE the final Read returns, so
// the capture is recorded before the caller can pass the last bytes on.
type teeReadCloser struct {
	r     io.ReadCloser
	body  *Body
	once  sync.Once
	onEnd func(err error) error
}

// Tee wraps r so that what is read is recorded into body; onEnd(nil) at EOF, onEnd(err) on a read
// error, onEnd(ErrClosedEarly) if closed before EOF. When onEnd returns an error at EOF, the
// reader reports that error instead of io.EOF: the reader's consumer must not take a body whose
// capture failed for a complete one (capture fails closed).
func Tee(r io.ReadCloser, body *Body, onEnd func(err error) error) io.ReadCloser {
	return &teeReadCloser{r: r, body: body, onEnd: onEnd}
}

// ErrClosedEarly marks a body whose reader was closed before it reached EOF.
var ErrClosedEarly = fmt.Errorf("body closed before its end")

func (t *teeReadCloser) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if n > 0 {
		t.body.Write(p[:n])
	}
	if err != nil {
		end := err
		if err == io.EOF {
			end = nil
		}
		var failed error
		t.once.Do(func() { failed = t.onEnd(end) })
		if failed != nil && err == io.EOF {
			err = failed
		}
	}
	return n, err
}

func (t *teeReadCloser) Close() error {
	t.once.Do(func() { _ = t.onEnd(ErrClosedEarly) })
	return t.r.Close()
}

// TeeSized is Tee for a body of known length (size >= 0): onEnd runs as soon as the last byte has
// been read, before that Read returns, so the capture is committed before the consumer can pass
// the final bytes on (a body of unknown length ends at EOF, as with Tee).
func TeeSized(r io.ReadCloser, body *Body, size int64, onEnd func(err error) error) io.ReadCloser {
	return &sizedTee{teeReadCloser: teeReadCloser{r: r, body: body, onEnd: onEnd}, remaining: size}
}

type sizedTee struct {
	teeReadCloser
	remaining int64
}

func (t *sizedTee) Read(p []byte) (int, error) {
	if t.remaining == 0 { // an empty body, or every byte already delivered
		var failed error
		t.once.Do(func() { failed = t.onEnd(nil) })
		if failed != nil {
			return 0, failed
		}
		return 0, io.EOF
	}
	n, err := t.teeReadCloser.Read(p)
	if t.remaining > 0 {
		t.remaining -= int64(n)
		if t.remaining <= 0 && err == nil {
			t.remaining = 0
			var failed error
			t.once.Do(func() { failed = t.onEnd(nil) })
			if failed != nil {
				return 0, failed // withhold the last bytes: the capture did not commit
			}
		}
	}
	return n, err
}
