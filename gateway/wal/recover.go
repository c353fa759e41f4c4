package wal

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
)

// checkSegment verifies that a segment before the last holds intact records up to its very
// end. Each was fsynced before its successor was created, so damage here is never a torn
// write.
func checkSegment(dir string, seq uint64) error {
	path := filepath.Join(dir, segmentName(seq))
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("wal: open segment: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("wal: stat segment: %w", err)
	}
	_, err = scanRecords(f, fi.Size(), nil)
	if bad, ok := errors.AsType[*badRecordError](err); ok {
		return fmt.Errorf("%w: %s offset %d: %s (in a segment before the last, so not a torn tail)",
			ErrCorrupt, path, bad.off, bad.reason)
	}
	if err != nil {
		return fmt.Errorf("wal: read %s: %w", path, err)
	}
	return nil
}

// recoverLastSegment opens the last segment for appending and returns the offset just past its
// last intact record, first cutting off a torn tail.
func recoverLastSegment(dir string, seq uint64, log *slog.Logger) (*os.File, int64, error) {
	path := filepath.Join(dir, segmentName(seq))
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND, 0)
	if err != nil {
		return nil, 0, fmt.Errorf("wal: open last segment: %w", err)
	}
	end, err := recoverFile(f, path, log)
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, end, nil
}

func recoverFile(f *os.File, path string, log *slog.Logger) (int64, error) {
	fi, err := f.Stat()
	if err != nil {
		return 0, fmt.Errorf("wal: stat segment: %w", err)
	}
	size := fi.Size()
	end, err := scanRecords(f, size, nil)
	bad, ok := errors.AsType[*badRecordError](err)
	if err != nil && !ok {
		// Never cut a file because it could not be read.
		return 0, fmt.Errorf("wal: read %s: %w", path, err)
	}
	if err == nil {
		return end, nil
	}

	tail := make([]byte, size-bad.off)
	if _, err := f.ReadAt(tail, bad.off); err != nil {
		return 0, fmt.Errorf("wal: read tail of %s at offset %d: %w", path, bad.off, err)
	}
	next, found := nextIntactRecord(tail)
	if found && !hasZeroSector(tail[:next], bad.off) {
		return 0, fmt.Errorf("%w: %s offset %d: %s, yet an intact record follows at offset %d, "+
			"so it is not a torn tail", ErrCorrupt, path, bad.off, bad.reason, bad.off+next)
	}

	// Keep the cut bytes: they were never acknowledged as durable, but they are the only
	// evidence of what happened.
	broken := fmt.Sprintf("%s.%d.broken", path, bad.off)
	if err := writeFileSync(broken, tail); err != nil {
		return 0, err
	}
	if err := f.Truncate(bad.off); err != nil {
		return 0, fmt.Errorf("wal: cut torn tail of %s at offset %d: %w", path, bad.off, err)
	}
	if err := f.Sync(); err != nil {
		return 0, fmt.Errorf("wal: fsync %s after cutting its tail: %w", path, err)
	}
	log.Warn("wal: cut torn tail", "segment", path, "offset", bad.off, "reason", bad.reason,
		"bytes", len(tail), "saved", broken, "dropped_unsynced_records", found)
	return bad.off, nil
}

// writeFileSync writes a new file and makes it and its directory entry durable.
func writeFileSync(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("wal: create %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("wal: write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("wal: fsync %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("wal: close %s: %w", path, err)
	}
	return syncDir(filepath.Dir(path))
}
