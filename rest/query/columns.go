package query

import (
	"github.com/recondo/recondo/data"
)

// column is one field a list query can select: its name and how to read it from a row.
type column[T any] struct {
	name string
	get  func(T) any
}

type columns[T any] []column[T]

func (cs columns[T]) names() []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.name
	}
	return out
}

// pick returns the named columns in the order asked; nil means all. Names were validated.
func (cs columns[T]) pick(names []string) columns[T] {
	if len(names) == 0 {
		return cs
	}
	by := map[string]column[T]{}
	for _, c := range cs {
		by[c.name] = c
	}
	out := make(columns[T], len(names))
	for i, n := range names {
		out[i] = by[n]
	}
	return out
}

func (cs columns[T]) rows(items []T) [][]any {
	out := make([][]any, len(items))
	for i, it := range items {
		row := make([]any, len(cs))
		for j, c := range cs {
			row[j] = c.get(it)
		}
		out[i] = row
	}
	return out
}

// usageColumns are the token columns every resource with usage shares.
func usageColumns[T any](u func(T) data.Usage) columns[T] {
	return columns[T]{
		{"input_tokens", func(x T) any { return u(x).InputTokens }},
		{"cache_read_tokens", func(x T) any { return u(x).CacheReadTokens }},
		{"cache_write_5m_tokens", func(x T) any { return u(x).CacheWrite5mTokens }},
		{"cache_write_1h_tokens", func(x T) any { return u(x).CacheWrite1hTokens }},
		{"output_tokens", func(x T) any { return u(x).OutputTokens }},
		{"reasoning_tokens", func(x T) any { return u(x).ReasoningTokens }},
		{"total_tokens", func(x T) any { return u(x).Total() }},
	}
}

var sessionColumns = concat(columns[data.Session]{
	{"id", func(s data.Session) any { return s.ID }},
	{"external_id", func(s data.Session) any { return s.ExternalID }},
	{"parent_session_id", func(s data.Session) any { return s.ParentSessionID }},
	{"started_at", func(s data.Session) any { return s.StartedAt }},
	{"last_activity_at", func(s data.Session) any { return s.LastActivityAt }},
	{"provider", func(s data.Session) any { return s.Provider }},
	{"model", func(s data.Session) any { return s.Model }},
	{"client", func(s data.Session) any { return s.Client }},
	{"client_version", func(s data.Session) any { return s.ClientVersion }},
	{"developer", func(s data.Session) any { return s.Developer }},
	{"team", func(s data.Session) any { return s.Team }},
	{"repo", func(s data.Session) any { return s.Repo }},
	{"branch", func(s data.Session) any { return s.Branch }},
	{"intent", func(s data.Session) any { return s.Intent }},
	{"turn_count", func(s data.Session) any { return s.TurnCount }},
}, usageColumns(func(s data.Session) data.Usage { return s.Usage }), columns[data.Session]{
	{"cost_usd", func(s data.Session) any { return usd(s.CostMicros) }},
	{"cost_micros", func(s data.Session) any { return s.CostMicros }},
	{"unpriced_turns", func(s data.Session) any { return s.UnpricedTurns }},
})

var turnColumns = concat(columns[data.Turn]{
	{"id", func(t data.Turn) any { return t.ID }},
	{"session_id", func(t data.Turn) any { return t.SessionID }},
	{"seq", func(t data.Turn) any { return t.Seq }},
	{"started_at", func(t data.Turn) any { return t.StartedAt }},
	{"first_byte_at", func(t data.Turn) any { return timeOrNull(t.FirstByteAt) }},
	{"ended_at", func(t data.Turn) any { return timeOrNull(t.EndedAt) }},
	{"ttfb_ms", func(t data.Turn) any { return between(t.StartedAt, t.FirstByteAt) }},
	{"latency_ms", func(t data.Turn) any { return between(t.StartedAt, t.EndedAt) }},
	{"host", func(t data.Turn) any { return t.Host }},
	{"method", func(t data.Turn) any { return t.Method }},
	{"path", func(t data.Turn) any { return t.Path }},
	{"status", func(t data.Turn) any { return int64(t.Status) }},
	{"transport", func(t data.Turn) any { return t.Transport }},
	{"provider", func(t data.Turn) any { return t.Provider }},
	{"api", func(t data.Turn) any { return t.API }},
	{"request_model", func(t data.Turn) any { return t.RequestModel }},
	{"model", func(t data.Turn) any { return t.Model }},
	{"response_id", func(t data.Turn) any { return t.ResponseID }},
	{"request_id", func(t data.Turn) any { return t.RequestID }},
	{"request_sha256", func(t data.Turn) any { return t.RequestSHA256 }},
	{"request_size", func(t data.Turn) any { return t.RequestSize }},
	{"response_sha256", func(t data.Turn) any { return t.ResponseSHA256 }},
	{"response_size", func(t data.Turn) any { return t.ResponseSize }},
}, usageColumns(func(t data.Turn) data.Usage { return t.Usage }), columns[data.Turn]{
	{"cost_usd", func(t data.Turn) any { return usdOrNull(t.CostMicros) }},
	{"cost_micros", func(t data.Turn) any { return int64OrNull(t.CostMicros) }},
	{"cost_source", func(t data.Turn) any { return t.CostSource }},
	{"stop_reason", func(t data.Turn) any { return t.StopReason }},
	{"stop_reason_normalized", func(t data.Turn) any { return t.StopReasonNormalized }},
	{"complete", func(t data.Turn) any { return t.Complete }},
	{"parsed", func(t data.Turn) any { return t.Parsed }},
	{"error", func(t data.Turn) any { return t.Error }},
	{"developer", func(t data.Turn) any { return t.Developer }},
	{"team", func(t data.Turn) any { return t.Team }},
	{"repo", func(t data.Turn) any { return t.Repo }},
	{"client", func(t data.Turn) any { return t.Client }},
	{"client_version", func(t data.Turn) any { return t.ClientVersion }},
})

