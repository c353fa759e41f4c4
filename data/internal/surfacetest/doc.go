// Package surfacetest holds the cross-surface test: the same seeded dataset must be answered
// identically (after format) by the GraphQL server, the REST server and the data API. It runs the
// servers' real binaries, so it imports neither.
package surfacetest
