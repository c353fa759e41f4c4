package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/datatest"
	"github.com/recondo/recondo/data/sqlite"
	"github.com/recondo/recondo/data/write"
)

func TestConformance(t *testing.T) {
	datatest.Exercise(t, datatest.Harness{
		Open: func(t *testing.T) (data.Store, write.Writer, func(context.Context, string) error) {
			path := filepath.Join(t.TempDir(), "recondo.db")
			w, err := write.OpenSQLite(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { w.Close() })
			s, err := sqlite.Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			exec := func(ctx context.Context, q string) error { _, err := s.DB().ExecContext(ctx, q); return err }
			return s, w, exec
		},
	})
}
