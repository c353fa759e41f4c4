// Package scalar holds the GraphQL scalars whose input errors must reach the caller as the data
// module's EINVALID (a bad argument is the caller's mistake, not an internal error).
package scalar
