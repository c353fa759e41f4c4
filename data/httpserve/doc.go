// Package httpserve runs a read surface's HTTP server with the hygiene every one of them needs:
// header and idle timeouts, header and body size limits, graceful shutdown, /healthz, and
// Prometheus /metrics (requests, latency histograms, errors). It refuses to serve without
// authentication unless bound to loopback.
package httpserve
