package objects

// Kind says whether an object is a request or a response body; it is also the object's directory.
type Kind string

const (
	Request  Kind = "req"
	Response Kind = "resp"
)

// Valid reports whether k is a known kind. A kind is a path component, so anything else is refused.
func (k Kind) Valid() bool { return k == Request || k == Response }

// ValidHash reports whether s is exactly 64 lowercase hex characters. Every function taking a hash
// checks it first: a hash is a path component, so this is the path-traversal guard. Uppercase is
// refused so one body has exactly one name.
func ValidHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// check validates a kind and hash before they are used to build a path or a key.
func check(kind Kind, hash string) error {
	if !kind.Valid() {
		return fmtErr(ErrInvalidKind, kind, hash)
	}
	if !ValidHash(hash) {
		return fmtErr(ErrInvalidHash, kind, hash)
	}
	return nil
}
