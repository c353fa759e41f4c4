package problem

import (
	"net/http"

	"github.com/recondo/recondo/data"
)

// Codes of the HTTP layer itself, beside the data module's (data.EINVALID, ...).
const (
	ETOOLARGE         = "too_large"              // the body is over the size limit
	EUNSUPPORTED      = "unsupported_media_type" // the body is not JSON
	ENOTACCEPTABLE    = "not_acceptable"         // no representation matches Accept
	EMETHODNOTALLOWED = "method_not_allowed"     // the route exists, not for this method
)

// typeBase prefixes every problem type. Tag URIs (RFC 4151) name a type without promising a page
// behind it, as RFC 9457 allows; QUERY.md lists them all.
const typeBase = "tag:recondo.dev,2026:problem/"

// TypeURI returns the problem type of a code.
func TypeURI(code string) string { return typeBase + code }

type kind struct {
	status int
	title  string
}

var kinds = map[string]kind{
	data.EINVALID:      {http.StatusBadRequest, "Invalid request"},
	data.ENOTFOUND:     {http.StatusNotFound, "Not found"},
	data.EUNAUTHORIZED: {http.StatusUnauthorized, "Unauthorized"},
	data.EFORBIDDEN:    {http.StatusForbidden, "Forbidden"},
	data.ECONFLICT:     {http.StatusConflict, "Conflict"},
	// Captured data has no write routes; a method the route lacks is the same refusal.
	data.EREADONLY:    {http.StatusMethodNotAllowed, "Captured data is read-only"},
	data.EUNAVAILABLE: {http.StatusServiceUnavailable, "Service unavailable"},
	data.EINTERNAL:    {http.StatusInternalServerError, "Internal error"},
	ETOOLARGE:         {http.StatusRequestEntityTooLarge, "Request body too large"},
	EUNSUPPORTED:      {http.StatusUnsupportedMediaType, "Unsupported media type"},
	ENOTACCEPTABLE:    {http.StatusNotAcceptable, "Not acceptable"},
	EMETHODNOTALLOWED: {http.StatusMethodNotAllowed, "Method not allowed"},
}

// Codes lists every code a response can carry, for documentation and tests.
func Codes() []string {
	out := make([]string, 0, len(kinds))
	for c := range kinds {
		out = append(out, c)
	}
	return out
}

// Status returns the HTTP status of a code; unknown codes are internal errors.
func Status(code string) int { return kindOf(code).status }

func kindOf(code string) kind {
	if k, ok := kinds[code]; ok {
		return k
	}
	return kinds[data.EINTERNAL]
}
