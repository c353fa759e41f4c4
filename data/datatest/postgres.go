package datatest

import (
	"testing"

	"github.com/recondo/recondo/data/internal/pgtest"
)

// NewPostgresDatabase creates a throwaway PostgreSQL database for tb and returns its URL (see
// data/internal/pgtest: skipped without a server, a failure under CI=true).
func NewPostgresDatabase(tb testing.TB) string { return pgtest.NewDatabase(tb) }
