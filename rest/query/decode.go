package query

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"github.com/recondo/recondo/rest/problem"
)

// Decode reads one query document strictly: unknown fields, duplicate fields, wrong types and
// trailing data are all refused, each named by its JSON path (filters.modle, group_by[1]). The
// document is first walked token by token against Query's shape, which is how errors get their
// paths; it is then decoded with DisallowUnknownFields, which would catch anything the walk let
// through.
func Decode(r io.Reader) (Query, error) {
	body, err := io.ReadAll(io.LimitReader(r, MaxBodyBytes+1))
	if err != nil {
		return Query{}, err // *http.MaxBytesError when the server's own limit is hit
	}
	if len(body) > MaxBodyBytes {
		return Query{}, &http.MaxBytesError{Limit: MaxBodyBytes} // 413, like the server's own limit
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return Query{}, problem.FieldErrors{{Field: "", Message: "the body must be a JSON query document, e.g. {\"resource\":\"sessions\"}"}}
	}
	w := &walker{dec: json.NewDecoder(bytes.NewReader(body))}
	w.dec.UseNumber()
	if err := w.value(reflect.TypeOf(Query{}), ""); err != nil {
		return Query{}, syntaxError(err)
	}
	if _, err := w.dec.Token(); err != io.EOF {
		w.fail("", "unexpected data after the query document")
	}
	if len(w.errs) > 0 {
		return Query{}, w.errs
	}
	var q Query
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&q); err != nil {
		return Query{}, problem.FieldErrors{{Field: "", Message: "the document does not decode: " + err.Error()}}
	}
	return q, nil
}

func syntaxError(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return problem.FieldErrors{{Field: "", Message: fmt.Sprintf("malformed JSON at byte %d: %v", se.Offset, se)}}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return problem.FieldErrors{{Field: "", Message: "malformed JSON: the document ends early"}}
	}
	return problem.FieldErrors{{Field: "", Message: "malformed JSON: " + err.Error()}}
}

// walker checks a JSON value against a Go type, collecting field errors. Only syntax errors stop
// it; a wrong value is recorded and skipped.
type walker struct {
	dec  *json.Decoder
	errs problem.FieldErrors
}

func (w *walker) fail(path, msg string) {
	if len(w.errs) < 20 { // enough to fix a document; a hostile one cannot grow the answer
		w.errs = append(w.errs, problem.FieldError{Field: path, Message: msg})
	}
}

func (w *walker) value(t reflect.Type, path string) error {
	tok, err := w.dec.Token()
	if err != nil {
		return err
	}
	if tok == nil {
		return nil // null: the field is not given
	}
	switch t.Kind() {
	case reflect.Struct:
		if tok != json.Delim('{') {
			w.fail(path, "must be an object, got "+describe(tok))
			return w.skip(tok)
		}
		return w.object(t, path)
	case reflect.Slice:
		if tok != json.Delim('[') {
			w.fail(path, "must be an array of strings, got "+describe(tok))
			return w.skip(tok)
		}
		for i := 0; w.dec.More(); i++ {
			if i == maxListItems {
				w.fail(path, fmt.Sprintf("has more than %d entries", maxListItems))
			}
			if err := w.value(t.Elem(), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
		_, err := w.dec.Token() // ']'
		return err
	case reflect.String:
		if _, ok := tok.(string); !ok {
			w.fail(path, "must be a string, got "+describe(tok))
			return w.skip(tok)
		}
	case reflect.Int:
		n, ok := tok.(json.Number)
		if !ok {
			w.fail(path, "must be an integer, got "+describe(tok))
			return w.skip(tok)
		}
		if _, err := strconv.ParseInt(string(n), 10, 32); err != nil {
			if errors.Is(err, strconv.ErrRange) {
				w.fail(path, "is too large, got "+string(n))
			} else {
				w.fail(path, "must be an integer, got "+string(n))
			}
		}
	}
	return nil
}

func (w *walker) object(t reflect.Type, path string) error {
	fields := jsonFields(t)
	seen := map[string]bool{}
	for w.dec.More() {
		tok, err := w.dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		p := join(path, key)
		ft, known := fields[key]
		switch {
		case !known:
			w.fail(p, unknownField(key, t))
			if err := w.skipValue(); err != nil {
				return err
			}
			continue
		case seen[key]:
			w.fail(p, "appears twice")
		}
		seen[key] = true
		if err := w.value(ft, p); err != nil {
			return err
		}
	}
	_, err := w.dec.Token() // '}'
	return err
}

// skipValue consumes the next value whole.
func (w *walker) skipValue() error {
	tok, err := w.dec.Token()
	if err != nil {
		return err
	}
	return w.skip(tok)
}

// skip consumes the rest of a value whose first token was tok. It loops rather than recurses, so
// no nesting depth can exhaust the stack.
func (w *walker) skip(tok json.Token) error {
	if tok != json.Delim('{') && tok != json.Delim('[') {
		return nil
	}
	for depth := 1; depth > 0; {
		t, err := w.dec.Token()
		if err != nil {
			return err
		}
		switch t {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return nil
}

// jsonFields maps a struct's JSON names to field types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name != "" && name != "-" {
			out[name] = f.Type
		}
	}
	return out
}

func unknownField(key string, t reflect.Type) string {
	var names []string
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		names = append(names, name)
	}
	msg := "unknown field"
	if s := closest(key, names); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return msg + " (fields here: " + strings.Join(names, ", ") + ")"
}

func describe(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		if v == '{' {
			return "an object"
		}
		return "an array"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	}
	return "null"
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
