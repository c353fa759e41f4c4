// Package analyze turns a captured exchange into the rows the database stores: it decodes the
// bodies, runs the provider parser that owns the exchange, prices the turn, resolves its session
// (the agent's own id first, heuristics otherwise), links tool results to their calls, and
// extracts git context, intent and the files the session touched. It runs in the ingester,
// never on the proxy's path.
package analyze
