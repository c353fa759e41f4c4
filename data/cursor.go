package data

import (
	"encoding/base64"
	"strconv"
	"strings"
	"time"
)

// EncodeCursor makes an opaque keyset cursor from the sort key of the last row of a page.
func EncodeCursor(at time.Time, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(at.UnixMicro(), 10) + "|" + id))
}

// DecodeCursor reverses EncodeCursor. A cursor the caller altered is an EINVALID error.
func DecodeCursor(c string) (time.Time, string, error) {
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return time.Time{}, "", Errorf(EINVALID, "cursor is not valid: use next_cursor from a previous page")
	}
	us, id, ok := strings.Cut(string(raw), "|")
	n, err := strconv.ParseInt(us, 10, 64)
	if !ok || err != nil || id == "" {
		return time.Time{}, "", Errorf(EINVALID, "cursor is not valid: use next_cursor from a previous page")
	}
	return time.UnixMicro(n).UTC(), id, nil
}

// EncodeSeqCursor makes a cursor from an integer position (search hits page by text row).
func EncodeSeqCursor(n int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte("#" + strconv.FormatInt(n, 10)))
}

// DecodeSeqCursor reverses EncodeSeqCursor.
func DecodeSeqCursor(c string) (int64, error) {
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err == nil && strings.HasPrefix(string(raw), "#") {
		if n, err := strconv.ParseInt(string(raw[1:]), 10, 64); err == nil && n > 0 {
			return n, nil
		}
	}
	return 0, Errorf(EINVALID, "cursor is not valid: use next_cursor from a previous page")
}

// keyed is a row that pages by (time, id), newest first.
type keyed interface {
	CursorKey() (time.Time, string)
}

// CursorKey is the sort key sessions and turns page by.
func (s Session) CursorKey() (time.Time, string) { return s.StartedAt, s.ID }

// CursorKey is the sort key turns page by.
func (t Turn) CursorKey() (time.Time, string) { return t.StartedAt, t.ID }

// CursorKey is the sort key tool calls page by.
func (c ToolCall) CursorKey() (time.Time, string) { return c.CreatedAt, c.ID }

// CursorKey is the sort key anomalies page by.
func (a Anomaly) CursorKey() (time.Time, string) { return a.CreatedAt, a.ID }

// CursorKey is the sort key artifacts page by.
func (a Artifact) CursorKey() (time.Time, string) { return a.CreatedAt, a.ID }

// Paginate converts rows an engine fetched with limit+1 (the extra row only says that more
// exist), keeps at most limit of them, and returns the cursor after the last one kept, "" on
// the last page. The slice is never nil, so an empty page encodes as [].
func Paginate[R any, T keyed](rows []R, limit int, convert func(R) T) ([]T, string) {
	out := make([]T, 0, min(len(rows), limit))
	for _, r := range rows[:min(len(rows), limit)] {
		out = append(out, convert(r))
	}
	if len(rows) <= limit || len(out) == 0 {
		return out, ""
	}
	at, id := out[len(out)-1].CursorKey()
	return out, EncodeCursor(at, id)
}
