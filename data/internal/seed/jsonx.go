package seed

import (
	"sort"
	"strconv"
	"strings"
)

// A tiny JSON writer: tool arguments are built field by field so that the raw form keeps the
// model's key order while the stored form is re-serialised with sorted keys, as a parser that
// decodes into a map and encodes again would leave it. encoding/json would cost a reflection
// pass per call, 3M times.

type kv struct{ k, v string } // v is already JSON

func jstr(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&0x0f])
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func jint(n int64) string { return strconv.FormatInt(n, 10) }

func jarr(items []string) string { return "[" + strings.Join(items, ",") + "]" }

func jobj(fields []kv) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(jstr(f.k))
		b.WriteByte(':')
		b.WriteString(f.v)
	}
	b.WriteByte('}')
	return b.String()
}

func jobjSorted(fields []kv) string {
	s := append([]kv(nil), fields...)
	sort.Slice(s, func(i, j int) bool { return s[i].k < s[j].k })
	return jobj(s)
}
