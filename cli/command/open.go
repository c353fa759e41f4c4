package command

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/objects"
	"github.com/recondo/recondo/data/postgres"
	"github.com/recondo/recondo/data/pricing"
	"github.com/recondo/recondo/data/sqlite"
)

// storeFlags are the flags of the commands that read captured data, beside --data-dir.
type storeFlags struct {
	databaseURL string
	pricingFile string
}

// storeFlags registers --database-url and --pricing on fs.
func (e *env) storeFlags(fs *flag.FlagSet) *storeFlags {
	s := &storeFlags{}
	fs.StringVar(&s.databaseURL, "database-url", os.Getenv("RECONDO_DATABASE_URL"),
		"PostgreSQL URL (RECONDO_DATABASE_URL); empty: SQLite at <data-dir>/recondo.db")
	fs.StringVar(&s.pricingFile, "pricing", "", "price-list file added to the embedded one (default <data-dir>/pricing.json if present)")
	return s
}

// openAPI opens the read API over the engine the flags select (migrating it, as every binary
// does), with the object store under --data-dir and the price list in force. A database that
// cannot be opened exits ExitUnavailable, a bad price-list file ExitUsage.
func (e *env) openAPI(ctx context.Context, s *storeFlags) (*data.API, int, error) {
	file := s.pricingFile
	if file == "" {
		file = pricing.DefaultOverride(e.dataDir)
	}
	prices, err := pricing.Load(file)
	if err != nil {
		return nil, ExitUsage, err
	}
	cfg := data.Config{DataDir: e.dataDir, DatabaseURL: s.databaseURL}
	var store data.Store
	if cfg.Engine() == data.EnginePostgres {
		store, err = postgres.Open(ctx, cfg.DatabaseURL)
	} else {
		store, err = sqlite.Open(ctx, cfg.SQLitePath())
	}
	if err != nil {
		return nil, ExitUnavailable, fmt.Errorf("open the database: %w", err)
	}
	return data.NewAPI(store, objects.NewFS(e.dataDir)).WithPrices(prices), ExitOK, nil
}

// exitFor maps a data error to the CLI's exit codes.
func exitFor(err error) int {
	switch data.ErrorCode(err) {
	case data.EINVALID:
		return ExitUsage
	case data.ECONFLICT:
		return ExitFailed
	case data.ENOTFOUND:
		return ExitNotFound
	case data.EUNAVAILABLE:
		return ExitUnavailable
	}
	return ExitInternal
}
