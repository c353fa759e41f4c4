package objectwriter

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"

	"github.com/klauspost/compress/gzip"

	"github.com/recondo/recondo/data/objects"
)

// Put stores the body read from r and returns its hash and uncompressed size.
func (w *FS) Put(ctx context.Context, kind objects.Kind, r io.Reader) (string, int64, error) {
	return w.put(ctx, kind, "", r)
}

// PutVerified stores the body read from r only if it hashes to want.
func (w *FS) PutVerified(ctx context.Context, kind objects.Kind, want string, r io.Reader) (int64, error) {
	if !objects.ValidHash(want) {
		return 0, fmt.Errorf("put object %s/%q: %w", kind, want, objects.ErrInvalidHash)
	}
	_, size, err := w.put(ctx, kind, want, r)
	return size, err
}

// put writes gzip to a temp file in objects/tmp (same filesystem, so the rename is atomic), fsyncs
// it, renames it to its hash and fsyncs the directory. A crash at any point leaves either no
// object or a complete one, never a partial file at the final name. want == "" skips the check.
func (w *FS) put(ctx context.Context, kind objects.Kind, want string, r io.Reader) (hash string, size int64, err error) {
	dir, ok := w.dirs[kind]
	if !ok {
		return "", 0, fmt.Errorf("put object %q: %w", kind, objects.ErrInvalidKind)
	}
	tmp, err := os.CreateTemp(w.tmp, string(kind)+"-*")
	if err != nil {
		return "", 0, fmt.Errorf("put object %s: create temp: %w", kind, err)
	}
	renamed := false
	defer func() {
		if renamed {
			return
		}
		_ = tmp.Close() // already closed on the success paths; the error is then meaningless
		if rmErr := os.Remove(tmp.Name()); rmErr != nil && !errors.Is(rmErr, fs.ErrNotExist) && err == nil {
			err = fmt.Errorf("put object %s/%s: remove temp: %w", kind, hash, rmErr)
		}
	}()

	h := sha256.New()
	size, err = compress(ctx, tmp, io.TeeReader(r, h))
	if err != nil {
		return "", 0, fmt.Errorf("put object %s: %w", kind, err)
	}
	hash = hex.EncodeToString(h.Sum(nil))
	if want != "" && hash != want {
		return "", 0, fmt.Errorf("put object: %w", &objects.MismatchError{Kind: kind, Want: want, Got: hash})
	}
	final, err := w.objs.Path(kind, hash)
	if err != nil {
		return "", 0, err
	}

	// Content-addressed: an existing object already holds these bytes, so skip the file fsync.
	// The directory is still synced in case that object's own Put has renamed but not synced yet.
	if _, statErr := os.Lstat(final); statErr == nil {
		if err := tmp.Close(); err != nil {
			return "", 0, fmt.Errorf("put object %s/%s: close temp: %w", kind, hash, err)
		}
		if err := syncDir(dir); err != nil {
			return "", 0, fmt.Errorf("put object %s/%s: %w", kind, hash, err)
		}
		return hash, size, nil
	}

	if err := tmp.Chmod(filePerm); err != nil {
		return "", 0, fmt.Errorf("put object %s/%s: chmod temp: %w", kind, hash, err)
	}
	if err := tmp.Sync(); err != nil {
		return "", 0, fmt.Errorf("put object %s/%s: sync temp: %w", kind, hash, err)
	}
	if err := tmp.Close(); err != nil {
		return "", 0, fmt.Errorf("put object %s/%s: close temp: %w", kind, hash, err)
	}
	if err := ctx.Err(); err != nil {
		return "", 0, fmt.Errorf("put object %s/%s: %w", kind, hash, err)
	}
	// A concurrent Put of the same body may rename first; rename then replaces identical bytes,
	// which readers never notice (an open file keeps its inode).
	if err := os.Rename(tmp.Name(), final); err != nil {
		return "", 0, fmt.Errorf("put object %s/%s: rename: %w", kind, hash, err)
	}
	renamed = true
	if err := syncDir(dir); err != nil {
		return "", 0, fmt.Errorf("put object %s/%s: %w", kind, hash, err)
	}
	return hash, size, nil
}

// compress gzips r into f at BestSpeed (the gateway is on the hot path) and returns how many
// uncompressed bytes it read. Memory is the copy buffer plus the compressor's fixed state.
func compress(ctx context.Context, f *os.File, r io.Reader) (int64, error) {
	c := compressors.Get().(*compressor)
	defer c.release()
	c.bw.Reset(f)
	c.gz.Reset(c.bw)
	n, err := io.CopyBuffer(c.gz, ctxReader{ctx: ctx, r: r}, c.buf)
	if err != nil {
		return n, fmt.Errorf("copy body: %w", err)
	}
	if err := c.gz.Close(); err != nil {
		return n, fmt.Errorf("write body: %w", err)
	}
	if err := c.bw.Flush(); err != nil {
		return n, fmt.Errorf("write body: %w", err)
	}
	return n, nil
}

// compressor is pooled: a BestSpeed gzip writer allocates close to 1 MB of state, which every
// captured body would otherwise hand to the garbage collector.
type compressor struct {
	gz  *gzip.Writer
	bw  *bufio.Writer
	buf []byte
}

var compressors = sync.Pool{New: func() any {
	// BestSpeed is a valid level, so NewWriterLevel cannot fail here.
	gz, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
	return &compressor{gz: gz, bw: bufio.NewWriterSize(io.Discard, 64<<10), buf: make([]byte, 32<<10)}
}}

// release drops the file so a pooled compressor does not keep it reachable.
func (c *compressor) release() {
	c.gz.Reset(io.Discard)
	c.bw.Reset(io.Discard)
	compressors.Put(c)
}

// ctxReader stops a long body copy once ctx is done.
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
