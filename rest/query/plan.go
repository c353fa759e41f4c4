package query

import (
	"time"

	"github.com/recondo/recondo/data"
)

// Plan is a validated query, ready to run: times parsed, defaults applied, the aggregation split
// into the dimension and bucket data.StatsQuery takes.
type Plan struct {
	Resource  string
	Aggregate bool
	From, To  time.Time
	Filters   Filters
	Dim       string   // data.Dim* ("" = not grouped by a dimension)
	Bucket    string   // data.Bucket* ("" = not bucketed)
	GroupBy   []string // the group columns, in the order asked
	Metrics   []string
	Fields    []string // list columns; nil = every column
	Order     []OrderKey
	Limit     int
	Cursor    string
	offset    int // where an aggregate page starts (its cursor)
}

// OrderKey sorts aggregate rows by one output column.
type OrderKey struct {
	Column string
	Desc   bool
}

// SessionFilter is the plan as data.API.ListSessions takes it.
func (p Plan) SessionFilter() data.SessionFilter {
	f := p.Filters
	return data.SessionFilter{From: p.From, To: p.To, Provider: f.Provider, Model: f.Model, Developer: f.Developer,
		Team: f.Team, Repo: f.Repo, Text: f.Text, Limit: p.Limit, Cursor: p.Cursor}
}

// TurnQuery is the plan as data.API.FindTurns takes it.
func (p Plan) TurnQuery() data.TurnQuery {
	f := p.Filters
	return data.TurnQuery{From: p.From, To: p.To, SessionID: f.SessionID, Provider: f.Provider, Model: f.Model,
		Developer: f.Developer, Team: f.Team, Repo: f.Repo, Text: f.Text, Limit: p.Limit, Cursor: p.Cursor}
}

// ToolCallQuery is the plan as data.API.FindToolCalls takes it.
func (p Plan) ToolCallQuery() data.ToolCallQuery {
	f := p.Filters
	return data.ToolCallQuery{From: p.From, To: p.To, SessionID: f.SessionID, Name: f.Tool, Provider: f.Provider,
		Model: f.Model, Developer: f.Developer, Team: f.Team, Repo: f.Repo, Text: f.Text, Limit: p.Limit, Cursor: p.Cursor}
}

// AnomalyFilter is the plan as data.API.ListAnomalies takes it.
func (p Plan) AnomalyFilter() data.AnomalyFilter {
	f := p.Filters
	return data.AnomalyFilter{From: p.From, To: p.To, Kind: f.Kind, Severity: f.Severity, SessionID: f.SessionID,
		Limit: p.Limit, Cursor: p.Cursor}
}

// StatsQuery is the plan as data.API.Stats and Latency take it.
func (p Plan) StatsQuery() data.StatsQuery {
	f := p.Filters
	return data.StatsQuery{From: p.From, To: p.To, GroupBy: p.Dim, Bucket: p.Bucket, Provider: f.Provider,
		Model: f.Model, Developer: f.Developer, Team: f.Team, Repo: f.Repo}
}
