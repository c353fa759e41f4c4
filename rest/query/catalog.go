package query

import "slices"

// Catalog describes the language's vocabulary; the OpenAPI test checks the document against it,
// so the published enums cannot drift from what Validate accepts.
type Catalog struct {
	Resources []string
	Filters   map[string][]string // by resource
	Fields    map[string][]string // by resource, in default column order
	GroupBy   []string
	Metrics   []string
}

// Vocabulary returns the catalog.
func Vocabulary() Catalog {
	c := Catalog{
		Resources: slices.Clone(resources),
		Filters:   map[string][]string{},
		Fields:    map[string][]string{},
		GroupBy:   append(slices.Clone(dimensions), buckets...),
		Metrics:   metricNames(),
	}
	for r, fs := range filtersOf {
		c.Filters[r] = slices.Clone(fs)
	}
	for r, fs := range fieldsOf {
		c.Fields[r] = slices.Clone(fs)
	}
	return c
}
