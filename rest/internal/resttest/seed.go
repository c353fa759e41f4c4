package resttest

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/recondo/recondo/data/datatest"
	"github.com/recondo/recondo/data/write"
)

// The seeded database, made once per test binary and copied into each fixture: the conformance
// dataset, written through the real writer (transport tests may seed fixtures that way; their
// code may not — data/internal/archtest).
var seeded = struct {
	once sync.Once
	db   []byte
	err  error
}{}

func seededDB(t testing.TB) []byte {
	t.Helper()
	seeded.once.Do(func() {
		dir, err := os.MkdirTemp("", "resttest-seed-")
		if err != nil {
			seeded.err = err
			return
		}
		defer os.RemoveAll(dir)
		ctx := context.Background()
		w, err := write.OpenSQLite(ctx, filepath.Join(dir, "recondo.db"))
		if err != nil {
			seeded.err = err
			return
		}
		if _, err := w.Write(ctx, datatest.Exchanges()...); err != nil {
			w.Close()
			seeded.err = err
			return
		}
		if seeded.err = w.Close(); seeded.err != nil {
			return
		}
		seeded.db, seeded.err = os.ReadFile(filepath.Join(dir, "recondo.db"))
	})
	if seeded.err != nil {
		t.Fatal(seeded.err)
	}
	return seeded.db
}
