// Package seed generates a deterministic, realistic capture dataset (sessions, turns, tool calls,
// texts, anomalies) and loads it into either engine as fast as that engine allows, for benchmarks
// and demos. Everything derives from Config: the same Config always yields the same rows.
package seed
