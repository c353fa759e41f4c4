// Package write is the capture ingestion side of the data module: it inserts turns, tool calls,
// texts and anomalies and keeps session totals, on either engine. Only the gateway may import it
// (and data/write/...); an architecture test fails the build if a read surface does.
package write
