package objects

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/klauspost/compress/gzip"
)

// Store is what readers need of an object store. It is deliberately minimal so an S3 (or other
// remote) implementation can follow.
type Store interface {
	// Open returns the body (decompressed from the stored gzip): the exact wire bytes. A missing
	// object yields an error wrapping ErrNotFound; a broken stream yields a *CorruptError, either
	// from Open or from Read.
	Open(ctx context.Context, kind Kind, hash string) (io.ReadCloser, error)
}

// FS is the Store on a local filesystem, rooted at <dataDir>/objects.
type FS struct {
	root string
}

var _ Store = (*FS)(nil)

// NewFS returns the store for dataDir. It touches nothing on disk: readers must not create
// directories in a data dir the gateway owns.
func NewFS(dataDir string) *FS {
	return &FS{root: filepath.Join(dataDir, "objects")}
}

// Path returns the file an object lives in, after refusing invalid kinds and hashes.
func (f *FS) Path(kind Kind, hash string) (string, error) {
	if err := check(kind, hash); err != nil {
		return "", err
	}
	return filepath.Join(f.root, string(kind), hash), nil
}

// Open returns the decompressed body of an object.
func (f *FS) Open(ctx context.Context, kind Kind, hash string) (io.ReadCloser, error) {
	path, err := f.Path(kind, hash)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("open object %s/%s: %w", kind, hash, err)
	}
	file, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("open object %s/%s: %w", kind, hash, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("open object %s/%s: %w", kind, hash, err)
	}
	src := &sourceReader{r: file}
	gz, err := gzip.NewReader(src)
	if err != nil {
		_ = file.Close()
		return nil, classify(kind, hash, src, err)
	}
	return &objectReader{kind: kind, hash: hash, file: file, src: src, gz: gz}, nil
}

// objectReader decompresses an object file, telling corruption apart from I/O failure.
type objectReader struct {
	kind Kind
	hash string
	file *os.File
	src  *sourceReader
	gz   *gzip.Reader
}

func (o *objectReader) Read(p []byte) (int, error) {
	n, err := o.gz.Read(p)
	if err != nil && err != io.EOF {
		err = classify(o.kind, o.hash, o.src, err)
	}
	return n, err
}

func (o *objectReader) Close() error {
	// gzip.Reader.Close only reports a previous decode error, which Read already returned.
	_ = o.gz.Close()
	if err := o.file.Close(); err != nil {
		return fmt.Errorf("close object %s/%s: %w", o.kind, o.hash, err)
	}
	return nil
}

// sourceReader remembers the file's own read error so classify can tell a disk failure (worth
// retrying, not the object's fault) from a bad gzip stream (the object is corrupt).
type sourceReader struct {
	r   io.Reader
	err error
}

func (s *sourceReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF {
		s.err = err
	}
	return n, err
}

func classify(kind Kind, hash string, src *sourceReader, err error) error {
	if src.err != nil && errors.Is(err, src.err) {
		return fmt.Errorf("read object %s/%s: %w", kind, hash, err)
	}
	// An empty file reaches the gzip header as io.EOF: it is as corrupt as a truncated one.
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return &CorruptError{Kind: kind, Hash: hash, Err: err}
}
