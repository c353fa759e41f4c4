package table

import (
	"encoding/json"
	"fmt"
	"time"
)

// Table is a tabular answer. A value is nil, a string, an int64, a bool, a json.Number (decimals
// such as dollars, kept exact) or a time.Time (written as RFC 3339 UTC).
type Table struct {
	Resource   string
	Columns    []string
	Rows       [][]any
	NextCursor string
}

// NextCursorHeader carries the next page's cursor, for the encodings that have no envelope.
const NextCursorHeader = "Recondo-Next-Cursor"

// appendJSONValue appends one value as JSON.
func appendJSONValue(b []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case time.Time:
		enc, _ := json.Marshal(x.UTC().Format(time.RFC3339Nano))
		return append(b, enc...), nil
	case json.Number:
		return append(b, x...), nil
	}
	enc, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode %T: %w", v, err)
	}
	return append(b, enc...), nil
}

// appendRow appends one row as a JSON object whose keys follow the column order (a Go map would
// sort them).
func appendRow(b []byte, columns []string, row []any) ([]byte, error) {
	b = append(b, '{')
	for i, c := range columns {
		if i > 0 {
			b = append(b, ',')
		}
		name, _ := json.Marshal(c)
		b = append(append(b, name...), ':')
		var err error
		if b, err = appendJSONValue(b, row[i]); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}
