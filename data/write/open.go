package write

import (
	"context"

	"github.com/recondo/recondo/data"
)

// Open opens the writer for the engine cfg selects.
func Open(ctx context.Context, cfg data.Config) (Writer, error) {
	if cfg.Engine() == data.EnginePostgres {
		return OpenPostgres(ctx, cfg.DatabaseURL)
	}
	return OpenSQLite(ctx, cfg.SQLitePath())
}
