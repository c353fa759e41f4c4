package query

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/recondo/recondo/rest/problem"
)

// firstError returns the first field error of err, failing the test if err has none.
func firstError(t *testing.T, err error) problem.FieldError {
	t.Helper()
	var fe problem.FieldErrors
	if !errors.As(err, &fe) || len(fe) == 0 {
		t.Fatalf("err = %v (%T), want field errors", err, err)
	}
	return fe[0]
}

func TestDecodeNamesTheOffendingField(t *testing.T) {
	for _, c := range []struct {
		name, doc, field, message string
	}{
		{"unknown filter", `{"resource":"turns","filters":{"modle":"x"}}`, "filters.modle", `unknown field; did you mean "model"?`},
		{"unknown top-level", `{"resource":"turns","limt":5}`, "limt", `did you mean "limit"?`},
		{"unknown with object value", `{"resource":"turns","where":{"a":[1,{"b":2}]}}`, "where", "unknown field"},
		{"string for int", `{"resource":"turns","limit":"10"}`, "limit", "must be an integer, got a string"},
		{"fraction for int", `{"resource":"turns","limit":1.5}`, "limit", "must be an integer, got 1.5"},
		{"huge int", `{"resource":"turns","limit":1e40}`, "limit", "must be an integer"},
		{"int overflow", `{"resource":"turns","limit":99999999999}`, "limit", "is too large"},
		{"number for string", `{"resource":5}`, "resource", "must be a string, got a number"},
		{"object for string", `{"resource":{"$ne":1}}`, "resource", "must be a string, got an object"},
		{"array for string filter", `{"resource":"turns","filters":{"provider":["a"]}}`, "filters.provider", "must be a string, got an array"},
		{"string for array", `{"resource":"turns","group_by":"model"}`, "group_by", "must be an array of strings, got a string"},
		{"number in array", `{"resource":"turns","group_by":["model",7]}`, "group_by[1]", "must be a string, got a number"},
		{"bool for object", `{"resource":"turns","filters":true}`, "filters", "must be an object, got a boolean"},
		{"duplicate key", `{"resource":"turns","resource":"sessions"}`, "resource", "appears twice"},
		{"trailing data", `{"resource":"turns"} {"resource":"sessions"}`, "", "unexpected data after"},
		{"not an object", `["turns"]`, "", "must be an object, got an array"},
		{"syntax error", `{"resource":"turns",}`, "", "malformed JSON"},
		{"truncated", `{"resource":"tur`, "", "malformed JSON"},
		{"empty body", ``, "", "must be a JSON query document"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(c.doc))
			fe := firstError(t, err)
			if fe.Field != c.field || !strings.Contains(fe.Message, c.message) {
				t.Errorf("got {%q, %q}, want field %q and a message containing %q", fe.Field, fe.Message, c.field, c.message)
			}
		})
	}
}

func TestDecodeReportsEveryUnknownField(t *testing.T) {
	_, err := Decode(strings.NewReader(`{"resource":"turns","filters":{"modle":"x","teem":"y"},"x":1}`))
	var fe problem.FieldErrors
	errors.As(err, &fe)
	var got []string
	for _, e := range fe {
		got = append(got, e.Field)
	}
	if want := "filters.modle filters.teem x"; strings.Join(got, " ") != want {
		t.Fatalf("fields %q, want %q", got, want)
	}
}

func TestDecodeRefusesOversizedDocuments(t *testing.T) {
	doc := `{"resource":"turns","filters":{"text":"` + strings.Repeat("a", MaxBodyBytes) + `"}}`
	_, err := Decode(strings.NewReader(doc))
	var tooLarge *http.MaxBytesError
	if !errors.As(err, &tooLarge) {
		t.Fatalf("err = %v, want *http.MaxBytesError (413)", err)
	}
}

func TestDecodeSurvivesDeepNesting(t *testing.T) {
	doc := `{"resource":"turns","x":` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `}`
	fe := firstError(t, second(Decode(strings.NewReader(doc))))
	if fe.Field != "x" {
		t.Fatalf("field %q", fe.Field)
	}
}

func TestDecodeAcceptsAFullDocument(t *testing.T) {
	q, err := Decode(strings.NewReader(`{
		"resource": "turns",
		"filters": {"from": "2026-01-05", "to": "2026-01-08T00:00:00Z", "provider": "anthropic", "team": null},
		"group_by": ["team", "day"], "metrics": ["count", "cost_usd"], "order": ["-cost_usd"], "limit": 10, "cursor": null}`))
	if err != nil {
		t.Fatal(err)
	}
	if q.Resource != "turns" || q.Filters.Provider != "anthropic" || q.Limit != 10 || len(q.GroupBy) != 2 || q.Order[0] != "-cost_usd" {
		t.Fatalf("decoded %+v", q)
	}
}

func second[T any](_ T, err error) error { return err }
