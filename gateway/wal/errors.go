package wal

import "errors"

var (
	// ErrFailed is returned by every call after an fsync failed, or after a failed write could
	// not be cut back off the segment. An fsync is never retried: after a failure the kernel may
	// already have dropped the dirty pages, so a later "successful" fsync would lie (PostgreSQL's
	// PANIC on fsync failure). Only a restart, which re-reads the log from disk, is safe.
	ErrFailed = errors.New("wal: failed after an fsync or write error; restart required")

	// ErrCorrupt is wrapped with the file and offset of a damaged record that is not a torn
	// tail, so cutting it off would lose records written after it.
	ErrCorrupt = errors.New("wal: corrupt record")

	// ErrClosed is returned by calls on a closed WAL.
	ErrClosed = errors.New("wal: closed")

	// ErrTooLarge is returned by Append for a payload over Options.MaxRecordBytes; such bodies
	// belong in files that the record references.
	ErrTooLarge = errors.New("wal: record too large")
)
