package wire

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// HashJSON returns the hex SHA-256 of raw in compact form, so the same message re-sent with
// different whitespace still hashes the same. Invalid JSON is hashed as given.
func HashJSON(raw []byte) string {
	var buf bytes.Buffer
	buf.Grow(len(raw))
	if json.Compact(&buf, raw) != nil {
		return HashBytes(raw)
	}
	return HashBytes(buf.Bytes())
}

// HashBytes returns the hex SHA-256 of b.
func HashBytes(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
