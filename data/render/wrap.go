package render

import (
	"encoding/base64"
	"strings"
	"unicode/utf8"
)

// Kind names a delimiter: what sort of captured content it holds.
type Kind string

const (
	UserMessage      Kind = "captured_user_message"
	AssistantMessage Kind = "captured_assistant_message"
	ToolUse          Kind = "captured_tool_use"
	ToolResult       Kind = "captured_tool_result"
	RawBytes         Kind = "captured_raw_bytes"
)

// unknownKind replaces a Kind that is not a valid name, so a bad Kind cannot break a delimiter.
const unknownKind Kind = "captured_unknown"

// Attr is one attribute of a delimiter, such as turn_id, session_id or a tool name.
type Attr struct{ Key, Value string }

// Wrap returns text wrapped as <kind attrs...>escaped</kind>. Attributes are rendered in the given
// order with escaped values. A key must be [a-z_]+; invalid keys, repeated keys and "encoding"
// (which Wrap sets itself) are dropped rather than reported, so rendering never fails. A Kind that
// is not [a-z_]+ renders as captured_unknown. For RawBytes, text holds the bytes; if they are not
// valid UTF-8 they are rendered as base64 with encoding="base64".
func Wrap(kind Kind, text string, attrs ...Attr) string {
	if !validName(string(kind)) {
		kind = unknownKind
	}
	base64Body := kind == RawBytes && !utf8.ValidString(text)
	var body string
	if base64Body {
		body = base64.StdEncoding.EncodeToString([]byte(text))
	} else {
		body = Escape(text)
	}

	var b strings.Builder
	b.Grow(2*len(kind) + len(body) + 5 + 32*len(attrs))
	b.WriteByte('<')
	b.WriteString(string(kind))
	for i, a := range attrs {
		if validName(a.Key) && a.Key != "encoding" && !seen(attrs[:i], a.Key) {
			writeAttr(&b, a)
		}
	}
	if base64Body {
		writeAttr(&b, Attr{"encoding", "base64"})
	}
	b.WriteByte('>')
	b.WriteString(body)
	b.WriteString("</")
	b.WriteString(string(kind))
	b.WriteByte('>')
	return b.String()
}

func writeAttr(b *strings.Builder, a Attr) {
	b.WriteByte(' ')
	b.WriteString(a.Key)
	b.WriteString(`="`)
	b.WriteString(escapeAttr(a.Value))
	b.WriteByte('"')
}

// seen reports whether key is already rendered by one of attrs.
func seen(attrs []Attr, key string) bool {
	for _, a := range attrs {
		if a.Key == key {
			return true
		}
	}
	return false
}

// validName reports whether s is a non-empty [a-z_]+, the only names a delimiter or attribute
// may have.
func validName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && c != '_' {
			return false
		}
	}
	return true
}
