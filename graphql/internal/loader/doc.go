// Package loader holds the per-request batch readers behind the resolvers, so a query for a page
// of sessions with their turns and tool calls costs one data call per level instead of one per
// parent (no N+1).
//
// Batching is by sibling set rather than by time window: a parent resolver primes the keys it
// hands out (the sessions of a page; the turns of those sessions), and the first child that
// loads any key fetches its whole set with one call. The number of calls therefore depends only
// on the shape of the query, never on goroutine scheduling, which is what the query-counting
// test asserts.
package loader
