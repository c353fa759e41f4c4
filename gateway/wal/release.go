package wal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Release says every record before pos is durably in the database: segments wholly before pos
// are deleted, oldest first; the active segment never is. Ingestion that completes out of order
// must pass the position of the oldest record not yet ingested.
func (w *WAL) Release(pos Position) error {
	w.releaseMu.Lock()
	defer w.releaseMu.Unlock()
	for {
		w.mu.Lock()
		if w.closed {
			w.mu.Unlock()
			return ErrClosed
		}
		seq, active := w.first, w.seq
		w.mu.Unlock()
		if seq >= pos.Segment || seq >= active {
			return nil
		}

		path := filepath.Join(w.dir, segmentName(seq))
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("wal: release segment: %w", err)
		}
		if err := removeBroken(w.dir, seq); err != nil {
			return err
		}
		// One removal durable before the next keeps the kept segments contiguous through a
		// crash; Open refuses a gap.
		if err := syncDir(w.dir); err != nil {
			return err
		}
		w.mu.Lock()
		w.first = seq + 1
		w.mu.Unlock()
	}
}

// removeBroken deletes the cut-off tails saved for a segment: the evidence concerns records
// that are ingested now.
func removeBroken(dir string, seq uint64) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("wal: release segment: list %s: %w", dir, err)
	}
	prefix := segmentName(seq) + "."
	for _, e := range entries {
		if name := e.Name(); strings.HasPrefix(name, prefix) && strings.HasSuffix(name, ".broken") {
			if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("wal: release segment: %w", err)
			}
		}
	}
	return nil
}
