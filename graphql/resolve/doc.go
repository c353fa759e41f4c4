// Package resolve holds the GraphQL resolvers: each one calls the data API (directly or through
// the request's loaders), reports what it read to the access audit log, and maps data types to
// the schema. Nothing here decides policy or touches storage itself.
package resolve
