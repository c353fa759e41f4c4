package migrate

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/recondo/recondo/migrations"
)

// lockKey is the advisory lock that serialises migrators (any constant unique to Recondo).
const lockKey = 0x7265636f6e646f // "recondo"

// Postgres brings the database behind pool up to the newest schema.
func Postgres(ctx context.Context, pool *pgxpool.Pool) error {
	all, err := steps(migrations.Postgres, "postgres")
	if err != nil {
		return err
	}
	for _, s := range all {
		if err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error { return applyPostgres(ctx, tx, s) }); err != nil {
			return err
		}
	}
	return nil
}

func applyPostgres(ctx context.Context, tx pgx.Tx, s step) error {
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", int64(lockKey)); err != nil {
		return fmt.Errorf("migrate postgres %s: lock: %w", s.version, err)
	}
	// Created under the lock: two first starters would otherwise race on the catalog.
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("migrate postgres: create schema_migrations: %w", err)
	}
	var n int
	if err := tx.QueryRow(ctx, "SELECT COUNT(*) FROM schema_migrations WHERE version = $1", s.version).Scan(&n); err != nil {
		return fmt.Errorf("migrate postgres %s: %w", s.version, err)
	}
	if n > 0 {
		return nil
	}
	// The simple protocol (no arguments) runs a multi-statement file in one round trip.
	if _, err := tx.Exec(ctx, s.sql, pgx.QueryExecModeSimpleProtocol); err != nil {
		return fmt.Errorf("migrate postgres %s: %w", s.version, err)
	}
	if _, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version) VALUES ($1)", s.version); err != nil {
		return fmt.Errorf("migrate postgres %s: record: %w", s.version, err)
	}
	return nil
}
