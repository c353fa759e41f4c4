package table

import (
	"mime"
	"net/http"
	"strconv"
	"strings"
)

// Format is an encoding of a table.
type Format string

const (
	JSON   Format = "json"
	CSV    Format = "csv"
	NDJSON Format = "ndjson"
)

// ContentType is the media type each format is served with.
func (f Format) ContentType() string {
	switch f {
	case CSV:
		return "text/csv; charset=utf-8"
	case NDJSON:
		return "application/x-ndjson"
	}
	return "application/json"
}

var mediaTypes = map[string]Format{
	"application/json":     JSON,
	"text/csv":             CSV,
	"application/x-ndjson": NDJSON,
	"application/ndjson":   NDJSON,
	"application/jsonl":    NDJSON,
	"application/*":        JSON,
	"*/*":                  JSON,
}

// ParseFormat reads a ?format= value.
func ParseFormat(s string) (Format, bool) {
	switch Format(s) {
	case JSON, CSV, NDJSON:
		return Format(s), true
	}
	return "", false
}

// Negotiate picks the format from the Accept header: the supported media type with the highest
// q (ties: the first listed); no Accept means JSON. ok is false when Accept names only types we
// do not serve (406).
func Negotiate(accept string) (f Format, ok bool) {
	if strings.TrimSpace(accept) == "" {
		return JSON, true
	}
	best, bestQ := Format(""), 0.0
	for _, part := range strings.Split(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		f, known := mediaTypes[mt]
		if !known {
			continue
		}
		q := 1.0
		if s, has := params["q"]; has {
			if q, err = strconv.ParseFloat(s, 64); err != nil {
				continue
			}
		}
		if q > bestQ {
			best, bestQ = f, q
		}
	}
	return best, best != ""
}

// Write encodes t in f and sends it with status 200; the next cursor also goes in a header, as
// CSV and NDJSON have no envelope for it. Encoding happens before the first byte is sent, so an
// error can still become a problem response.
func Write(w http.ResponseWriter, f Format, t Table) error {
	var b []byte
	var err error
	switch f {
	case CSV:
		b, err = EncodeCSV(t)
	case NDJSON:
		b, err = EncodeNDJSON(t)
	default:
		b, err = EncodeJSON(t)
	}
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", f.ContentType())
	h.Set("X-Content-Type-Options", "nosniff")
	if t.NextCursor != "" {
		h.Set(NextCursorHeader, t.NextCursor)
	}
	w.WriteHeader(http.StatusOK)
	_, err = w.Write(b)
	return err
}
