package openapi_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"

	"github.com/recondo/recondo/rest/api"
	"github.com/recondo/recondo/rest/openapi"
	"github.com/recondo/recondo/rest/query"
)

// servedByHTTPServe are the paths data/httpserve answers itself, outside the router.
var servedByHTTPServe = []string{"GET /healthz", "GET /metrics"}

type document struct {
	OpenAPI    string                                `json:"openapi"`
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]json.RawMessage `json:"schemas"`
	} `json:"components"`
}

func load(t *testing.T) document {
	t.Helper()
	var d document
	if err := json.Unmarshal(openapi.Document, &d); err != nil {
		t.Fatalf("openapi.json is not valid JSON: %v", err)
	}
	return d
}

func TestDocumentIsOpenAPI31(t *testing.T) {
	if got := load(t).OpenAPI; got != "3.1.0" {
		t.Fatalf("openapi = %q, want 3.1.0", got)
	}
}

func TestEveryRouteIsDocumentedAndEveryDocumentedPathExists(t *testing.T) {
	var routes []string
	err := chi.Walk(api.New(api.Config{}), func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		routes = append(routes, method+" "+route)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	routes = append(routes, servedByHTTPServe...)
	var documented []string
	for path, ops := range load(t).Paths {
		for method := range ops {
			if method == "parameters" {
				continue
			}
			documented = append(documented, strings.ToUpper(method)+" "+path)
		}
	}
	sort.Strings(routes)
	sort.Strings(documented)
	for _, r := range routes {
		if !slices.Contains(documented, r) {
			t.Errorf("route %s is not in openapi.json", r)
		}
	}
	for _, d := range documented {
		if !slices.Contains(routes, d) {
			t.Errorf("openapi.json documents %s, which no route serves", d)
		}
	}
}

func TestEveryReferenceResolves(t *testing.T) {
	d := load(t)
	var raw map[string]any
	json.Unmarshal(openapi.Document, &raw)
	components := raw["components"].(map[string]any)
	for _, ref := range regexp.MustCompile(`"\$ref":\s*"#/components/(\w+)/(\w+)"`).FindAllStringSubmatch(string(openapi.Document), -1) {
		kind, _ := components[ref[1]].(map[string]any)
		if _, ok := kind[ref[2]]; !ok {
			t.Errorf("unresolved $ref #/components/%s/%s", ref[1], ref[2])
		}
	}
	ids := map[string]bool{}
	for path, ops := range d.Paths {
		for method, raw := range ops {
			var op struct {
				OperationID string         `json:"operationId"`
				Responses   map[string]any `json:"responses"`
			}
			json.Unmarshal(raw, &op)
			if op.OperationID == "" || ids[op.OperationID] || len(op.Responses) == 0 {
				t.Errorf("%s %s: operationId %q (unique?) with %d responses", method, path, op.OperationID, len(op.Responses))
			}
			ids[op.OperationID] = true
		}
	}
}

// TestQuerySchemaMatchesTheLanguage keeps the published enums equal to what Validate accepts.
func TestQuerySchemaMatchesTheLanguage(t *testing.T) {
	d := load(t)
	var q struct {
		Properties map[string]struct {
			Enum  []string `json:"enum"`
			Items struct {
				Enum []string `json:"enum"`
			} `json:"items"`
		} `json:"properties"`
	}
	json.Unmarshal(d.Components.Schemas["Query"], &q)
	var filters struct {
		Properties map[string]any `json:"properties"`
	}
	json.Unmarshal(d.Components.Schemas["Filters"], &filters)
	v := query.Vocabulary()
	var allFields, allFilters []string
	for _, r := range v.Resources {
		for _, f := range v.Fields[r] {
			if !slices.Contains(allFields, f) {
				allFields = append(allFields, f)
			}
		}
		for _, f := range v.Filters[r] {
			if !slices.Contains(allFilters, f) {
				allFilters = append(allFilters, f)
			}
		}
	}
	var documentedFilters []string
	for f := range filters.Properties {
		documentedFilters = append(documentedFilters, f)
	}
	for name, c := range map[string]struct{ got, want []string }{
		"resource":       {q.Properties["resource"].Enum, v.Resources},
		"group_by":       {q.Properties["group_by"].Items.Enum, v.GroupBy},
		"metrics":        {q.Properties["metrics"].Items.Enum, v.Metrics},
		"fields":         {q.Properties["fields"].Items.Enum, allFields},
		"filters":        {documentedFilters, allFilters},
		"top-level keys": {keys(q.Properties), []string{"cursor", "fields", "filters", "group_by", "limit", "metrics", "order", "resource"}},
	} {
		got, want := slices.Sorted(slices.Values(c.got)), slices.Sorted(slices.Values(c.want))
		if !slices.Equal(got, want) {
			t.Errorf("%s: openapi.json has %v, the language has %v", name, got, want)
		}
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
