package data

import (
	"errors"
	"fmt"
)

// Error codes shared by every transport. Each transport maps them to its own protocol: an HTTP
// status and problem type, a GraphQL extensions.code, an MCP tool error, a CLI exit code.
const (
	EINVALID      = "invalid"      // the caller's input is wrong; the message says how
	ENOTFOUND     = "not_found"    // the named thing does not exist
	EUNAUTHORIZED = "unauthorized" // no or bad credentials
	EFORBIDDEN    = "forbidden"    // credentials fine, permission missing
	ECONFLICT     = "conflict"     // the change collides with existing state
	EREADONLY     = "read_only"    // captured data cannot be changed
	EUNAVAILABLE  = "unavailable"  // a dependency (database, object store) is down
	EINTERNAL     = "internal"     // a bug or unexpected failure; details only in logs
)

// Error is the domain error. Message is safe to show to callers; the wrapped Err carries details
// for logs only.
type Error struct {
	Code    string
	Message string
	Err     error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with a formatted, caller-safe message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for any other error,
// and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the caller-safe message of err: the *Error's message, or a generic text
// for unexpected errors so internals never leak to a client.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
