package sqlite

import (
	"database/sql"
	"encoding/json"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/internal/sqlitedb"
)

// Rows become domain values here and nowhere else.

func toTime(us int64) time.Time { return time.UnixMicro(us).UTC() }

func toTimePtr(v sql.NullInt64) *time.Time {
	if !v.Valid {
		return nil
	}
	t := toTime(v.Int64)
	return &t
}

func micros(t time.Time) int64 { return t.UnixMicro() }

// optional turns a zero filter value into NULL, which the queries read as "do not filter".
func optional(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func optionalTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMicro()
}

func sessionFromRow(r sqlitedb.Session) data.Session {
	return data.Session{
		ID:              r.ID,
		ExternalID:      r.ExternalID.String,
		ParentSessionID: r.ParentSessionID.String,
		Provider:        r.Provider,
		Model:           r.Model,
		Client:          r.Client,
		ClientVersion:   r.ClientVersion,
		Developer:       r.Developer,
		Team:            r.Team,
		Repo:            r.Repo,
		Branch:          r.Branch,
		Intent:          r.Intent,
		StartedAt:       toTime(r.StartedAt),
		LastActivityAt:  toTime(r.LastActivityAt),
		TurnCount:       r.TurnCount,
		Usage: data.Usage{
			InputTokens:        r.InputTokens,
			CacheReadTokens:    r.CacheReadTokens,
			CacheWrite5mTokens: r.CacheWrite5mTokens,
			CacheWrite1hTokens: r.CacheWrite1hTokens,
			OutputTokens:       r.OutputTokens,
			ReasoningTokens:    r.ReasoningTokens,
		},
		CostMicros:    r.CostMicros,
		UnpricedTurns: r.UnpricedTurns,
	}
}

func turnFromRow(r sqlitedb.Turn) data.Turn {
	t := data.Turn{
		ID:               r.ID,
		SessionID:        r.SessionID,
		Seq:              r.Seq,
		StartedAt:        toTime(r.StartedAt),
		FirstByteAt:      toTimePtr(r.FirstByteAt),
		EndedAt:          toTimePtr(r.EndedAt),
		Host:             r.Host,
		Method:           r.Method,
		Path:             r.Path,
		Status:           int(r.Status),
		Transport:        r.Transport,
		Provider:         r.Provider,
		API:              r.Api,
		RequestModel:     r.RequestModel,
		Model:            r.Model,
		ResponseID:       r.ResponseID,
		RequestID:        r.RequestID,
		RequestSHA256:    r.RequestSha256,
		RequestSize:      r.RequestSize,
		ResponseSHA256:   r.ResponseSha256,
		ResponseSize:     r.ResponseSize,
		RequestEncoding:  r.RequestEncoding,
		ResponseEncoding: r.ResponseEncoding,
		Usage: data.Usage{
			InputTokens:        r.InputTokens,
			CacheReadTokens:    r.CacheReadTokens,
			CacheWrite5mTokens: r.CacheWrite5mTokens,
			CacheWrite1hTokens: r.CacheWrite1hTokens,
			OutputTokens:       r.OutputTokens,
			ReasoningTokens:    r.ReasoningTokens,
		},
		UsageNative:          r.UsageNative,
		StopReason:           r.StopReason,
		StopReasonNormalized: r.StopReasonNormalized,
		Complete:             r.Complete != 0,
		Parsed:               r.Parsed != 0,
		Error:                r.Error,
		Developer:            r.Developer,
		Team:                 r.Team,
		Repo:                 r.Repo,
		Client:               r.Client,
		ClientVersion:        r.ClientVersion,
	}
	if r.CostMicros.Valid {
		c := r.CostMicros.Int64
		t.CostMicros, t.CostSource = &c, data.CostCaptured
	}
	return t
}

func toolCallFromRow(r sqlitedb.ListToolCallsRow) data.ToolCall {
	c := data.ToolCall{
		ID:           r.ID,
		TurnID:       r.TurnID,
		SessionID:    r.SessionID,
		Index:        int(r.Idx),
		ToolUseID:    r.ToolUseID,
		Name:         r.Name,
		Arguments:    r.Arguments,
		CreatedAt:    toTime(r.CreatedAt),
		ResultSeen:   r.ResultSeen != 0,
		ResultError:  r.ResultIsError != 0,
		ResultTurnID: r.ResultTurnID,
	}
	if r.ArgumentsRaw.Valid {
		raw := r.ArgumentsRaw.String
		c.ArgumentsRaw = &raw
	}
	return c
}

func anomalyFromRow(r sqlitedb.AnomalyEvent) data.Anomaly {
	return data.Anomaly{
		ID:        r.ID,
		CreatedAt: toTime(r.CreatedAt),
		Kind:      r.Kind,
		Severity:  r.Severity,
		SessionID: r.SessionID.String,
		TurnID:    r.TurnID.String,
		Message:   r.Message,
		Detail:    r.Detail,
	}
}

func accessFromRow(r sqlitedb.AccessAuditLog) data.AccessEntry {
	var ids []string
	_ = json.Unmarshal([]byte(r.ResourceIds), &ids) // written by AppendAccess as a JSON array
	if ids == nil {
		ids = []string{}
	}
	return data.AccessEntry{
		ID:          r.ID,
		At:          toTime(r.At),
		KeyID:       r.KeyID,
		Principal:   r.Principal,
		Surface:     r.Surface,
		Operation:   r.Operation,
		ResourceIDs: ids,
		ClientAddr:  r.ClientAddr,
		Outcome:     r.Outcome,
		Unmasked:    r.Unmasked != 0,
		Detail:      r.Detail,
	}
}
