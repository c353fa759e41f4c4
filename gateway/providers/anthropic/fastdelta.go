package anthropic

import (
	"bytes"
	"unicode/utf8"
)

// Deltas are nearly all of a stream's bytes, and encoding/json's reflection costs several times
// the rest of the parse. So a delta in exactly the compact shape the API sends is read by hand;
// anything else (whitespace, other key order, \u escapes, other delta types) falls back to
// encoding/json. The fast path accepts only input on which both agree (FuzzFastDelta checks).

var (
	deltaPrefix = []byte(`{"type":"content_block_delta","index":`)
	deltaMid    = []byte(`,"delta":{"type":"`)
	deltaEnd    = []byte(`}}`)
)

// deltaKind is the delta types the fast path reads, with the key holding each one's payload.
type deltaKind uint8

const (
	deltaNone deltaKind = iota
	deltaText
	deltaInputJSON
	deltaThinking
)

var deltaKinds = []struct {
	kind  deltaKind
	label []byte // `<type>","<key>":"`
}{
	{deltaText, []byte(`text_delta","text":"`)},
	{deltaInputJSON, []byte(`input_json_delta","partial_json":"`)},
	{deltaThinking, []byte(`thinking_delta","thinking":"`)},
}

// fastDelta reads a compact content_block_delta. raw is the payload string's bytes between its
// quotes, still escaped; escaped says whether it holds any (simple) escapes.
func fastDelta(data []byte) (index int, kind deltaKind, raw []byte, escaped, ok bool) {
	rest, found := bytes.CutPrefix(data, deltaPrefix)
	if !found {
		return
	}
	// index: a JSON non-negative integer of at most 9 digits (no overflow, no leading zero).
	n := 0
	for n < len(rest) && n < 10 && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	if n == 0 || n > 9 || (rest[0] == '0' && n > 1) {
		return
	}
	for _, c := range rest[:n] {
		index = index*10 + int(c-'0')
	}
	if rest, found = bytes.CutPrefix(rest[n:], deltaMid); !found {
		return
	}
	for _, k := range deltaKinds {
		if r, found := bytes.CutPrefix(rest, k.label); found {
			kind, rest = k.kind, r
			break
		}
	}
	if kind == deltaNone {
		return
	}
	end, escaped, valid := scanString(rest)
	if !valid || !bytes.Equal(rest[end+1:], deltaEnd) {
		return
	}
	return index, kind, rest[:end], escaped, true
}

// scanString finds the closing quote of a JSON string body s. valid is false for anything the
// fast path leaves to encoding/json: control bytes, \u escapes, invalid UTF-8, no closing quote.
func scanString(s []byte) (end int, escaped, valid bool) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			return i, escaped, utf8.Valid(s[:i])
		case c == '\\':
			if i+1 >= len(s) {
				return 0, false, false
			}
			switch s[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				escaped = true
				i++
			default:
				return 0, false, false
			}
		case c < 0x20:
			return 0, false, false
		}
	}
	return 0, false, false
}

// appendUnescaped appends the value of a string body that scanString accepted.
func appendUnescaped(dst, raw []byte, escaped bool) []byte {
	if !escaped {
		return append(dst, raw...)
	}
	for len(raw) > 0 {
		i := bytes.IndexByte(raw, '\\')
		if i < 0 || i+1 >= len(raw) {
			return append(dst, raw...)
		}
		dst = append(dst, raw[:i]...)
		switch raw[i+1] {
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		default: // '"', '\\', '/'
			dst = append(dst, raw[i+1])
		}
		raw = raw[i+2:]
	}
	return dst
}
