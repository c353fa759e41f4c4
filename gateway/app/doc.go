// Package app wires a whole gateway from a Config: CA and leaf certificates, upstream roots, the
// database writer, object store, write-ahead log, ingestion pipeline and proxy. The binary's
// main and the end-to-end tests start it the same way.
package app
