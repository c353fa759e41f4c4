package mask

// urlAt reports whether the colon at s[i] ends the scheme of a URL ("https://", also JSON-escaped
// "https:\/\/"). k is where the scheme starts and after is just past the two slashes. The scheme
// is looked for only back to last, so the look-back is bounded by the text since the last path.
// One-letter schemes are refused so that "C://Users" stays a drive.
func urlAt[T text](s T, i, last int) (k, after int, ok bool) {
	l1 := sepLen(s, i+1, sepUnix)
	if l1 == 0 {
		return 0, 0, false
	}
	l2 := sepLen(s, i+1+l1, sepUnix)
	if l2 == 0 {
		return 0, 0, false
	}
	k = i
	for k > last && isSchemeByte(s[k-1]) {
		k--
	}
	for k < i && !isAlpha(s[k]) {
		k++
	}
	if i-k < 2 {
		return 0, 0, false
	}
	return k, i + 1 + l1 + l2, true
}

// skipURL returns where the authority and path of a URL starting at s[j] end. Paths there belong
// to a web server, not to the user, so they are left alone; the query and fragment are scanned
// again because "?file=/home/x" does carry a user path. A backslash that is not an escaped slash
// ends the URL, so "https://x\n/home/bob" in a JSON body does not hide the path after the newline.
func skipURL[T text](s T, j int) int {
	for j < len(s) {
		c := s[j]
		switch {
		case c <= ' ' || c == 0x7f:
			return j
		case c == '"' || c == '\'' || c == '`' || c == '<' || c == '>' || c == '?' || c == '#' ||
			c == ')' || c == ']' || c == '}':
			return j
		case c == '\\':
			if l := sepLen(s, j, sepUnix); l > 0 {
				j += l
				continue
			}
			return j
		}
		j++
	}
	return j
}

func isSchemeByte(c byte) bool {
	return isAlpha(c) || isDigit(c) || c == '+' || c == '-' || c == '.'
}
