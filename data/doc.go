// Package data is the one way anything reads captured traffic. Its root package holds the domain
// (Session, Turn, ToolCall, Anomaly, filters, errors), the engine contract (Store) and the read API
// (API) that masks paths on the way out. Engines live in data/sqlite and data/postgres; the
// gateway's write side lives under data/write, which no read surface may import.
package data
