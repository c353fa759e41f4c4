package mask

// Separator encodings. The encoding of a path is fixed by its root, and the root is matched in one
// encoding only, so "/home\/x" (mixed) is not mistaken for a longer root.
const (
	sepUnix = iota // "/", optionally preceded by backslashes: JSON-escaped "\/" and deeper
	sepPct         // "%2F" in a percent-encoded path
	sepWin         // "/" or a run of backslashes: "\", JSON "\\", doubly escaped "\\\\"
)

// What must follow a root's last literal name.
const (
	tailSeg = iota // a separator and a non-empty segment: "/home/<user>"
	tailOpt        // nothing, or a separator: "/root" and "/root/..."
	tailAny        // anything: the separator is part of the root, as in "~alice/"
)

// prefix is a recognised root: end is just past it (and past the separator after it, when one is
// required), sep is its encoding, tail what must follow, and for Windows k is how many backslashes
// make one separator (so an escape can be told from a separator).
type prefix struct {
	end, sep, k, tail int
}

// unixRoots are the user-identifying roots. Everything else under / is a system or API path.
var unixRoots = []struct {
	names []string
	tail  int
}{
	{[]string{"home"}, tailSeg},
	{[]string{"Users"}, tailSeg},
	{[]string{"root"}, tailOpt},
	{[]string{"tmp"}, tailSeg},
	{[]string{"private", "var"}, tailSeg},
	{[]string{"private", "tmp"}, tailSeg},
	{[]string{"var", "folders"}, tailSeg},
}

// rootInitial marks the first letters of unixRoots.
var rootInitial = [256]bool{'h': true, 'U': true, 'r': true, 't': true, 'p': true, 'v': true}

// unixRoot matches a root at s[i] in encoding sep.
func unixRoot[T text](s T, i, sep int) (prefix, bool) {
	// Most slashes in text start no root; reject them on the first letter.
	if l := sepLen(s, i, sep); l == 0 || i+l >= len(s) || !rootInitial[s[i+l]] {
		return prefix{}, false
	}
	for _, r := range unixRoots {
		j, ok := i, true
		for _, name := range r.names {
			l := sepLen(s, j, sep)
			if l == 0 || !hasLit(s, j+l, name) {
				ok = false
				break
			}
			j += l + len(name)
		}
		if !ok {
			continue
		}
		if r.tail == tailOpt {
			return prefix{end: j, sep: sep, tail: tailOpt}, true
		}
		if l := sepLen(s, j, sep); l > 0 && segmentStarts(s, j+l, sep) {
			return prefix{end: j + l, sep: sep, tail: tailSeg}, true
		}
	}
	return prefix{}, false
}

// tildeRoot matches "~/<x>" and "~user/" at s[i]. The tilde must start a word: "a~/b" and the
// "~5/10" of prose are not home directories, and a user name must start with a letter.
func tildeRoot[T text](s T, i int) (prefix, bool) {
	if i > 0 && !isStop(s[i-1]) && s[i-1] != ':' && s[i-1] < 0x80 && !(i >= 2 && isJSONEscape(s, i-2)) {
		return prefix{}, false
	}
	j := i + 1
	if j < len(s) && (isAlpha(s[j]) || s[j] == '_') {
		for j < len(s) && (isAlpha(s[j]) || isDigit(s[j]) || s[j] == '_' || s[j] == '-' || s[j] == '.') {
			j++
		}
		for _, sep := range []int{sepUnix, sepPct} {
			if l := sepLen(s, j, sep); l > 0 {
				return prefix{end: j + l, sep: sep, tail: tailAny}, true // "~alice/" names a user
			}
		}
		return prefix{}, false
	}
	for _, sep := range []int{sepUnix, sepPct} {
		if l := sepLen(s, j, sep); l > 0 && segmentStarts(s, j+l, sep) {
			return prefix{end: j + l, sep: sep, tail: tailSeg}, true
		}
	}
	return prefix{}, false
}

// winRoot matches "<drive>:\Users\<user>" at s[d] (the drive letter), with either slash direction,
// any backslash escaping depth and "users" in any case.
func winRoot[T text](s T, d int) (prefix, bool) {
	if d < 0 || d+1 >= len(s) || !isAlpha(s[d]) || s[d+1] != ':' {
		return prefix{}, false
	}
	if d > 0 && (isAlpha(s[d-1]) || isDigit(s[d-1]) || s[d-1] == '_') {
		return prefix{}, false // "https:" or "ab:" is not a drive
	}
	j := d + 2
	k := sepLen(s, j, sepWin)
	if k == 0 || !hasFold(s, j+k, "users") {
		return prefix{}, false
	}
	j += k + len("users")
	l := sepLen(s, j, sepWin)
	if l == 0 || !segmentStarts(s, j+l, sepWin) {
		return prefix{}, false
	}
	// Backslashes that escape a JSON character must be told from separators, so remember how many
	// make one separator; a forward slash says nothing about the escaping depth.
	depth := 1
	if s[j] == '\\' {
		depth = l
	} else if s[d+2] == '\\' {
		depth = k
	}
	return prefix{end: j + l, sep: sepWin, k: depth, tail: tailSeg}, true
}

// fileRoot matches the path of a file URI whose "file://" ends at s[j]: "file:///home/x",
// "file://localhost/home/x" and "file:///C:/Users/x".
func fileRoot[T text](s T, j int) (prefix, bool) {
	if hasFold(s, j, "localhost") {
		j += len("localhost")
	}
	if p, ok := unixRoot(s, j, sepUnix); ok {
		return p, true
	}
	if l := sepLen(s, j, sepUnix); l > 0 {
		return winRoot(s, j+l)
	}
	return prefix{}, false
}

// sepLen returns the length of a separator of encoding sep at s[i], or 0.
func sepLen[T text](s T, i, sep int) int {
	if i >= len(s) {
		return 0
	}
	switch sep {
	case sepUnix:
		j := i
		for j < len(s) && s[j] == '\\' {
			j++
		}
		if j < len(s) && s[j] == '/' {
			return j + 1 - i
		}
	case sepPct:
		if i+2 < len(s) && s[i] == '%' && s[i+1] == '2' && s[i+2]|0x20 == 'f' {
			return 3
		}
	case sepWin:
		if s[i] == '/' {
			return 1
		}
		j := i
		for j < len(s) && s[j] == '\\' {
			j++
		}
		return j - i
	}
	return 0
}

// segmentStarts reports whether a non-empty path segment starts at s[i]: the user name of
// "/home/alice" must be there, not another separator or the end of the path.
func segmentStarts[T text](s T, i, sep int) bool {
	if i >= len(s) {
		return false
	}
	return sepLen(s, i, sep) == 0 && extent(s, i, prefix{sep: sep, k: 1}, i) > i
}
