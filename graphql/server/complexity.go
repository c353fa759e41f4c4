package server

import (
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/graphql/internal/gen"
	"github.com/recondo/recondo/graphql/internal/gen/model"
)

// Complexity estimates how many values an operation returns and what each costs to read: a
// list multiplies its children by how many items it may return (a connection's `first`, or a
// typical count where the size is not asked for), and fields that read more than a row cost
// more (a turn's texts are one GetTurn each; a body is an object-store read and a decode).
const (
	toolCallsPerTurn    = 5
	toolCallsPerSession = 20
	textsCost           = 10
	bodyCost            = 25
	verifyCost          = 1000 // re-hashes every body of a session: a few per request at most
	listCost            = 10   // developers, teams, policies, keys: short lists, no paging
)

// items is how many items a connection may return. A huge `first` is refused by the complexity
// limit here rather than by the data API later, so the caller sees why; capping it keeps the
// product from overflowing.
func items(first *int) int {
	if first == nil {
		return data.DefaultLimit
	}
	return min(max(*first, 1), 1_000_000)
}

// perItem is the cost of a list of n items of the given child complexity (at least 1 each).
func perItem(n, child int) int { return n * max(child, 1) }

func setComplexity(c *gen.ComplexityRoot) {
	q := &c.Query
	q.Sessions = func(child int, first *int, _ *string, _ *model.SessionFilter) int {
		return perItem(items(first), child)
	}
	q.Turns = func(child int, _ string, first *int, _ *string) int { return perItem(items(first), child) }
	q.ToolCalls = func(child int, ids []string) int { return perItem(len(ids)*toolCallsPerTurn, child) }
	q.Search = func(child int, _ string, _ *string, _ *model.TextRole, first *int, _ *string) int {
		return perItem(items(first), child)
	}
	q.Anomalies = func(child int, first *int, _ *string, _ *model.AnomalyFilter) int {
		return perItem(items(first), child)
	}
	q.Alerts = func(child int, _ *bool, first *int) int { return perItem(items(first), child) }
	q.Reports = func(child int, first *int) int { return perItem(items(first), child) }
	q.PathArtifacts = func(child int, _ string, first *int, _ *string) int { return perItem(items(first), child) }
	q.SessionArtifacts = func(child int, _ string) int { return perItem(toolCallsPerSession, child) }
	q.Stats = func(child int, _ *model.StatsDimension, bucket *model.StatsBucket, _, _ *time.Time, _ *model.StatsFilter) int {
		if bucket != nil {
			return perItem(2*listCost, child) // a time series: many rows
		}
		return perItem(listCost, child)
	}
	q.Verify = func(child int, _ string) int { return verifyCost + child }
	q.Developers = func(child int) int { return perItem(listCost, child) }
	q.Teams = func(child int) int { return perItem(listCost, child) }
	q.Policies = func(child int) int { return perItem(listCost, child) }
	q.Keys = func(child int) int { return perItem(listCost, child) }

	c.Session.Turns = func(child int, first *int, _ *string) int { return perItem(items(first), child) }
	c.Session.ToolCalls = func(child int) int { return perItem(toolCallsPerSession, child) }
	c.Turn.ToolCalls = func(child int) int { return perItem(toolCallsPerTurn, child) }
	c.Turn.Texts = func(child int) int { return textsCost + perItem(toolCallsPerTurn, child) }
	c.Turn.Request = func(child int) int { return bodyCost + child }
	c.Turn.Response = func(child int) int { return bodyCost + child }
}
