package mask

import "unicode/utf8"

// normalize appends to dst the form of a masked path token that decides its placeholder, so one
// path gets one placeholder whether it appears plain, JSON-escaped, percent-encoded or as a file
// URI: the file scheme is dropped, escapes decoded, separator runs collapsed to "/", a trailing
// separator dropped, and Windows paths (case-insensitive) lower-cased.
func normalize[T text](dst []byte, tok T) []byte {
	i := 0
	if hasFold(tok, 0, "file:") {
		i = skipSlashes(tok, len("file:"))
		if hasFold(tok, i, "localhost") {
			i = skipSlashes(tok, i+len("localhost"))
		}
		if !(i+1 < len(tok) && isAlpha(tok[i]) && tok[i+1] == ':') {
			dst = append(dst, '/')
		}
	}
	base := len(dst)
	for i < len(tok) {
		c := tok[i]
		switch {
		case c == '%':
			if i+2 < len(tok) {
				hi, ok1 := unhex(tok[i+1])
				lo, ok2 := unhex(tok[i+2])
				if ok1 && ok2 {
					dst = appendSep(dst, hi<<4|lo)
					i += 3
					continue
				}
			}
		case c == '\\':
			j := i
			for j < len(tok) && tok[j] == '\\' {
				j++
			}
			if j < len(tok) && tok[j] == 'u' {
				if r, ok := hex4(tok, j+1); ok {
					dst = appendRune(dst, r)
					i = j + 5
					continue
				}
			}
		}
		dst = appendSep(dst, c)
		i++
	}
	if n := len(dst); n-base > 1 && dst[n-1] == '/' {
		dst = dst[:n-1]
	}
	if len(dst)-base >= 2 && isAlpha(dst[base]) && dst[base+1] == ':' {
		for k := base; k < len(dst); k++ {
			if c := dst[k]; c >= 'A' && c <= 'Z' {
				dst[k] = c | 0x20
			}
		}
	}
	return dst
}

// appendSep appends c, turning backslashes into slashes and collapsing runs of them.
func appendSep(dst []byte, c byte) []byte {
	if c == '\\' {
		c = '/'
	}
	if c == '/' && len(dst) > 0 && dst[len(dst)-1] == '/' {
		return dst
	}
	return append(dst, c)
}

// appendRune appends the UTF-8 encoding of a decoded \u escape.
func appendRune(dst []byte, r rune) []byte {
	if r < 0x80 {
		return appendSep(dst, byte(r))
	}
	return utf8.AppendRune(dst, r)
}

func skipSlashes[T text](s T, i int) int {
	for i < len(s) && (s[i] == '/' || s[i] == '\\') {
		i++
	}
	return i
}
