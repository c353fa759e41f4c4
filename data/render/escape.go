package render

import (
	"strings"
	"unicode/utf8"
)

// Escape returns text escaped for the body of a delimiter: & < > become entities, characters
// that can hide text are removed and invalid UTF-8 becomes U+FFFD. Text that needs none of this is
// returned as is.
func Escape(text string) string { return escape(text, false) }

// escapeAttr escapes an attribute value: like Escape, and " becomes &quot; so a value cannot end
// its attribute.
func escapeAttr(v string) string { return escape(v, true) }

func escape(s string, attr bool) string {
	i := clean(s, attr)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"' && attr:
			b.WriteString("&quot;")
		case hidden(r):
		default:
			b.WriteRune(r) // an invalid byte decodes to utf8.RuneError, written as U+FFFD
		}
	}
	return b.String()
}

// clean returns the length of the prefix of s that needs no escaping, so the common case of plain
// text is a single scan without allocating.
func clean(s string, attr bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '&' || c == '<' || c == '>' || c == '"' && attr || hidden(rune(c)) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || hidden(r) {
			return i
		}
		i += size
	}
	return len(s)
}

// hidden reports whether r is removed from rendered text because a reader cannot see it but it can
// change what is seen or carry data: see the package comment for the list.
func hidden(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\n' && r != '\t'
	case r < 0x7f:
		return false
	case r <= 0x9f: // DEL and the C1 controls
		return true
	case r < 0x061c:
		return false
	}
	switch {
	case r == 0x061c, r == 0x200e, r == 0x200f, r == 0xfeff:
		return true
	case r >= 0x200b && r <= 0x200d:
		return true
	case r >= 0x202a && r <= 0x202e:
		return true
	case r >= 0x2060 && r <= 0x2064:
		return true
	case r >= 0x2066 && r <= 0x2069:
		return true
	case r >= 0xfff9 && r <= 0xfffb:
		return true
	case r >= 0xe0000 && r <= 0xe007f:
		return true
	case r >= 0xe0100 && r <= 0xe01ef:
		return true
	}
	return false
}
