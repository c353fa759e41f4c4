package wal

import (
	"context"
	"fmt"
	"io"
)

// smallRecord is the largest record assembled in memory and written with one write(2); larger
// ones are written header, payload and padding in turn rather than copied.
const smallRecord = 256 << 10

var zeroPad [alignment]byte

// Append writes one record with write(2) before returning, so it survives a kill -9 of this
// process, and schedules it for the next group fsync; only then is it safe against power loss.
// Records are written whole and in the order Append is called. A failed write is cut back off
// the segment and returned; the WAL stays usable unless the cut fails too.
func (w *WAL) Append(payload []byte) (Position, error) {
	pos, _, err := w.append(payload)
	return pos, err
}

// AppendSync is Append followed by waiting until the record is fsynced; concurrent callers
// share one fsync. When ctx ends first the record is still written and will still be synced,
// and the error says the wait was cut short.
func (w *WAL) AppendSync(ctx context.Context, payload []byte) (Position, error) {
	pos, n, err := w.append(payload)
	if err != nil {
		return pos, err
	}
	if err := w.waitSynced(ctx, n); err != nil {
		return pos, fmt.Errorf("wal: wait for fsync of record at %v: %w", pos, err)
	}
	return pos, nil
}

// append writes a record and returns its position and its count since Open, which is what
// waitSynced waits for.
func (w *WAL) append(payload []byte) (Position, uint64, error) {
	if int64(len(payload)) > w.opt.MaxRecordBytes {
		return Position{}, 0, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(payload), w.opt.MaxRecordBytes)
	}
	size := recordSize(int64(len(payload)))

	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.usable(); err != nil {
		return Position{}, 0, err
	}
	if w.size > 0 && w.size+size > w.opt.SegmentBytes {
		if err := w.roll(); err != nil {
			return Position{}, 0, err
		}
	}
	pos := Position{Segment: w.seq, Offset: w.size}
	if err := w.writeRecord(payload, size); err != nil {
		return Position{}, 0, err
	}
	w.size += size
	w.appended++
	w.stats.Appends++
	w.stats.Bytes += uint64(size)
	if w.kick != nil {
		select {
		case w.kick <- struct{}{}:
		default: // a wake-up is already pending
		}
	}
	return pos, w.appended, nil
}

// writeRecord writes one framed record at the end of the active segment. w.mu must be held.
func (w *WAL) writeRecord(payload []byte, size int64) error {
	var hdr [headerSize]byte
	putHeader(hdr[:], payload)
	pad := zeroPad[:size-headerSize-int64(len(payload))]

	var err error
	if size <= smallRecord {
		buf := append(append(append(w.buf[:0], hdr[:]...), payload...), pad...)
		w.buf = buf[:0]
		err = w.write(buf)
	} else if err = w.write(hdr[:]); err == nil {
		if err = w.write(payload); err == nil {
			err = w.write(pad)
		}
	}
	if err == nil {
		return nil
	}

	// A half record must not stay behind: the next record written after it would turn a
	// harmless torn tail into damage in the middle of the log, which Open refuses.
	if terr := w.f.Truncate(w.size); terr != nil {
		return w.fail(fmt.Errorf("write %s at offset %d: %w; cutting the partial record back off failed: %w",
			w.f.Name(), w.size, err, terr))
	}
	return fmt.Errorf("wal: write %d-byte record to %s at offset %d: %w", size, w.f.Name(), w.size, err)
}

func (w *WAL) write(b []byte) error {
	if len(b) == 0 {
		return nil
	}
	n, err := w.opt.hooks.writeFn(w.f, b)
	if err == nil && n < len(b) {
		err = io.ErrShortWrite
	}
	return err
}

// roll fsyncs the active segment and starts the next one. w.mu must be held.
func (w *WAL) roll() error {
	// The old segment must be durable before its successor exists: Open takes damage in any
	// segment but the last for corruption, never for a torn write.
	if !w.opt.NoSync {
		w.stats.Syncs++
		if err := w.opt.hooks.syncFn(w.f); err != nil {
			return w.fail(fmt.Errorf("fdatasync %s before rolling to the next segment: %w", w.f.Name(), err))
		}
	}
	if w.synced != w.appended {
		w.synced = w.appended
		w.wakeWaiters()
	}
	f, err := createSegment(w.dir, w.seq+1)
	if err != nil {
		// The old segment is intact and still active; the next append tries again.
		return err
	}
	if w.syncing {
		// The syncer is inside an fdatasync of the old file; it closes it when that returns.
		w.retired = append(w.retired, w.f)
	} else {
		// Already fsynced, so a close error cannot lose data.
		_ = w.f.Close()
	}
	w.f, w.seq, w.size = f, w.seq+1, 0
	return nil
}
