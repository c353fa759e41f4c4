package wal

import (
	"fmt"
	"log/slog"
	"os"
	"time"
)

const (
	defaultSegmentBytes   = 64 << 20
	defaultMaxRecordBytes = 64 << 20
	defaultSyncInterval   = 2 * time.Millisecond
	// maxRecordLimit keeps a length inside the uint32 length word with room to spare.
	maxRecordLimit = 1 << 30
)

// Options tune a WAL; the zero value is the production default.
type Options struct {
	// SegmentBytes is the size at which the active segment is closed and a new one begun
	// (default 64 MiB). It is a soft limit: a record never spans segments, so a record larger
	// than SegmentBytes gets a segment to itself.
	SegmentBytes int64

	// MaxRecordBytes caps one payload (default 64 MiB, at most 1 GiB).
	MaxRecordBytes int64

	// SyncInterval paces group commit: the background syncer fdatasyncs at most this often
	// while there are unsynced appends (default 2ms), so concurrent AppendSync callers share one
	// fdatasync instead of queueing for one each.
	SyncInterval time.Duration

	// NoSync never fsyncs, for tests and benchmarks only: records still survive kill -9 of the
	// process, but not a power loss. AppendSync and Sync return without waiting.
	NoSync bool

	// Logger hears about repairs Open makes (nil: slog.Default()).
	Logger *slog.Logger

	// hooks lets tests inject fsync and write failures; nil in production. A pointer, so
	// that Options stays comparable.
	hooks *hooks
}

type hooks struct {
	syncFn  func(*os.File) error
	writeFn func(*os.File, []byte) (int, error)
}

func (o Options) withDefaults() (Options, error) {
	if o.SegmentBytes < 0 || o.MaxRecordBytes < 0 || o.SyncInterval < 0 {
		return o, fmt.Errorf("wal: negative option: SegmentBytes=%d MaxRecordBytes=%d SyncInterval=%v",
			o.SegmentBytes, o.MaxRecordBytes, o.SyncInterval)
	}
	if o.MaxRecordBytes > maxRecordLimit {
		return o, fmt.Errorf("wal: MaxRecordBytes %d over the limit of %d", o.MaxRecordBytes, maxRecordLimit)
	}
	if o.SegmentBytes == 0 {
		o.SegmentBytes = defaultSegmentBytes
	}
	if o.MaxRecordBytes == 0 {
		o.MaxRecordBytes = defaultMaxRecordBytes
	}
	if o.SyncInterval == 0 {
		o.SyncInterval = defaultSyncInterval
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	h := hooks{syncFn: fdatasync, writeFn: (*os.File).Write}
	if o.hooks != nil {
		if o.hooks.syncFn != nil {
			h.syncFn = o.hooks.syncFn
		}
		if o.hooks.writeFn != nil {
			h.writeFn = o.hooks.writeFn
		}
	}
	o.hooks = &h
	return o, nil
}
