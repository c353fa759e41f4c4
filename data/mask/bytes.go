package mask

// Byte classes shared by the scanner. They are ASCII-only on purpose: every byte of a multi-byte
// or invalid UTF-8 sequence is >= 0x80 and is simply part of a path, so no decoding is needed and
// a replacement never splits a character.

// isHardStop reports whether c always ends a path. "(" and "&" are rare in file names but common
// right after them: "Program.cs(12,5)", "cd /x&&make", "?path=%2Fhome%2Fx&y=1".
func isHardStop(c byte) bool {
	switch c {
	case ' ', 0x7f, '"', '\'', '`', '<', '>', '(', ')', ']', '}', '&':
		return true
	}
	return c < 0x20
}

// isStop reports whether c separates words, so that what follows it may start a path. It is used
// looking backwards, where "=", "," and friends bound an option value or a list item. A colon is
// left to the caller, since whether it separates depends on the byte after it (see colonEnds).
func isStop(c byte) bool {
	switch c {
	case '[', '{', '=', ',', ';', '|', '?', '#':
		return true
	}
	return isHardStop(c)
}

// isJSONEscape reports whether s[p:p+2] is a JSON escape for white space (\n, \t, ...), which
// separates words just like the character it stands for.
func isJSONEscape[T text](s T, p int) bool {
	if p < 0 || p+1 >= len(s) || s[p] != '\\' {
		return false
	}
	switch s[p+1] {
	case 'n', 'r', 't', 'b', 'f':
		return true
	}
	return false
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
func isAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// hasLit reports whether s[i:] starts with lit.
func hasLit[T text](s T, i int, lit string) bool {
	if i < 0 || len(s)-i < len(lit) {
		return false
	}
	for j := 0; j < len(lit); j++ {
		if s[i+j] != lit[j] {
			return false
		}
	}
	return true
}

// hasFold reports whether s[i:] starts with lit, ignoring ASCII case. lit must be lower case.
func hasFold[T text](s T, i int, lit string) bool {
	if i < 0 || len(s)-i < len(lit) {
		return false
	}
	for j := 0; j < len(lit); j++ {
		c := s[i+j]
		if isAlpha(c) {
			c |= 0x20
		}
		if c != lit[j] {
			return false
		}
	}
	return true
}

// hex4 decodes the four hex digits of a \u escape at s[i].
func hex4[T text](s T, i int) (rune, bool) {
	if i < 0 || len(s)-i < 4 {
		return 0, false
	}
	var r rune
	for j := i; j < i+4; j++ {
		v, ok := unhex(s[j])
		if !ok {
			return 0, false
		}
		r = r<<4 | rune(v)
	}
	return r, true
}

func unhex(c byte) (byte, bool) {
	switch {
	case isDigit(c):
		return c - '0', true
	case c|0x20 >= 'a' && c|0x20 <= 'f':
		return c | 0x20 - 'a' + 10, true
	}
	return 0, false
}
