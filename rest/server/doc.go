// Package server runs recondo-rest: it opens the read API over the configured engine, object
// store and price list, and serves the router through data/httpserve (timeouts, body limit,
// /healthz, /metrics, graceful shutdown, loopback-only dev mode).
package server
