package mask

// extent returns where the path whose bytes start at s[j] ends, before trailing punctuation is
// trimmed. It stops early once it is past stopAfter, which lets a caller ask only "is there at
// least one path byte here?" in constant time.
func extent[T text](s T, j int, p prefix, stopAfter int) int {
	for j < len(s) && j <= stopAfter {
		c := s[j]
		switch {
		case c == '\\':
			next, end := backslash(s, j, p)
			if end {
				return next
			}
			j = next
			continue
		case isHardStop(c):
			return j
		case c == ',':
			if j+1 == len(s) || isSpace(s[j+1]) {
				return j // "a, b" lists; a comma inside a file name stays
			}
		case c == ':':
			if j+1 < len(s) && colonEnds(s[j+1]) {
				return j // PATH lists and file:line:col
			}
		}
		j++
	}
	return j
}

// backslash handles a run of backslashes at s[j] inside a path. It returns where the path
// continues, or (end true) where the path ends. A JSON escape such as \" or \n ends the path before
// its backslashes, so the output stays valid JSON; an escaped slash (\/) or a \u escape of an
// ordinary character continues it. In a Windows path the backslashes that form whole separators are
// kept and only the remainder can be an escape.
func backslash[T text](s T, j int, p prefix) (int, bool) {
	a := j
	for a < len(s) && s[a] == '\\' {
		a++
	}
	if a == len(s) || isHardStop(s[a]) {
		return j, true
	}
	esc := j // first backslash that escapes s[a]
	if p.sep == sepWin {
		k := max(p.k, 1)
		if (a-j)%k == 0 {
			return a, false // only separators
		}
		esc = a - (a-j)%k
	}
	switch c := s[a]; {
	case c == '/':
		return a + 1, false
	case c == 'n' || c == 'r' || c == 't' || c == 'b' || c == 'f':
		return esc, true
	case c == 'u':
		if r, ok := hex4(s, a+1); ok {
			if r < 0x80 && isHardStop(byte(r)) {
				return esc, true // \u0022, \u003c and friends end the path like the bytes they stand for
			}
			return a + 5, false
		}
	}
	return a, false
}

// trimPunct drops sentence punctuation from the end of s[lo:end]: "see /home/bob/x.go." masks
// "/home/bob/x.go".
func trimPunct[T text](s T, lo, end int) int {
	for end > lo && isPunct(s[end-1]) {
		end--
	}
	return end
}

// isPunct reports whether c is punctuation that ends a sentence or clause rather than a path.
func isPunct(c byte) bool {
	return c == '.' || c == ',' || c == ':' || c == ';' || c == '?' || c == '!'
}

// colonEnds reports whether a colon followed by next ends a path: before another path
// ("/a:/b", "a:~/b") and before a number ("x.go:12:3"). A colon before "[" ends it too, because
// that is where a placeholder may now stand; without it masking twice could differ from once.
func colonEnds(next byte) bool {
	return next == '/' || next == '\\' || next == '~' || next == '[' || isDigit(next)
}
