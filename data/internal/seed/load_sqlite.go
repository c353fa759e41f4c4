package seed

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/internal/sqlitedb"
	"github.com/recondo/recondo/data/sqlite"
)

// sqliteLoader inserts each batch in one transaction with the capture inserts of write.sql, each
// statement prepared once per batch (the generated queries would have SQLite parse the SQL text
// on every call, which profiling showed to be a third of the load time), and each session
// inserted once, whole, instead of upserted per turn.
type sqliteLoader struct {
	db    *sql.DB
	store *sqlite.Store
}

// bulkCacheKiB is the page cache of the loading connection: the random-keyed hash and id indexes
// outgrow SQLite's 2 MB default early, and every miss is a read.
const bulkCacheKiB = 256 << 10

func openSQLite(ctx context.Context, path string) (*sqliteLoader, error) {
	db, err := sqlite.OpenDB(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	db.SetMaxOpenConns(1) // one writer; the pragma below must stay on the one connection
	db.SetMaxIdleConns(1)
	if _, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", bulkCacheKiB)); err != nil {
		db.Close()
		return nil, fmt.Errorf("seed: sqlite cache size: %w", err)
	}
	return &sqliteLoader{db: db, store: sqlite.New(db)}, nil
}

func (l *sqliteLoader) empty(ctx context.Context) (bool, error) { return storeEmpty(ctx, l.store) }

func storeEmpty(ctx context.Context, s data.Store) (bool, error) {
	page, err := s.ListSessions(ctx, data.SessionFilter{Limit: 1})
	if err != nil {
		return false, fmt.Errorf("seed: check the database is empty: %w", err)
	}
	return len(page.Sessions) == 0, nil
}

func (l *sqliteLoader) load(ctx context.Context, batch []Item) error {
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("seed: sqlite: begin: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit this is a no-op
	stmts := &preparedTx{tx: tx, stmts: map[string]*sql.Stmt{}}
	defer stmts.close()
	q := sqlitedb.New(stmts)
	for i := range batch {
		if err := insertSQLite(ctx, q, &batch[i]); err != nil {
			return fmt.Errorf("seed: sqlite: turn %s: %w", batch[i].Turn.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("seed: sqlite: commit: %w", err)
	}
	return nil
}

// finish folds the write-ahead log into the database file, so readers start from a compact
// file and the reported size is the database's own.
func (l *sqliteLoader) finish(ctx context.Context) error {
	if _, err := l.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return fmt.Errorf("seed: sqlite checkpoint: %w", err)
	}
	return nil
}

func (l *sqliteLoader) close() error { return l.db.Close() }

// preparedTx is a sqlitedb.DBTX over one transaction that prepares each distinct query once.
type preparedTx struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (p *preparedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, ok := p.stmts[query]
	if !ok {
		var err error
		if st, err = p.tx.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
		p.stmts[query] = st
	}
	return st.ExecContext(ctx, args...)
}

func (p *preparedTx) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return p.tx.PrepareContext(ctx, query)
}

func (p *preparedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return p.tx.QueryContext(ctx, query, args...)
}

func (p *preparedTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return p.tx.QueryRowContext(ctx, query, args...)
}

func (p *preparedTx) close() {
	for _, st := range p.stmts {
		st.Close()
	}
}