var toolCallColumns = columns[data.ToolCall]{
	{"id", func(c data.ToolCall) any { return c.ID }},
	{"turn_id", func(c data.ToolCall) any { return c.TurnID }},
	{"session_id", func(c data.ToolCall) any { return c.SessionID }},
	{"index", func(c data.ToolCall) any { return int64(c.Index) }},
	{"tool_use_id", func(c data.ToolCall) any { return c.ToolUseID }},
	{"name", func(c data.ToolCall) any { return c.Name }},
	{"arguments", func(c data.ToolCall) any { return c.Arguments }},
	{"arguments_raw", func(c data.ToolCall) any { return stringOrNull(c.ArgumentsRaw) }},
	{"created_at", func(c data.ToolCall) any { return c.CreatedAt }},
	{"result_seen", func(c data.ToolCall) any { return c.ResultSeen }},
	{"result_is_error", func(c data.ToolCall) any { return c.ResultError }},
	{"result_turn_id", func(c data.ToolCall) any { return c.ResultTurnID }},
}

var anomalyColumns = columns[data.Anomaly]{
	{"id", func(a data.Anomaly) any { return a.ID }},
	{"created_at", func(a data.Anomaly) any { return a.CreatedAt }},
	{"kind", func(a data.Anomaly) any { return a.Kind }},
	{"severity", func(a data.Anomaly) any { return a.Severity }},
	{"session_id", func(a data.Anomaly) any { return a.SessionID }},
	{"turn_id", func(a data.Anomaly) any { return a.TurnID }},
	{"message", func(a data.Anomaly) any { return a.Message }},
	{"detail", func(a data.Anomaly) any { return a.Detail }},
}

// statsColumns flatten GET /v1/stats rows for CSV and NDJSON.
var statsColumns = concat(columns[data.StatsRow]{
	{"key", func(r data.StatsRow) any { return r.Key }},
	{"bucket", func(r data.StatsRow) any {
		if r.Bucket.IsZero() {
			return nil
		}
		return r.Bucket
	}},
	{"turns", func(r data.StatsRow) any { return r.Turns }},
	{"sessions", func(r data.StatsRow) any { return r.Sessions }},
}, usageColumns(func(r data.StatsRow) data.Usage { return r.Usage }), columns[data.StatsRow]{
	{"cost_usd", func(r data.StatsRow) any { return usd(r.CostMicros) }},
	{"cost_micros", func(r data.StatsRow) any { return r.CostMicros }},
	{"unpriced_turns", func(r data.StatsRow) any { return r.UnpricedTurns }},
	{"incomplete_turns", func(r data.StatsRow) any { return r.IncompleteTurns }},
	{"error_turns", func(r data.StatsRow) any { return r.ErrorTurns }},
})

// fieldsOf lists the selectable fields of each list resource, in default column order.
var fieldsOf = map[string][]string{
	Sessions:  sessionColumns.names(),
	Turns:     turnColumns.names(),
	ToolCalls: toolCallColumns.names(),
	Anomalies: anomalyColumns.names(),
}

// orderOf is the one order each list comes in: newest first by this column, so that keyset
// cursors stay stable while data is appended.
var orderOf = map[string]string{Sessions: "started_at", Turns: "started_at", ToolCalls: "created_at", Anomalies: "created_at"}

func concat[T any](parts ...columns[T]) columns[T] {
	var out columns[T]
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
