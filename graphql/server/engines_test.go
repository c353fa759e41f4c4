package server_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Both engines serve the same answers; the tests that read captured data run on each.
var engines = []string{"sqlite", "postgres"}

// forEachEngine runs f as a subtest per engine.
func forEachEngine(t *testing.T, f func(t *testing.T, engine string)) {
	for _, e := range engines {
		t.Run(e, func(t *testing.T) { f(t, e) })
	}
}

// postgresAdminURL is the server the tests create their databases on (make test sets it).
func postgresAdminURL() string {
	if u := os.Getenv("RECONDO_TEST_POSTGRES_URL"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

// newPostgresDatabase creates an empty database for one test and drops it afterwards. Without a
// server the test is skipped, except under CI=true, where that is a failure.
func newPostgresDatabase(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	admin, err := pgx.Connect(ctx, postgresAdminURL())
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL is required under CI=true but %s is unreachable: %v", postgresAdminURL(), err)
		}
		t.Skipf("no PostgreSQL at %s (set RECONDO_TEST_POSTGRES_URL): %v", postgresAdminURL(), err)
	}
	defer admin.Close(context.Background())
	b := make([]byte, 6)
	rand.Read(b)
	name := "recondo_graphql_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, postgresAdminURL())
		if err != nil {
			t.Logf("drop test database %s: %v", name, err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Logf("drop test database %s: %v", name, err)
		}
	})
	u, err := url.Parse(postgresAdminURL())
	if err != nil {
		t.Fatalf("RECONDO_TEST_POSTGRES_URL must be a postgres:// URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}
