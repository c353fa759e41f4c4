package migrate

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/recondo/recondo/migrations"
)

// SQLite brings db up to the newest schema. BEGIN IMMEDIATE takes SQLite's write lock before the
// applied versions are read, which serialises concurrent migrators across processes.
func SQLite(ctx context.Context, db *sql.DB) error {
	all, err := steps(migrations.SQLite, "sqlite")
	if err != nil {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("migrate sqlite: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version TEXT PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT`); err != nil {
		return fmt.Errorf("migrate sqlite: create schema_migrations: %w", err)
	}
	for _, s := range all {
		if err := applySQLite(ctx, conn, s); err != nil {
			return err
		}
	}
	return nil
}

func applySQLite(ctx context.Context, conn *sql.Conn, s step) (err error) {
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return fmt.Errorf("migrate sqlite %s: begin: %w", s.version, err)
	}
	defer func() {
		if err != nil {
			_, _ = conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		}
	}()
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations WHERE version = ?", s.version).Scan(&n); err != nil {
		return fmt.Errorf("migrate sqlite %s: %w", s.version, err)
	}
	if n > 0 {
		_, err = conn.ExecContext(ctx, "COMMIT")
		return err
	}
	if _, err := conn.ExecContext(ctx, s.sql); err != nil {
		return fmt.Errorf("migrate sqlite %s: %w", s.version, err)
	}
	if _, err := conn.ExecContext(ctx, "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
		s.version, time.Now().UnixMicro()); err != nil {
		return fmt.Errorf("migrate sqlite %s: record: %w", s.version, err)
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return fmt.Errorf("migrate sqlite %s: commit: %w", s.version, err)
	}
	return nil
}
