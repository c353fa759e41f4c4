package wal

import (
	"context"
	"fmt"
	"time"
)

// Sync waits until everything appended so far is fsynced.
func (w *WAL) Sync(ctx context.Context) error {
	w.mu.Lock()
	if err := w.usable(); err != nil {
		w.mu.Unlock()
		return err
	}
	target := w.appended
	w.mu.Unlock()
	return w.waitSynced(ctx, target)
}

// waitSynced waits until the first n records appended since Open are durable.
func (w *WAL) waitSynced(ctx context.Context, n uint64) error {
	if w.opt.NoSync {
		return nil
	}
	for {
		w.mu.Lock()
		if w.synced >= n {
			w.mu.Unlock()
			return nil
		}
		if w.failed != nil {
			err := w.failed
			w.mu.Unlock()
			return err
		}
		ch := w.syncedCh
		w.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// syncLoop is the group commit: it fdatasyncs whenever there are unsynced appends, at most once
// per SyncInterval, so that every append that arrives during one fdatasync shares the next.
func (w *WAL) syncLoop() {
	defer close(w.done)
	var last time.Time
	for {
		select {
		case <-w.kick:
		case <-w.stop:
			return
		}
		if wait := time.Until(last.Add(w.opt.SyncInterval)); wait > 0 {
			t := time.NewTimer(wait)
			select {
			case <-t.C:
			case <-w.stop:
				t.Stop()
				return
			}
		}
		last = time.Now()
		// An error is recorded in w.failed, where every caller sees it.
		_ = w.syncOnce()
	}
}

// syncOnce fdatasyncs the active segment and marks every record written before it began as
// durable. After a failure it never syncs again: see ErrFailed.
func (w *WAL) syncOnce() error {
	w.mu.Lock()
	if w.failed != nil {
		defer w.mu.Unlock()
		return w.failed
	}
	if w.synced == w.appended {
		w.mu.Unlock()
		return nil
	}
	// Every record up to target is in f or in an older segment, which roll fsynced.
	target, f := w.appended, w.f
	w.syncing = true
	w.stats.Syncs++
	w.mu.Unlock()

	err := w.opt.hooks.syncFn(f)

	w.mu.Lock()
	defer w.mu.Unlock()
	w.syncing = false
	for _, r := range w.retired {
		_ = r.Close() // fsynced by roll
	}
	w.retired = nil
	if err != nil {
		return w.fail(fmt.Errorf("fdatasync %s: %w", f.Name(), err))
	}
	if target > w.synced {
		w.synced = target
		w.wakeWaiters()
	}
	return nil
}
