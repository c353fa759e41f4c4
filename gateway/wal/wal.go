package wal

import (
	"errors"
	"fmt"
	"os"
	"sync"
)

// WAL is an open write-ahead log. All methods are safe for concurrent use.
type WAL struct {
	dir    string
	opt    Options
	unlock func() error

	releaseMu sync.Mutex // one Release at a time

	mu       sync.Mutex
	f        *os.File // active segment, opened O_APPEND
	seq      uint64   // active segment's sequence number
	first    uint64   // oldest kept segment
	size     int64    // end of the last whole record in the active segment
	buf      []byte   // assembles small records into one write
	appended uint64   // records written since Open
	synced   uint64   // how many of those are known to be durable
	syncedCh chan struct{}
	syncing  bool       // the syncer is inside an fdatasync of a file it snapshotted
	retired  []*os.File // rolled-away segments to close once that fdatasync returns
	failed   error      // wraps ErrFailed; set once, never cleared
	closed   bool
	stats    Stats

	kick chan struct{} // wakes the syncer; buffered so Append never blocks on it
	stop chan struct{}
	done chan struct{}
}

// Stats are counters since Open.
type Stats struct {
	Appends  uint64 // records appended
	Bytes    uint64 // bytes written to segments, framing included
	Syncs    uint64 // fdatasyncs of segment files
	Segments int    // segment files kept, the active one included
	Failed   bool   // an fsync or an unrecoverable write failed: every append now fails
}

// Close waits for everything appended to be fsynced, stops the syncer and closes the files. It
// returns the WAL's failure, if it failed; closing twice is a no-op.
func (w *WAL) Close() error {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return nil
	}
	w.closed = true
	w.mu.Unlock()

	var errs []error
	if !w.opt.NoSync {
		close(w.stop)
		<-w.done
		if err := w.syncOnce(); err != nil {
			errs = append(errs, err)
		}
	}
	w.mu.Lock()
	for _, f := range append(w.retired, w.f) {
		if err := f.Close(); err != nil {
			errs = append(errs, fmt.Errorf("wal: close %s: %w", f.Name(), err))
		}
	}
	w.retired = nil
	w.mu.Unlock()
	if err := w.unlock(); err != nil {
		errs = append(errs, fmt.Errorf("wal: unlock %s: %w", w.dir, err))
	}
	return errors.Join(errs...)
}

// Stats returns the counters.
func (w *WAL) Stats() Stats {
	w.mu.Lock()
	defer w.mu.Unlock()
	s := w.stats
	s.Segments = int(w.seq - w.first + 1)
	s.Failed = w.failed != nil
	return s
}

// usable is the error an operation on the WAL gets, if any. w.mu must be held.
func (w *WAL) usable() error {
	if w.closed {
		return ErrClosed
	}
	return w.failed
}

// fail puts the WAL into its failed state for good and wakes every waiter. w.mu must be held.
func (w *WAL) fail(cause error) error {
	if w.failed == nil {
		w.failed = fmt.Errorf("%w: %w", ErrFailed, cause)
		w.wakeWaiters()
	}
	return w.failed
}

// wakeWaiters tells everyone waiting for a sync to look again. w.mu must be held.
func (w *WAL) wakeWaiters() {
	close(w.syncedCh)
	w.syncedCh = make(chan struct{})
}
