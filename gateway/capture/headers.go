package capture

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"sort"
	"strings"
)

// credentialHeaders are never persisted: each is replaced by a short fingerprint, enough to tell
// two keys apart in an investigation and useless to anyone who reads the capture.
var credentialHeaders = map[string]bool{
	"authorization":       true,
	"proxy-authorization": true,
	"x-api-key":           true,
	"x-goog-api-key":      true,
	"cookie":              true,
	"set-cookie":          true,
	"api-key":             true, // Azure OpenAI
	"chatgpt-account-id":  true,
}

// Fingerprint is the form a credential takes in a capture: "fp:" and 12 hex digits of SHA-256.
func Fingerprint(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return "fp:" + hex.EncodeToString(sum[:6])
}

// SafeHeaders returns h as a plain map, with every credential replaced by its fingerprint.
func SafeHeaders(h http.Header) map[string][]string {
	out := make(map[string][]string, len(h))
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		vs := h[k]
		if credentialHeaders[strings.ToLower(k)] {
			fps := make([]string, len(vs))
			for i, v := range vs {
				fps[i] = Fingerprint(v)
			}
			out[k] = fps
			continue
		}
		out[k] = append([]string(nil), vs...)
	}
	return out
}
