package mask

// text lets one scanner serve both String and Bytes without converting, so masking a []byte that
// holds no paths does not allocate.
type text interface{ ~string | ~[]byte }

// scan returns s with every path replaced and true, or nil and false when s holds no path.
func scan[T text](m *Masker, s T) ([]byte, bool) {
	var out, key []byte
	last := 0  // s[:last] is already in out; nothing may be replaced before it
	floor := 0 // look-back never crosses this: the end of the last replacement or skipped URL
	for i := 0; i < len(s); {
		if !candidate[s[i]] {
			i++
			continue
		}
		start, end, next := match(s, i, last, floor)
		if end < 0 {
			if next < 0 { // a URL was skipped; its path must not be pulled into a later match
				next = -next
				floor = next
			}
			i = next
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(s)+16)
		}
		out = append(out, s[last:start]...)
		key = normalize(key[:0], s[start:end])
		out = m.appendPlaceholder(out, key)
		last, floor, i = end, end, end
	}
	if out == nil {
		return nil, false
	}
	return append(out, s[last:]...), true
}

// candidate marks the bytes at which a path or a URL can be recognised. Drive letters and URL
// schemes are recognised from their colon, so ordinary letters cost one table lookup.
var candidate = [256]bool{'/': true, '\\': true, '%': true, '~': true, ':': true}

// match tries to recognise a path at s[i]. On success it returns the path's bounds; otherwise end
// is -1 and next (always past i) is where scanning resumes, negated when a URL was skipped up to it.
func match[T text](s T, i, last, floor int) (start, end, next int) {
	fail := func(next int) (int, int, int) { return -1, -1, max(next, i+1) }
	done := func(start, end, next int) (int, int, int) {
		if end < 0 {
			return fail(next)
		}
		return start, end, next
	}
	switch s[i] {
	case '\\':
		j := i
		for j < len(s) && s[j] == '\\' {
			j++
		}
		if j == len(s) || s[j] != '/' {
			return fail(j) // a backslash run that is not an escaped slash cannot start a path
		}
		if p, ok := unixRoot(s, i, sepUnix); ok {
			return done(finish(s, i, p, floor))
		}
		return fail(j)
	case '/':
		if p, ok := unixRoot(s, i, sepUnix); ok {
			return done(finish(s, i, p, floor))
		}
	case '%':
		if p, ok := unixRoot(s, i, sepPct); ok {
			return done(finish(s, i, p, floor))
		}
	case '~':
		if p, ok := tildeRoot(s, i); ok {
			return done(finish(s, i, p, i)) // a tilde path starts at the tilde, never earlier
		}
	case ':':
		if k, after, ok := urlAt(s, i, last); ok {
			if !hasFold(s, k, "file:") {
				return -1, -1, -skipURL(s, after)
			}
			if p, ok := fileRoot(s, after); ok {
				return done(finish(s, k, p, k))
			}
			return fail(i + 1)
		}
		if i-1 >= last {
			if p, ok := winRoot(s, i-1); ok {
				return done(finish(s, i-1, p, floor))
			}
		}
	}
	return fail(i + 1)
}

// finish finds where the path whose root prefix ends at p.end runs to, and widens its start back to
// the beginning of the surrounding path (not before floor). It fails when the root turns out not to
// be followed by what it needs, e.g. "/home/." at the end of a sentence.
func finish[T text](s T, i int, p prefix, floor int) (start, end, next int) {
	if p.tail == tailOpt && sepLen(s, p.end, p.sep) == 0 {
		// "/root" alone: only sentence punctuation may follow before the path ends. Looking no
		// further than that punctuation keeps "/root./root./root..." linear.
		k := p.end
		for k < len(s) && isPunct(s[k]) {
			k++
		}
		if raw := extent(s, p.end, p, k); raw <= k {
			end = trimPunct(s, p.end, raw)
			return widen(s, i, floor), end, end
		}
		return -1, -1, i + 1 // "/rootfs": a longer name, not the root
	}
	raw := extent(s, p.end, p, len(s))
	end = trimPunct(s, p.end, raw)
	if p.tail == tailSeg && end == p.end {
		return -1, -1, max(raw, i+1) // s[p.end:raw] is only punctuation: nothing can start inside
	}
	return widen(s, i, floor), end, end
}

// widen moves start back to the beginning of the word the root was found in, not before floor:
// "/mnt/c/Users/x" under WSL and "-I/home/x" are masked whole. Masking the whole word also means a
// placeholder is never preceded by a root it could complete, which keeps masking idempotent.
// Non-ASCII text stops it, since languages without spaces put words right before a path.
func widen[T text](s T, start, floor int) int {
	for start > floor {
		c := s[start-1]
		if isStop(c) || c >= 0x80 || c == ':' && colonEnds(s[start]) ||
			start-2 >= floor && isJSONEscape(s, start-2) {
			break
		}
		start--
	}
	return start
}
