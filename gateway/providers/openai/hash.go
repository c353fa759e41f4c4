package openai

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// hashAll returns the SHA-256 of each message's canonical JSON, so that a conversation can
// be followed across requests whatever whitespace or key order a client serialises with.
func hashAll(raws []json.RawMessage) []string {
	if len(raws) == 0 {
		return nil
	}
	out := make([]string, len(raws))
	for i, raw := range raws {
		sum := sha256.Sum256(canonical(raw))
		out[i] = hex.EncodeToString(sum[:])
	}
	return out
}

// canonical re-encodes a JSON value compactly with object keys sorted and numbers kept as
// written; a value that does not decode is hashed as its bytes.
func canonical(raw []byte) []byte {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if d.Decode(&v) != nil {
		return raw
	}
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if e.Encode(v) != nil {
		return raw
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}
