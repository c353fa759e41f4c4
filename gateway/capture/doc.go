// Package capture records one exchange as it crosses the proxy: it tees request and response
// bodies (hashing the exact wire entity bytes, buffering up to a cap and spilling the rest to
// disk so memory stays bounded), strips credentials from headers, and hands the finished Record
// to a Sink (the write-ahead log) before the client receives the last byte.
package capture
