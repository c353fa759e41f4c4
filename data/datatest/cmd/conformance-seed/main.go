// Command conformance-seed writes the conformance dataset (datatest.Exchanges) into a database:
// the SQLite file <data-dir>/recondo.db, or the PostgreSQL database at --database-url. Read
// surfaces' tests run it in a child process because the architecture test forbids them to link
// the writer (data/write), even in tests; this keeps their fixtures identical to the engines'.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/datatest"
	"github.com/recondo/recondo/data/write"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "conformance-seed:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("conformance-seed", flag.ContinueOnError)
	dataDir := fs.String("data-dir", "", "data directory; the SQLite file is <data-dir>/recondo.db")
	dbURL := fs.String("database-url", "", "a postgres:// URL selects PostgreSQL")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dataDir == "" && *dbURL == "" {
		return fmt.Errorf("--data-dir or --database-url is required")
	}
	ctx := context.Background()
	w, err := write.Open(ctx, data.Config{DataDir: *dataDir, DatabaseURL: *dbURL})
	if err != nil {
		return err
	}
	defer w.Close()
	xs := datatest.Exchanges()
	n, err := w.Write(ctx, xs...)
	if err != nil {
		return fmt.Errorf("write dataset: %w", err)
	}
	fmt.Printf("wrote %d of %d exchanges\n", n, len(xs))
	return nil
}
