package wal

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
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

// Open opens the log in dir, creating dir (0700) if needed. It checks every segment, cuts a
// torn tail off the last one, and refuses to open (ErrCorrupt) when a record before the tail is
// damaged. Whatever it finds is made durable before it returns.
func Open(dir string, opt Options) (*WAL, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("wal: create directory: %w", err)
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	w := &WAL{dir: dir, opt: opt, unlock: unlock, syncedCh: make(chan struct{})}
	if err := w.load(); err != nil {
		unlock()
		return nil, err
	}
	if !opt.NoSync {
		w.kick = make(chan struct{}, 1)
		w.stop = make(chan struct{})
		w.done = make(chan struct{})
		go w.syncLoop()
	}
	return w, nil
}

// load finds the segments, checks them and opens the last for appending.
func (w *WAL) load() error {
	seqs, err := listSegments(w.dir)
	if err != nil {
		return err
	}
	if len(seqs) == 0 {
		f, err := createSegment(w.dir, firstSegment)
		if err != nil {
			return err
		}
		w.f, w.seq, w.first = f, firstSegment, firstSegment
		return nil
	}
	for i := 1; i < len(seqs); i++ {
		if seqs[i] != seqs[i-1]+1 {
			return fmt.Errorf("%w: %s is missing between %s and %s", ErrCorrupt,
				filepath.Join(w.dir, segmentName(seqs[i-1]+1)), segmentName(seqs[i-1]), segmentName(seqs[i]))
		}
	}
	last := seqs[len(seqs)-1]
	for _, seq := range seqs[:len(seqs)-1] {
		if err := checkSegment(w.dir, seq); err != nil {
			return err
		}
	}
	f, end, err := recoverLastSegment(w.dir, last, w.opt.Logger)
	if err != nil {
		return err
	}
	// A previous process killed with -9 may have left records in the page cache only, and a
	// crash may have left a new segment's directory entry unsynced. Make both durable now so
	// that everything replayed from here survives a power loss too.
	if !w.opt.NoSync {
		if err := w.opt.hooks.syncFn(f); err != nil {
			f.Close()
			return fmt.Errorf("wal: fdatasync %s at open: %w", f.Name(), err)
		}
		if err := syncDir(w.dir); err != nil {
			f.Close()
			return err
		}
	}
	w.f, w.seq, w.first, w.size = f, last, seqs[0], end
	return nil
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
