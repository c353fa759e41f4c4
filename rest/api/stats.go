package api

import (
	"net/http"
	"slices"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/access"
	"github.com/recondo/recondo/rest/problem"
	"github.com/recondo/recondo/rest/query"
	"github.com/recondo/recondo/rest/table"
)

// statsAnswer is GET /v1/stats in JSON.
type statsAnswer struct {
	Rows []data.StatsRow `json:"rows"`
}

// stats: GET /v1/stats: data.API.Stats (sums of turns, by one dimension and optional bucket).
func (h *handlers) stats(w http.ResponseWriter, r *http.Request) {
	access.Operation(r.Context(), "stats")
	ps, ok := h.params(w, r, "from", "to", "group_by", "bucket", "provider", "model", "developer", "team", "repo", "format")
	if !ok {
		return
	}
	q := data.StatsQuery{GroupBy: ps["group_by"], Bucket: ps["bucket"], Provider: ps["provider"], Model: ps["model"],
		Developer: ps["developer"], Team: ps["team"], Repo: ps["repo"]}
	var errs problem.FieldErrors
	for _, name := range []string{"provider", "model", "developer", "team", "repo"} {
		if msg := query.CheckValue(ps[name]); msg != "" {
			errs = append(errs, problem.FieldError{Field: name, Message: msg})
		}
	}
	for name, dst := range map[string]*time.Time{"from": &q.From, "to": &q.To} {
		if s := ps[name]; s != "" {
			t, err := query.ParseTime(s)
			if err != nil {
				errs = append(errs, problem.FieldError{Field: name, Message: err.Error()})
			}
			*dst = t
		}
	}
	if g := q.GroupBy; g != "" && !slices.Contains([]string{data.DimProvider, data.DimModel, data.DimDeveloper, data.DimTeam, data.DimRepo}, g) {
		errs = append(errs, problem.FieldError{Field: "group_by", Message: "must be one of provider, model, developer, team, repo, got " + quote(g)})
	}
	if b := q.Bucket; b != "" && b != data.BucketHour && b != data.BucketDay {
		errs = append(errs, problem.FieldError{Field: "bucket", Message: "must be hour or day, got " + quote(b)})
	}
	if len(errs) > 0 {
		h.fail(w, r, errs)
		return
	}
	f, ok := h.format(w, r, ps["format"])
	if !ok {
		return
	}
	rows, err := h.api.Stats(r.Context(), q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if f == table.JSON {
		writeJSON(w, http.StatusOK, statsAnswer{Rows: rows})
		return
	}
	if err := table.Write(w, f, query.StatsTable(rows)); err != nil {
		h.log.Error("write stats", "err", err)
	}
}
