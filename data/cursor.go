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
