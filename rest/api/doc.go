// Package api is the REST surface's router: chi routes and thin handlers that read through
// data.API (which masks paths), authenticate and audit every request through data/access, answer
// errors as RFC 9457 problems and negotiate JSON, CSV and NDJSON for tabular answers. It has no
// route that changes captured data; governance writes (policies) need an admin key.
package api
