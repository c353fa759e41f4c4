package server_test

import (
	"testing"

	"github.com/recondo/recondo/data/datatest"
)

// Both engines serve the same answers; the tests that read captured data run on each.
var engines = []string{"sqlite", "postgres"}

// forEachEngine runs f as a subtest per engine.
func forEachEngine(t *testing.T, f func(t *testing.T, engine string)) {
	for _, e := range engines {
		t.Run(e, func(t *testing.T) { f(t, e) })
	}
}

// newPostgresDatabase creates an empty database for one test and drops it afterwards (skipped
// without a server, a failure under CI=true).
func newPostgresDatabase(t *testing.T) string { return datatest.NewPostgresDatabase(t) }
