package postgres_test

import (
	"context"
	"testing"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/datatest"
	"github.com/recondo/recondo/data/internal/pgtest"
	"github.com/recondo/recondo/data/postgres"
	"github.com/recondo/recondo/data/write"
)

func TestConformance(t *testing.T) {
	datatest.Exercise(t, datatest.Harness{
		Truncate: true,
		Open: func(t *testing.T) (data.Store, write.Writer, func(context.Context, string) error) {
			dsn := pgtest.NewDatabase(t)
			w, err := write.OpenPostgres(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { w.Close() })
			s, err := postgres.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			exec := func(ctx context.Context, q string) error { _, err := s.Pool().Exec(ctx, q); return err }
			return s, w, exec
		},
	})
}
