package server_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/recondo/recondo/graphql/server"
)

func TestHostileQueriesAreRefusedWithAClearError(t *testing.T) {
	r := newRig(t, small, server.Options{})
	deep := "{ sessions { edges { node { turns { edges { node { session { turns { edges { node { session { id } } } } } } } } } } } }"
	huge := "{ sessions(first: 100000) { edges { node { turns(first: 100000) { edges { node { toolCalls { id } } } } } } } }"
	// The same fragment spread at every level: its depth must still count.
	viaFragments := `{ sessions { ...S } }
		fragment S on SessionConnection { edges { node { turns { edges { node { session { turns { ...T } } } } } } } }
		fragment T on TurnConnection { edges { node { session { id } } } }`
	manyTokens := "{ sessions { edges { node { " + strings.Repeat("id ", 20_000) + "} } } }"
	cases := []struct {
		name, query, code, message string
		status                     int
	}{
		{"deep", deep, "DEPTH_LIMIT_EXCEEDED", "exceeds the limit of 10", http.StatusUnprocessableEntity},
		{"deep via fragments", viaFragments, "DEPTH_LIMIT_EXCEEDED", "exceeds the limit of 10", http.StatusUnprocessableEntity},
		{"complex", huge, "COMPLEXITY_LIMIT_EXCEEDED", "exceeds the limit of 5000", http.StatusUnprocessableEntity},
		{"many tokens", manyTokens, "", "token limit", http.StatusUnprocessableEntity},
	}
	for _, c := range cases {
		res := r.do(t, r.reader, c.query, nil, nil)
		if res.Status != c.status || len(res.Errors) != 1 || res.Errors[0].Extensions.Code != c.code && c.code != "" ||
			!strings.Contains(res.Errors[0].Message, c.message) || string(res.Data) != "" && string(res.Data) != "null" {
			t.Errorf("%s: status %d errors %+v data %s", c.name, res.Status, res.Errors, res.Data)
		}
	}
}

func TestOnlyPostReachesGraphQL(t *testing.T) {
	r := newRig(t, small, server.Options{})
	res, err := http.Get(r.url + "/graphql?query=%7Bteams%7Bname%7D%7D")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != "POST" || !strings.Contains(string(body), "POST") {
		t.Fatalf("GET: %d %q %s", res.StatusCode, res.Header.Get("Allow"), body)
	}
}

func TestOversizedBodyIs413(t *testing.T) {
	r := newRig(t, small, server.Options{})
	req, _ := http.NewRequest(http.MethodPost, r.url+"/graphql", strings.NewReader(`{"query":"`+strings.Repeat(" ", 2<<20)+`{teams{name}}"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+r.reader)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d", res.StatusCode)
	}
}

func TestIntrospectionAndGraphiQLOnlyWhenEnabled(t *testing.T) {
	const schemaQuery = `{ __schema { queryType { name } } }`
	off := newRig(t, small, server.Options{})
	if res := off.do(t, off.reader, schemaQuery, nil, nil); res.Status != http.StatusUnprocessableEntity || len(res.Errors) != 1 || res.Errors[0].Extensions.Code != "INTROSPECTION_DISABLED" {
		t.Errorf("introspection off: %+v %s", res.Errors, res.Data)
	}
	if res := off.do(t, off.reader, `{ sesions { edges { cursor } } }`, nil, nil); len(res.Errors) == 0 || strings.Contains(res.Errors[0].Message, "Did you mean") {
		t.Errorf("a typo must not be answered with the schema's field names: %+v", res.Errors)
	}
	if code := get(t, off.url+"/graphiql"); code != http.StatusNotFound {
		t.Errorf("GraphiQL off: %d", code)
	}

	on := newRig(t, small, server.Options{Introspection: true, GraphiQL: true})
	var got struct {
		Schema struct{ QueryType struct{ Name string } } `json:"__schema"`
	}
	on.ok(t, on.reader, schemaQuery, nil, &got)
	if got.Schema.QueryType.Name != "Query" {
		t.Errorf("introspection on: %+v", got)
	}
	if code := get(t, on.url+"/graphiql"); code != http.StatusOK {
		t.Errorf("GraphiQL on: %d", code)
	}
}

func TestStaticSeamServesTheDashboardWithoutAKeyBesideHealthAndMetrics(t *testing.T) {
	web := fstest.MapFS{"index.html": {Data: []byte("<h1>Recondo</h1>")}}
	r := newRig(t, small, server.Options{Static: http.FileServerFS(web)})
	for path, want := range map[string]int{"/": 200, "/missing.js": 404, "/healthz": 200, "/metrics": 200} {
		if code := get(t, r.url+path); code != want {
			t.Errorf("GET %s: %d, want %d", path, code, want)
		}
	}
	if res := r.do(t, "", `{ teams { name } }`, nil, nil); res.Status != http.StatusUnauthorized {
		t.Errorf("/graphql without a key beside the static files: %d", res.Status)
	}
}

func get(t *testing.T, url string) int {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}
