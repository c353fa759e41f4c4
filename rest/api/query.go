package api

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/access"
	"github.com/recondo/recondo/rest/problem"
	"github.com/recondo/recondo/rest/query"
	"github.com/recondo/recondo/rest/table"
)

// queryTimeout bounds one query's database work, well inside the server's 60 s read timeout.
const queryTimeout = 30 * time.Second

// query: POST /v1/query: the query language (QUERY.md). The answer is a table in JSON, CSV or
// NDJSON.
func (h *handlers) query(w http.ResponseWriter, r *http.Request) {
	access.Operation(r.Context(), "query")
	ps, ok := h.params(w, r, "format")
	if !ok || !h.jsonBody(w, r, query.MaxBodyBytes) {
		return
	}
	f, ok := h.format(w, r, ps["format"])
	if !ok {
		return
	}
	q, err := query.Decode(r.Body)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := query.Validate(q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	access.Operation(r.Context(), "query_"+p.Resource)
	ctx, cancel := context.WithTimeout(r.Context(), queryTimeout)
	defer cancel()
	t, err := query.Runner{API: h.api}.Run(ctx, p)
	if errors.Is(err, context.DeadlineExceeded) {
		err = &data.Error{Code: data.EUNAVAILABLE, Message: fmt.Sprintf("the query ran longer than %s: narrow its time range or filters", queryTimeout), Err: err}
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := table.Write(w, f, t); err != nil {
		h.log.Error("write query answer", "err", err)
	}
}

// jsonBody refuses a body that is not JSON (415) or announces more than max bytes (413) before
// reading any of it. Requiring application/json also keeps browsers from sending one cross-site
// without a CORS preflight, which this server never grants.
func (h *handlers) jsonBody(w http.ResponseWriter, r *http.Request, max int64) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		problem.Write(w, r, problem.New(problem.EUNSUPPORTED, "send the body as Content-Type: application/json"))
		return false
	}
	if r.ContentLength > max {
		h.fail(w, r, &http.MaxBytesError{Limit: max})
		return false
	}
	return true
}
