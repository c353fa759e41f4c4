package mask

import (
	"strings"
	"unicode/utf8"
)

// normalize returns the form of a masked path token that decides its placeholder, so one path
// gets one placeholder whether it appears plain, JSON-escaped, percent-encoded or as a file URI:
// the file scheme is dropped, escapes decoded, separator runs collapsed to "/", a trailing
// separator dropped, and Windows paths (case-insensitive) lower-cased.
func normalize[T text](tok T) string {
	s := string(tok)
	if len(s) >= 5 && strings.EqualFold(s[:5], "file:") {
		s = strings.TrimLeft(s[5:], `/\`)
		if len(s) >= 9 && strings.EqualFold(s[:9], "localhost") {
			s = strings.TrimLeft(s[9:], `/\`)
		}
		if !(len(s) >= 2 && isAlpha(s[0]) && s[1] == ':') {
			s = "/" + s
		}
	}
	s = percentDecode(s)
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' && c != '/' {
			b = append(b, c)
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '\\' {
			j++
		}
		if j < len(s) && s[j] == 'u' && j > i {
			if r, ok := hex4(s, j+1); ok {
				if r == '/' || r == '\\' {
					b = append(b, '/')
				} else {
					b = utf8.AppendRune(b, r)
				}
				i = j + 5
				continue
			}
		}
		for j < len(s) && (s[j] == '\\' || s[j] == '/') {
			j++
		}
		b = append(b, '/')
		i = j
	}
	if len(b) > 1 && b[len(b)-1] == '/' {
		b = b[:len(b)-1]
	}
	if len(b) >= 2 && isAlpha(b[0]) && b[1] == ':' {
		return strings.ToLower(string(b))
	}
	return string(b)
}

// percentDecode decodes %XX escapes and leaves malformed ones as they are.
func percentDecode(s string) string {
	if strings.IndexByte(s, '%') < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			hi, ok1 := unhex(s[i+1])
			lo, ok2 := unhex(s[i+2])
			if ok1 && ok2 {
				b = append(b, hi<<4|lo)
				i += 2
				continue
			}
		}
		b = append(b, s[i])
	}
	return string(b)
}
