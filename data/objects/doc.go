// Package objects reads captured request and response bodies from the content-addressed object
// store and verifies that each one still hashes to its name. Writing belongs to the gateway alone
// (data/write/objectwriter).
package objects
