// Package sqlite is the embedded SQLite engine (modernc.org/sqlite, no cgo): it opens and migrates
// the database file and implements data.Store over the sqlc queries in data/internal/sqlitedb.
package sqlite
