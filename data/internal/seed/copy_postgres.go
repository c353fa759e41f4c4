package seed

import (
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/recondo/recondo/data/internal/pgdb"
)

// rows is one batch split by table, ready for COPY. Children take their session, turn and time
// from the turn, exactly as the writer fills them.
type rows struct {
	sessions  []pgdb.CopySessionsParams
	turns     []pgdb.CopyTurnsParams
	calls     []pgdb.CopyToolCallsParams
	results   []pgdb.CopyToolResultsParams
	texts     []pgdb.CopyTurnTextsParams
	anomalies []pgdb.CopyAnomaliesParams
}

func pgText(s string) pgtype.Text { return pgtype.Text{String: s, Valid: s != ""} }

func (r *rows) add(it *Item) {
	s, t := &it.Session, &it.Turn
	if it.First {
		r.sessions = append(r.sessions, pgdb.CopySessionsParams{
			ID: s.ID, ExternalID: pgText(s.ExternalID), ParentSessionID: pgText(s.ParentSessionID),
			Provider: s.Provider, Model: s.Model, Client: s.Client, ClientVersion: s.ClientVersion,
			Developer: s.Developer, Team: s.Team, Repo: s.Repo, Branch: s.Branch, Intent: s.Intent,
			StartedAt: s.StartedAt, LastActivityAt: s.LastActivityAt, TurnCount: s.TurnCount,
			InputTokens: s.Usage.InputTokens, CacheReadTokens: s.Usage.CacheReadTokens,
			CacheWrite5mTokens: s.Usage.CacheWrite5mTokens, CacheWrite1hTokens: s.Usage.CacheWrite1hTokens,
			OutputTokens: s.Usage.OutputTokens, ReasoningTokens: s.Usage.ReasoningTokens,
			CostMicros: s.CostMicros, UnpricedTurns: s.UnpricedTurns,
		})
	}
	var cost pgtype.Int8
	if t.CostMicros != nil {
		cost = pgtype.Int8{Int64: *t.CostMicros, Valid: true}
	}
	r.turns = append(r.turns, pgdb.CopyTurnsParams{
		ID: t.ID, SessionID: s.ID, Seq: t.Seq, StartedAt: t.StartedAt, FirstByteAt: t.FirstByteAt,
		EndedAt: t.EndedAt, Host: t.Host, Method: t.Method, Path: t.Path, Status: int32(t.Status),
		Transport: t.Transport, Provider: t.Provider, Api: t.API, RequestModel: t.RequestModel, Model: t.Model,
		ResponseID: t.ResponseID, RequestID: t.RequestID, RequestSha256: t.RequestSHA256, RequestSize: t.RequestSize,
		ResponseSha256: t.ResponseSHA256, ResponseSize: t.ResponseSize, RequestEncoding: t.RequestEncoding,
		ResponseEncoding: t.ResponseEncoding, InputTokens: t.Usage.InputTokens, CacheReadTokens: t.Usage.CacheReadTokens,
		CacheWrite5mTokens: t.Usage.CacheWrite5mTokens, CacheWrite1hTokens: t.Usage.CacheWrite1hTokens,
		OutputTokens: t.Usage.OutputTokens, ReasoningTokens: t.Usage.ReasoningTokens, UsageNative: t.UsageNative,
		CostMicros: cost, StopReason: t.StopReason, StopReasonNormalized: t.StopReasonNormalized,
		Complete: t.Complete, Parsed: t.Parsed, Error: t.Error, Developer: t.Developer, Team: t.Team,
		Repo: t.Repo, Client: t.Client, ClientVersion: t.ClientVersion,
	})
	for _, c := range it.ToolCalls {
		var raw pgtype.Text
		if c.ArgumentsRaw != nil {
			raw = pgtype.Text{String: *c.ArgumentsRaw, Valid: true}
		}
		r.calls = append(r.calls, pgdb.CopyToolCallsParams{
			ID: c.ID, TurnID: t.ID, SessionID: s.ID, Idx: int32(c.Index), ToolUseID: c.ToolUseID,
			Name: c.Name, Arguments: c.Arguments, ArgumentsRaw: raw, CreatedAt: t.StartedAt,
		})
	}
	for _, x := range it.ToolResults {
		r.results = append(r.results, pgdb.CopyToolResultsParams{
			ID: x.ID, SessionID: s.ID, ToolUseID: x.ToolUseID, ResultTurnID: t.ID, IsError: x.IsError, SeenAt: t.StartedAt,
		})
	}
	for _, x := range it.Texts {
		r.texts = append(r.texts, pgdb.CopyTurnTextsParams{TurnID: t.ID, SessionID: s.ID, StartedAt: t.StartedAt, Role: x.Role, Body: x.Body})
	}
	for _, a := range it.Anomalies {
		r.anomalies = append(r.anomalies, pgdb.CopyAnomaliesParams{
			ID: a.ID, CreatedAt: a.CreatedAt, Kind: a.Kind, Severity: a.Severity,
			SessionID: pgText(a.SessionID), TurnID: pgText(a.TurnID), Message: a.Message, Detail: a.Detail,
		})
	}
}
