package table

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// EncodeJSON returns {"resource", "columns", "rows": [{column: value}], "next_cursor"}.
func EncodeJSON(t Table) ([]byte, error) {
	var b []byte
	b = append(b, '{')
	if t.Resource != "" {
		r, _ := json.Marshal(t.Resource)
		b = append(append(b, `"resource":`...), r...)
		b = append(b, ',')
	}
	cols, _ := json.Marshal(nonNil(t.Columns))
	b = append(append(b, `"columns":`...), cols...)
	b = append(b, `,"rows":[`...)
	for i, row := range t.Rows {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = appendRow(b, t.Columns, row); err != nil {
			return nil, err
		}
	}
	b = append(b, ']')
	if t.NextCursor != "" {
		c, _ := json.Marshal(t.NextCursor)
		b = append(append(b, `,"next_cursor":`...), c...)
	}
	return append(b, '}', '\n'), nil
}

// EncodeNDJSON returns one JSON object per row, one per line.
func EncodeNDJSON(t Table) ([]byte, error) {
	var b []byte
	for _, row := range t.Rows {
		var err error
		if b, err = appendRow(b, t.Columns, row); err != nil {
			return nil, err
		}
		b = append(b, '\n')
	}
	return b, nil
}

// EncodeCSV returns a header line of column names and one record per row (RFC 4180).
func EncodeCSV(t Table) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.Write(t.Columns); err != nil {
		return nil, err
	}
	rec := make([]string, len(t.Columns))
	for _, row := range t.Rows {
		for i, v := range row {
			rec[i] = CSVCell(v)
		}
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// CSVCell is how a value reads in CSV: null is empty, numbers and booleans as in JSON, times in
// RFC 3339. A string a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
// leading apostrophe: captured text is attacker-controlled, and FinOps opens these files in Excel.
func CSVCell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		if x != "" && strings.ContainsRune("=+-@\t\r", rune(x[0])) {
			return "'" + x
		}
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case bool:
		return strconv.FormatBool(x)
	case json.Number:
		return string(x)
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
