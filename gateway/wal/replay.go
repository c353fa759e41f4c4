package wal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Replay calls fn for every record from the oldest kept segment on, in order, with its
// position; fn's payload is only valid during the call. It sees the records appended before it
// was called and may run alongside Append. Records are not deduplicated: ingestion must be
// idempotent (by capture id), since a record can be replayed again after a crash that came
// before the Release covering it. Replay stops at the first error fn returns, and returns it
// unwrapped.
func (w *WAL) Replay(fn func(pos Position, payload []byte) error) error {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return ErrClosed
	}
	first, last, end := w.first, w.seq, w.size
	w.mu.Unlock()

	for seq := first; seq <= last; seq++ {
		size := int64(-1) // to the end of the file: segments before the last never change
		if seq == last {
			size = end
		}
		if err := w.replaySegment(seq, size, fn); err != nil {
			return err
		}
	}
	return nil
}

func (w *WAL) replaySegment(seq uint64, size int64, fn func(Position, []byte) error) error {
	path := filepath.Join(w.dir, segmentName(seq))
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) && size < 0 {
		return nil // released since Replay began
	}
	if err != nil {
		return fmt.Errorf("wal: replay: %w", err)
	}
	defer f.Close()
	if size < 0 {
		fi, err := f.Stat()
		if err != nil {
			return fmt.Errorf("wal: replay: stat segment: %w", err)
		}
		size = fi.Size()
	}

	var fnErr error
	_, err = scanRecords(f, size, func(off int64, payload []byte) error {
		fnErr = fn(Position{Segment: seq, Offset: off}, payload)
		return fnErr
	})
	switch bad, isBad := errors.AsType[*badRecordError](err); {
	case err == nil:
		return nil
	case fnErr != nil:
		return fnErr
	case isBad:
		// Open checked every record, so this is damage done to the file since.
		return fmt.Errorf("%w: %s offset %d: %s (found by replay)", ErrCorrupt, path, bad.off, bad.reason)
	default:
		return fmt.Errorf("wal: replay %s: %w", path, err)
	}
}
