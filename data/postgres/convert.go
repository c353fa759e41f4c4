package postgres

import (
	"encoding/json"
	"time"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/internal/pgdb"
)

// Rows become domain values here and nowhere else.

func utc(t time.Time) time.Time { return t.UTC() }

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// optional turns a zero filter value into NULL, which the queries read as "do not filter".
func optional(s string) pgtype.Text { return pgtype.Text{String: s, Valid: s != ""} }

func optionalTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func sessionFromRow(r pgdb.Session) data.Session {
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
		StartedAt:       utc(r.StartedAt),
		LastActivityAt:  utc(r.LastActivityAt),
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

func turnFromRow(r pgdb.Turn) data.Turn {
	t := data.Turn{
		ID:               r.ID,
		SessionID:        r.SessionID,
		Seq:              r.Seq,
		StartedAt:        utc(r.StartedAt),
		FirstByteAt:      utcPtr(r.FirstByteAt),
		EndedAt:          utcPtr(r.EndedAt),
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
		Complete:             r.Complete,
		Parsed:               r.Parsed,
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

func toolCallFromRow(r pgdb.ListToolCallsRow) data.ToolCall {
	c := data.ToolCall{
		ID:           r.ID,
		TurnID:       r.TurnID,
		SessionID:    r.SessionID,
		Index:        int(r.Idx),
		ToolUseID:    r.ToolUseID,
		Name:         r.Name,
		Arguments:    r.Arguments,
		CreatedAt:    utc(r.CreatedAt),
		ResultSeen:   r.ResultSeen,
		ResultError:  r.ResultIsError,
		ResultTurnID: r.ResultTurnID,
	}
	if r.ArgumentsRaw.Valid {
		raw := r.ArgumentsRaw.String
		c.ArgumentsRaw = &raw
	}
	return c
}

func anomalyFromRow(r pgdb.AnomalyEvent) data.Anomaly {
	return data.Anomaly{
		ID:        r.ID,
		CreatedAt: utc(r.CreatedAt),
		Kind:      r.Kind,
		Severity:  r.Severity,
		SessionID: r.SessionID.String,
		TurnID:    r.TurnID.String,
		Message:   r.Message,
		Detail:    r.Detail,
	}
}

func accessFromRow(r pgdb.AccessAuditLog) data.AccessEntry {
	var ids []string
	_ = json.Unmarshal([]byte(r.ResourceIds), &ids) // written by AppendAccess as a JSON array
	if ids == nil {
		ids = []string{}
	}
	return data.AccessEntry{
		ID:          r.ID,
		At:          utc(r.At),
		KeyID:       r.KeyID,
		Principal:   r.Principal,
		Surface:     r.Surface,
		Operation:   r.Operation,
		ResourceIDs: ids,
		ClientAddr:  r.ClientAddr,
		Outcome:     r.Outcome,
		Unmasked:    r.Unmasked,
		Detail:      r.Detail,
	}
}
