package wal

import (
	"fmt"
	"os"
	"path/filepath"
)

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
