package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/recondo/recondo/data/internal/sqlitedb"
)

// maxAccessBatch bounds one group commit: enough to absorb a burst of concurrent requests,
// small enough that one transaction stays short.
const maxAccessBatch = 256

// errStoreClosed answers an audit entry offered after Close.
var errStoreClosed = errors.New("sqlite: the store is closed")

// accessWriter is a group commit for the access audit log. Every read-server request appends a
// row, and on SQLite each autocommit INSERT is its own transaction and fsync, all queued on the
// one write lock: under load that queue, not the reads, set the latency. Here one goroutine
// takes whatever entries are waiting, writes them in one transaction and only then answers
// each caller, so the promise stays the same (the row is durable before the response ends) at
// one fsync per batch. There is no timer: a lone request commits at once; entries that arrive
// while a batch commits form the next one.
type accessWriter struct {
	db      *sql.DB
	pending chan accessWrite
	closed  chan struct{}
	done    chan struct{}
	once    sync.Once
}

type accessWrite struct {
	row    sqlitedb.AppendAccessParams
	result chan error
}

func newAccessWriter(db *sql.DB) *accessWriter {
	w := &accessWriter{db: db, pending: make(chan accessWrite), closed: make(chan struct{}), done: make(chan struct{})}
	go w.run()
	return w
}

// append queues one row and waits until it is committed (or failed).
func (w *accessWriter) append(ctx context.Context, row sqlitedb.AppendAccessParams) error {
	req := accessWrite{row: row, result: make(chan error, 1)}
	select {
	case w.pending <- req:
	case <-w.closed:
		return errStoreClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	// Once taken, the row is written whatever the caller's context says (an audit entry of a
	// request that ended is still owed), but a caller that stops waiting is not held: its read
	// fails, and the row may still land, which errs on the side of the audit log.
	select {
	case err := <-req.result:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (w *accessWriter) run() {
	defer close(w.done)
	for {
		var batch []accessWrite
		select {
		case first := <-w.pending:
			batch = append(batch, first)
		case <-w.closed:
			return
		}
	more:
		for len(batch) < maxAccessBatch {
			select {
			case next := <-w.pending:
				batch = append(batch, next)
			default:
				break more
			}
		}
		w.commit(batch)
	}
}

// commit writes a batch in one transaction. If a row breaks a constraint, the rows are retried
// one by one, so that row fails alone. Any other failure (the database busy past its timeout,
// read-only, a full disk) is the batch's: every caller hears it at once, rather than after one
// more timeout per row.
func (w *accessWriter) commit(batch []accessWrite) {
	err := w.insertAll(batch)
	if err == nil || len(batch) == 1 || !isConstraint(err) {
		for _, b := range batch {
			b.result <- err
		}
		return
	}
	q := sqlitedb.New(w.db)
	for _, b := range batch {
		b.result <- q.AppendAccess(context.Background(), b.row)
	}
}

func (w *accessWriter) insertAll(batch []accessWrite) error {
	ctx := context.Background()
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin audit batch: %w", err)
	}
	defer tx.Rollback()
	q := sqlitedb.New(tx)
	for _, b := range batch {
		if err := q.AppendAccess(ctx, b.row); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func isConstraint(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_CONSTRAINT
}

// close stops taking rows, after the batch being written (if any) is committed.
func (w *accessWriter) close() {
	w.once.Do(func() { close(w.closed) })
	<-w.done
}
