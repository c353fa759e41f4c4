// Package migrations embeds the schema of both database engines so that the data module can apply
// it at open time. Files are applied in name order; each one runs exactly once per database.
package migrations

import "embed"

// SQLite holds the migrations for the embedded SQLite engine, under "sqlite/".
//
//go:embed sqlite/*.sql
var SQLite embed.FS

// Postgres holds the migrations for the PostgreSQL engine, under "postgres/".
//
//go:embed postgres/*.sql
var Postgres embed.FS
