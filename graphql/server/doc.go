// Package server wires the GraphQL read surface: the gqlgen executor with its limits (POST only,
// parser token limit, depth and complexity limits, introspection only when enabled), API-key
// authentication and the access audit log (data/access), per-request loaders, and the mapping of
// data error codes to GraphQL extensions.code and HTTP statuses.
package server
