// Package content undoes HTTP Content-Encoding (gzip, br, zstd, deflate, stacked) so captured
// bodies, stored exactly as they crossed the wire, can be parsed and shown.
package content
