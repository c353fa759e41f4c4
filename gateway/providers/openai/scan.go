package openai

import (
	"bytes"
	"math"
	"strconv"
)

// scanner reads one JSON document in place, for the hot streaming paths. It never
// allocates unless asked for a string, and never panics: every index is checked,
// and the first syntax error makes it "bad", after which every read returns a zero
// value. It is lenient where leniency is harmless (raw control characters inside
// strings, unmatched bracket kinds while skipping), strict where a wrong answer
// would follow (string escapes, member syntax).
type scanner struct {
	b   []byte
	i   int
	bad bool
}

func (s *scanner) reset(b []byte) { s.b, s.i, s.bad = b, 0, false }

// fail marks the document bad and jumps to its end so that every loop stops.
func (s *scanner) fail() { s.bad, s.i = true, len(s.b) }

func (s *scanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// peek returns the next non-space byte without consuming it, 0 at the end.
func (s *scanner) peek() byte {
	if s.i < len(s.b) && s.b[s.i] > ' ' {
		return s.b[s.i] // compact JSON: no space to skip
	}
	s.ws()
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

// object calls fn for each member of an object, with the key's raw bytes: OpenAI
// never escapes its keys, so an escaped key simply matches nothing. fn reads the
// value with one of the value methods; a value fn leaves alone is skipped. It
// reports whether the value was an object (anything else, null included, is skipped).
func (s *scanner) object(fn func(key []byte)) bool {
	if s.peek() != '{' {
		s.skip()
		return false
	}
	s.i++
	if s.peek() == '}' {
		s.i++
		return true
	}
	for !s.bad {
		if s.peek() != '"' {
			s.fail()
			return false
		}
		key, _ := s.rawString()
		if s.peek() != ':' {
			s.fail()
			return false
		}
		s.i++
		s.ws()
		start := s.i
		fn(key)
		if s.i == start && !s.bad {
			s.skip()
		}
		switch s.peek() {
		case ',':
			s.i++
		case '}':
			s.i++
			return true
		default:
			s.fail()
		}
	}
	return false
}

// array calls fn for each element of an array, like object.
func (s *scanner) array(fn func()) bool {
	if s.peek() != '[' {
		s.skip()
		return false
	}
	s.i++
	if s.peek() == ']' {
		s.i++
		return true
	}
	for !s.bad {
		s.ws()
		start := s.i
		fn()
		if s.i == start && !s.bad {
			s.skip()
		}
		switch s.peek() {
		case ',':
			s.i++
		case ']':
			s.i++
			return true
		default:
			s.fail()
		}
	}
	return false
}

// rawString consumes a string at s.i (which must be a quote) and returns the bytes
// between the quotes, escapes not decoded, and whether it holds any escape. Every
// byte is looked at a bounded number of times, so no run of escapes makes it slow.
func (s *scanner) rawString() (raw []byte, escaped bool) {
	s.i++ // the opening quote
	start, i := s.i, s.i
	// Most strings are short keys and ids: a plain loop beats IndexByte's call overhead.
	for n := min(len(s.b), i+shortString); i < n; i++ {
		switch s.b[i] {
		case '"':
			s.i = i + 1
			return s.b[start:i], escaped
		case '\\':
			escaped = true
			i++ // skip the escaped byte; a quote there ends nothing
		}
	}
	for i < len(s.b) {
		// IndexByte is vectorised; long strings rarely hold many escapes.
		q := bytes.IndexByte(s.b[i:], '"')
		if q < 0 {
			break
		}
		end := i + q
		for i <= end {
			bs := bytes.IndexByte(s.b[i:end], '\\')
			if bs < 0 {
				break
			}
			escaped = true
			i += bs + 2 // the escape's second byte may be the quote at end
		}
		if i <= end {
			s.i = end + 1
			return s.b[start:end], escaped
		}
		// The quote at end was escaped: look for the next one.
	}
	s.fail()
	return nil, false
}

// shortString is how far rawString looks byte by byte before switching to IndexByte.
const shortString = 24

// skip consumes one value of any kind.
func (s *scanner) skip() {
	switch c := s.peek(); {
	case c == '"':
		s.rawString()
	case c == '{' || c == '[':
		s.skipContainer()
	case c == 't' || c == 'f' || c == 'n' || c == '-' || (c >= '0' && c <= '9'):
		start := s.i
		for s.i < len(s.b) && isScalarByte(s.b[s.i]) {
			s.i++
		}
		if s.i == start {
			s.fail()
		}
	default:
		s.fail()
	}
}

// skipContainer skips an object or array without recursion, so that no input can
// exhaust the stack; it counts brackets and does not check that their kinds match.
func (s *scanner) skipContainer() {
	depth := 0
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case '"':
			s.rawString()
			continue
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				s.i++
				return
			}
		}
		s.i++
	}
	s.fail()
}

func isScalarByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c == '-' || c == '+' || c == '.' || c == 'E'
}

// raw consumes a value and returns its bytes (nil when bad).
func (s *scanner) raw() []byte {
	s.ws()
	start := s.i
	s.skip()
	if s.bad {
		return nil
	}
	return s.b[start:s.i]
}

// null consumes a null and reports whether there was one.
func (s *scanner) null() bool {
	if s.peek() == 'n' && bytes.HasPrefix(s.b[s.i:], []byte("null")) {
		s.i += 4
		return true
	}
	return false
}

// int reads a number as an int64; fractions are truncated (token counts are
// integers, but a relay may print 23.0) and anything else reads as 0, false.
func (s *scanner) int() (int64, bool) {
	c := s.peek()
	if c != '-' && (c < '0' || c > '9') {
		s.skip()
		return 0, false
	}
	start := s.i
	for s.i < len(s.b) && isScalarByte(s.b[s.i]) {
		s.i++
	}
	tok := s.b[start:s.i]
	if n, ok := smallInt(tok); ok {
		return n, true
	}
	f, err := strconv.ParseFloat(string(tok), 64)
	if err != nil || math.IsNaN(f) || f >= math.MaxInt64 || f <= math.MinInt64 {
		return 0, false
	}
	return int64(f), true
}

// smallInt parses plain decimal digits that cannot overflow, the common case, without
// a string conversion.
func smallInt(tok []byte) (int64, bool) {
	neg := len(tok) > 0 && tok[0] == '-'
	if neg {
		tok = tok[1:]
	}
	if len(tok) == 0 || len(tok) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range tok {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// appendStr appends a string value, decoded, to dst; a value that is not a string
// (null included) is skipped and appends nothing. ok reports a string was read.
func (s *scanner) appendStr(dst []byte) (out []byte, ok bool) {
	if s.peek() != '"' {
		s.skip()
		return dst, false
	}
	raw, esc := s.rawString()
	if s.bad {
		return dst, false
	}
	out, ok = appendUnquoted(dst, raw, esc)
	if !ok {
		s.fail()
		return dst, false
	}
	return out, true
}

// str reads a string value into a new Go string ("" for anything else).
func (s *scanner) str() string {
	if s.peek() != '"' {
		s.skip()
		return ""
	}
	raw, esc := s.rawString()
	if s.bad {
		return ""
	}
	if !esc && isPlain(raw) {
		return string(raw)
	}
	out, ok := appendUnquoted(nil, raw, esc)
	if !ok {
		s.fail()
		return ""
	}
	return string(out)
}

// token reads a string value that is expected to need no decoding (event types,
// ids) and returns it in place, without allocating; a string with escapes is decoded
// into a new slice.
func (s *scanner) token() []byte {
	if s.peek() != '"' {
		s.skip()
		return nil
	}
	raw, esc := s.rawString()
	if s.bad {
		return nil
	}
	if !esc && isPlain(raw) {
		return raw
	}
	out, ok := appendUnquoted(nil, raw, esc)
	if !ok {
		s.fail()
		return nil
	}
	return out
}
