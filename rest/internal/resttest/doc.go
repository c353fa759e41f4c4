// Package resttest gives the REST tests real dependencies: a SQLite data dir holding the data
// module's conformance dataset, bodies in the object store for one turn, API keys of each role,
// and the full HTTP stack (httpserve around the router) on an httptest server.
package resttest
