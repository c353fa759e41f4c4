package query

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/recondo/recondo/rest/problem"
)

// Params reads URL query parameters as strictly as Decode reads a document: only the allowed
// names, each at most once; errors name the parameter.
func Params(v url.Values, allowed ...string) (map[string]string, error) {
	var errs problem.FieldErrors
	out := map[string]string{}
	names := make([]string, 0, len(v))
	for name := range v {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		vals := v[name]
		switch {
		case !slices.Contains(allowed, name):
			msg := "unknown parameter"
			if s := closest(name, allowed); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			errs = append(errs, problem.FieldError{Field: clip(name), Message: msg + " (parameters here: " + list(allowed) + ")"})
		case len(vals) > 1:
			errs = append(errs, problem.FieldError{Field: name, Message: "appears more than once"})
		default:
			out[name] = vals[0]
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// PlanFromParams builds and validates a list query of resource from URL parameters named like
// the document's filters, plus limit, cursor and fields (comma-separated). extra names the
// parameters the caller reads itself (format). Errors name the parameter, not a JSON path.
func PlanFromParams(resource string, v url.Values, extra ...string) (Plan, error) {
	allowed := append(append(slices.Clone(filtersOf[resource]), "limit", "cursor", "fields"), extra...)
	ps, err := Params(v, allowed...)
	if err != nil {
		return Plan{}, err
	}
	q := Query{Resource: resource, Cursor: ps["cursor"]}
	f := &q.Filters
	for name, dst := range map[string]*string{"from": &f.From, "to": &f.To, "provider": &f.Provider, "model": &f.Model,
		"developer": &f.Developer, "team": &f.Team, "repo": &f.Repo, "text": &f.Text, "session_id": &f.SessionID,
		"tool": &f.Tool, "kind": &f.Kind, "severity": &f.Severity} {
		*dst = ps[name]
	}
	if s, ok := ps["limit"]; ok {
		n, err := strconv.Atoi(s)
		if err != nil || n > 1<<20 || n < -(1<<20) {
			return Plan{}, problem.FieldErrors{{Field: "limit", Message: fmt.Sprintf("must be an integer, got %q", clip(s))}}
		}
		q.Limit = n
	}
	if s, ok := ps["fields"]; ok && s != "" {
		q.Fields = strings.Split(s, ",")
	}
	p, err := Validate(q)
	var fe problem.FieldErrors
	if errors.As(err, &fe) {
		for i := range fe {
			fe[i].Field = paramName(fe[i].Field)
		}
		return Plan{}, fe
	}
	return p, err
}

// paramName maps a document path to the URL parameter it came from.
func paramName(path string) string {
	path = strings.TrimPrefix(path, "filters.")
	if name, _, ok := strings.Cut(path, "["); ok {
		return name
	}
	return path
}

// ParseTime reads a time as the filters do: RFC 3339, or a date meaning midnight UTC.
func ParseTime(s string) (time.Time, error) { return parseTime(s) }
