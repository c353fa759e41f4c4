package query

import (
	"context"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/rest/table"
)

// Runner executes plans through the read API, which masks paths and bounds every read.
type Runner struct {
	API *data.API
}

// Run executes a plan and returns its table. Lists page by the data API's keyset cursors;
// aggregates are computed whole (their rows are groups, bounded by the data API's bucket limit)
// and paged here.
func (r Runner) Run(ctx context.Context, p Plan) (table.Table, error) {
	if p.Aggregate {
		return r.aggregate(ctx, p)
	}
	switch p.Resource {
	case Sessions:
		page, err := r.API.ListSessions(ctx, p.SessionFilter(), data.ReadOptions{})
		if err != nil {
			return table.Table{}, err
		}
		return SessionTable(page, p.Fields), nil
	case Turns:
		page, err := r.API.FindTurns(ctx, p.TurnQuery(), data.ReadOptions{})
		if err != nil {
			return table.Table{}, err
		}
		cs := turnColumns.pick(p.Fields)
		return table.Table{Resource: Turns, Columns: cs.names(), Rows: cs.rows(page.Turns), NextCursor: page.NextCursor}, nil
	case ToolCalls:
		page, err := r.API.FindToolCalls(ctx, p.ToolCallQuery(), data.ReadOptions{})
		if err != nil {
			return table.Table{}, err
		}
		cs := toolCallColumns.pick(p.Fields)
		return table.Table{Resource: ToolCalls, Columns: cs.names(), Rows: cs.rows(page.ToolCalls), NextCursor: page.NextCursor}, nil
	case Anomalies:
		page, err := r.API.ListAnomalies(ctx, p.AnomalyFilter(), data.ReadOptions{})
		if err != nil {
			return table.Table{}, err
		}
		cs := anomalyColumns.pick(p.Fields)
		return table.Table{Resource: Anomalies, Columns: cs.names(), Rows: cs.rows(page.Anomalies), NextCursor: page.NextCursor}, nil
	}
	return table.Table{}, data.Errorf(data.EINVALID, "unknown resource %q", p.Resource)
}

// SessionTable is a page of sessions as a table (GET /v1/sessions in CSV or NDJSON).
func SessionTable(page data.SessionPage, fields []string) table.Table {
	cs := sessionColumns.pick(fields)
	return table.Table{Resource: Sessions, Columns: cs.names(), Rows: cs.rows(page.Sessions), NextCursor: page.NextCursor}
}

// StatsTable is GET /v1/stats' answer as a table.
func StatsTable(rows []data.StatsRow) table.Table {
	return table.Table{Resource: "stats", Columns: statsColumns.names(), Rows: statsColumns.rows(rows)}
}
