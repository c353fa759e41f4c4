// Package ingest moves finished captures from the write-ahead log into the object store, the
// metadata files and the database. Commit (on the proxy's path) only appends to the WAL and
// queues; a background loop does the slow work, and on start Recover replays every WAL record
// the database lacks, idempotently by capture id.
package ingest
