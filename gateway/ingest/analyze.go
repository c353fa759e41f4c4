package ingest

import (
	"context"

	"github.com/recondo/recondo/data/write"
	"github.com/recondo/recondo/gateway/capture"
)

// Analyzer turns a captured exchange into what the database stores: the session it belongs to,
// the turn's fields, tool calls, texts and anomalies. Provider parsing plugs in here; it runs
// off the proxy's path, so a slow or failing parser never delays or breaks traffic.
type Analyzer interface {
	Analyze(ctx context.Context, rec *capture.Record) (write.Exchange, error)
}
