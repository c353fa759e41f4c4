// Package access is the HTTP read surfaces' door: it authenticates Bearer API keys through the
// data API, refuses what a key's role may not do, and writes exactly one access_audit_log row
// per request (denials included) naming the operation and the resources the handler reported.
package access
