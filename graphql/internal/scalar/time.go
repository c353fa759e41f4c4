package scalar

import (
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/recondo/recondo/data"
)

// MarshalTime writes t as RFC 3339 with nanoseconds, in UTC.
func MarshalTime(t time.Time) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		io.WriteString(w, strconv.Quote(t.UTC().Format(time.RFC3339Nano)))
	})
}

// UnmarshalTime reads an RFC 3339 string.
func UnmarshalTime(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, data.Errorf(data.EINVALID, "a Time must be an RFC 3339 string such as 2026-01-05T09:00:00Z")
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, data.Errorf(data.EINVALID, "%q is not an RFC 3339 time such as 2026-01-05T09:00:00Z", s)
	}
	return t.UTC(), nil
}
