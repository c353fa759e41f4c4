package wire

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// bom is a UTF-8 byte order mark some relays put before a body.
var bom = []byte{0xEF, 0xBB, 0xBF}

// FirstByte returns the first byte of b after a BOM and JSON whitespace, or 0 for a blank body.
// Parsers branch on it ('{' / '[' is JSON, anything else is treated as SSE) rather than trusting
// the request's stream flag: a failed streaming request answers with a plain JSON error.
func FirstByte(b []byte) byte {
	b = bytes.TrimPrefix(b, bom)
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return c
	}
	return 0
}

// IsJSONBody reports whether b looks like a JSON object or array rather than an event stream.
func IsJSONBody(b []byte) bool {
	c := FirstByte(b)
	return c == '{' || c == '['
}

// maxSnippet bounds how much of a non-JSON error body is kept as the error message.
const maxSnippet = 256

// Snippet returns the start of a body as readable text for an error message: trimmed, cut at a
// rune boundary, invalid UTF-8 replaced.
func Snippet(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) > maxSnippet {
		cut := maxSnippet
		for cut > 0 && !utf8.RuneStart(b[cut]) {
			cut--
		}
		b = b[:cut]
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// PathOnly returns a request path without its query string.
func PathOnly(path string) string {
	if i := strings.IndexByte(path, '?'); i >= 0 {
		return path[:i]
	}
	return path
}
