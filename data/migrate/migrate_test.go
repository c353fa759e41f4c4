package migrate_test

import (
	"context"
	"io/fs"
	"path/filepath"
	"sync"
	"testing"

	"github.com/recondo/recondo/data/internal/pgtest"
	"github.com/recondo/recondo/data/postgres"
	"github.com/recondo/recondo/data/sqlite"
	"github.com/recondo/recondo/migrations"
)

// Starters race: make run launches the gateway and the read servers together on a fresh data dir.
func TestConcurrentMigratorsApplyEachFileOnce(t *testing.T) {
	ctx := context.Background()
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "recondo.db")
		race(t, func() error {
			db, err := sqlite.OpenDB(ctx, path)
			if err == nil {
				db.Close()
			}
			return err
		})
		db, err := sqlite.OpenDB(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var n int
		if want := files(t, migrations.SQLite, "sqlite"); db.QueryRow("SELECT COUNT(*) FROM schema_migrations").Scan(&n) != nil || n != want {
			t.Fatalf("schema_migrations rows = %d; want %d (one per file)", n, want)
		}
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := pgtest.NewDatabase(t)
		race(t, func() error {
			pool, err := postgres.OpenPool(ctx, dsn)
			if err == nil {
				pool.Close()
			}
			return err
		})
		pool, err := postgres.OpenPool(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer pool.Close()
		var n int
		if want := files(t, migrations.Postgres, "postgres"); pool.QueryRow(ctx, "SELECT COUNT(*) FROM schema_migrations").Scan(&n) != nil || n != want {
			t.Fatalf("schema_migrations rows = %d; want %d (one per file)", n, want)
		}
	})
}

func files(t *testing.T, fsys fs.FS, dir string) int {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil || len(entries) == 0 {
		t.Fatalf("read embedded migrations %s: %v", dir, err)
	}
	return len(entries)
}

func race(t *testing.T, open func() error) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Add(1)
		go func() { defer wg.Done(); errs <- open() }()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("concurrent open: %v", err)
		}
	}
}
