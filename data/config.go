package data

import (
	"os"
	"path/filepath"
	"strings"
)

// Engines a Config can select.
const (
	EngineSQLite   = "sqlite"
	EnginePostgres = "postgres"
)

// Config says where captured data lives. Every binary builds one from --data-dir /
// RECONDO_DATA_DIR and --database-url / RECONDO_DATABASE_URL.
type Config struct {
	// DataDir holds the object store, the CA, the gateway's WAL and, by default, the SQLite file.
	DataDir string
	// DatabaseURL selects PostgreSQL when it is a postgres:// or postgresql:// URL; empty means
	// the embedded SQLite database at DataDir/recondo.db.
	DatabaseURL string
}

// DefaultDataDir is RECONDO_DATA_DIR, else ~/.recondo.
func DefaultDataDir() string {
	if d := os.Getenv("RECONDO_DATA_DIR"); d != "" {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ".recondo"
	}
	return filepath.Join(home, ".recondo")
}

// Engine reports which engine the config selects.
func (c Config) Engine() string {
	if strings.HasPrefix(c.DatabaseURL, "postgres://") || strings.HasPrefix(c.DatabaseURL, "postgresql://") {
		return EnginePostgres
	}
	return EngineSQLite
}

// SQLitePath is the database file of the SQLite engine.
func (c Config) SQLitePath() string { return filepath.Join(c.DataDir, "recondo.db") }
