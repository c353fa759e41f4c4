package objectwriter

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/recondo/recondo/data/objects"
)

// Writer stores bodies under the SHA-256 of their uncompressed bytes.
type Writer interface {
	// Put stores the body read from r, hashing while it streams; memory stays bounded whatever
	// the size.
	Put(ctx context.Context, kind objects.Kind, r io.Reader) (hash string, size int64, err error)
	// PutVerified is Put for a body whose hash the caller already computed; it fails with an
	// *objects.MismatchError (and stores nothing) if the content does not hash to want.
	PutVerified(ctx context.Context, kind objects.Kind, want string, r io.Reader) (size int64, err error)
}

// Permissions: read surfaces may run as another user in the data dir's group, so object
// directories and files are group-readable; tmp holds half-written bodies nobody else needs.
const (
	dirPerm  = 0o750
	tmpPerm  = 0o700
	filePerm = 0o640
)

// staleAfter is how old a temp file must be before NewFS removes it. Far longer than any Put, so
// a second gateway process sharing the data dir (a rolling restart) never loses a write in flight.
const staleAfter = time.Hour

// FS is the Writer on a local filesystem, laid out as objects.FS reads it.
type FS struct {
	objs *objects.FS
	dirs map[objects.Kind]string
	tmp  string
}

var _ Writer = (*FS)(nil)

// NewFS prepares <dataDir>/objects/{req,resp,tmp}, fsyncing any directory it creates, and removes
// temp files left by a crash.
func NewFS(dataDir string) (*FS, error) {
	root := filepath.Join(dataDir, "objects")
	w := &FS{
		objs: objects.NewFS(dataDir),
		dirs: map[objects.Kind]string{
			objects.Request:  filepath.Join(root, string(objects.Request)),
			objects.Response: filepath.Join(root, string(objects.Response)),
		},
		tmp: filepath.Join(root, "tmp"),
	}
	for _, d := range []string{w.dirs[objects.Request], w.dirs[objects.Response]} {
		if err := mkdirSync(d, dirPerm); err != nil {
			return nil, fmt.Errorf("prepare object store %s: %w", root, err)
		}
	}
	if err := mkdirSync(w.tmp, tmpPerm); err != nil {
		return nil, fmt.Errorf("prepare object store %s: %w", root, err)
	}
	// A crash between creating a temp file and renaming or removing it leaves the file behind;
	// nothing else would ever reclaim that space.
	if err := sweepTmp(w.tmp, time.Now().Add(-staleAfter)); err != nil {
		return nil, fmt.Errorf("prepare object store %s: %w", root, err)
	}
	return w, nil
}
