// Package postgres is the PostgreSQL engine (pgx/v5): it opens and migrates the database and
// implements data.Store over the sqlc queries in data/internal/pgdb.
package postgres
