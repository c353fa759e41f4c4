package objects

import (
	"errors"
	"fmt"
	"strconv"
)

var (
	// ErrNotFound means no object is stored under the name; it is always wrapped, use errors.Is.
	ErrNotFound = errors.New("object not found")
	// ErrInvalidHash means the hash is not 64 lowercase hex characters.
	ErrInvalidHash = errors.New("invalid object hash")
	// ErrInvalidKind means the kind is neither Request nor Response.
	ErrInvalidKind = errors.New("invalid object kind")
)

// MismatchError means an object's content does not hash to the name it is stored or expected under.
type MismatchError struct {
	Kind Kind
	Want string // the name (expected hash)
	Got  string // the SHA-256 of the content actually read
}

func (e *MismatchError) Error() string {
	return fmt.Sprintf("object %s/%s: content hashes to %s", e.Kind, e.Want, e.Got)
}

// CorruptError means the stored gzip stream is broken or truncated, so the body cannot be recovered.
type CorruptError struct {
	Kind Kind
	Hash string
	Err  error
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("object %s/%s is corrupt: %v", e.Kind, e.Hash, e.Err)
}

func (e *CorruptError) Unwrap() error { return e.Err }

// fmtErr wraps a sentinel for a refused name. The name is quoted because it is untrusted input.
func fmtErr(sentinel error, kind Kind, hash string) error {
	return fmt.Errorf("object %s/%s: %w", strconv.Quote(string(kind)), strconv.Quote(hash), sentinel)
}
