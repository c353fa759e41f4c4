package seed

import (
	"context"
	"database/sql"
	"time"

	"github.com/recondo/recondo/data/internal/sqlitedb"
)

// insertSQLite writes one item with the capture inserts, filling the children's session, turn
// and time from the turn exactly as the writer does.
func insertSQLite(ctx context.Context, q *sqlitedb.Queries, it *Item) error {
	s, t := &it.Session, &it.Turn
	if it.First {
		if err := q.InsertSeedSession(ctx, sqlitedb.InsertSeedSessionParams{
			ID: s.ID, ExternalID: nullStr(s.ExternalID), ParentSessionID: nullStr(s.ParentSessionID),
			Provider: s.Provider, Model: s.Model, Client: s.Client, ClientVersion: s.ClientVersion,
			Developer: s.Developer, Team: s.Team, Repo: s.Repo, Branch: s.Branch, Intent: s.Intent,
			StartedAt: s.StartedAt.UnixMicro(), LastActivityAt: s.LastActivityAt.UnixMicro(), TurnCount: s.TurnCount,
			InputTokens: s.Usage.InputTokens, CacheReadTokens: s.Usage.CacheReadTokens,
			CacheWrite5mTokens: s.Usage.CacheWrite5mTokens, CacheWrite1hTokens: s.Usage.CacheWrite1hTokens,
			OutputTokens: s.Usage.OutputTokens, ReasoningTokens: s.Usage.ReasoningTokens,
			CostMicros: s.CostMicros, UnpricedTurns: s.UnpricedTurns,
		}); err != nil {
			return err
		}
	}
	var cost sql.NullInt64
	if t.CostMicros != nil {
		cost = sql.NullInt64{Int64: *t.CostMicros, Valid: true}
	}
	start := t.StartedAt.UnixMicro()
	if err := q.InsertTurn(ctx, sqlitedb.InsertTurnParams{
		ID: t.ID, SessionID: s.ID, Seq: t.Seq, StartedAt: start, FirstByteAt: nullMicros(t.FirstByteAt),
		EndedAt: nullMicros(t.EndedAt), Host: t.Host, Method: t.Method, Path: t.Path, Status: int64(t.Status),
		Transport: t.Transport, Provider: t.Provider, Api: t.API, RequestModel: t.RequestModel, Model: t.Model,
		ResponseID: t.ResponseID, RequestID: t.RequestID, RequestSha256: t.RequestSHA256, RequestSize: t.RequestSize,
		ResponseSha256: t.ResponseSHA256, ResponseSize: t.ResponseSize, RequestEncoding: t.RequestEncoding,
		ResponseEncoding: t.ResponseEncoding, InputTokens: t.Usage.InputTokens, CacheReadTokens: t.Usage.CacheReadTokens,
		CacheWrite5mTokens: t.Usage.CacheWrite5mTokens, CacheWrite1hTokens: t.Usage.CacheWrite1hTokens,
		OutputTokens: t.Usage.OutputTokens, ReasoningTokens: t.Usage.ReasoningTokens, UsageNative: t.UsageNative,
		CostMicros: cost, StopReason: t.StopReason, StopReasonNormalized: t.StopReasonNormalized,
		Complete: b2i(t.Complete), Parsed: b2i(t.Parsed), Error: t.Error, Developer: t.Developer, Team: t.Team,
		Repo: t.Repo, Client: t.Client, ClientVersion: t.ClientVersion,
	}); err != nil {
		return err
	}
	for _, c := range it.ToolCalls {
		var raw sql.NullString
		if c.ArgumentsRaw != nil {
			raw = sql.NullString{String: *c.ArgumentsRaw, Valid: true}
		}
		if err := q.InsertToolCall(ctx, sqlitedb.InsertToolCallParams{
			ID: c.ID, TurnID: t.ID, SessionID: s.ID, Idx: int64(c.Index), ToolUseID: c.ToolUseID,
			Name: c.Name, Arguments: c.Arguments, ArgumentsRaw: raw, CreatedAt: start,
		}); err != nil {
			return err
		}
	}
	for _, r := range it.ToolResults {
		if err := q.InsertToolResult(ctx, sqlitedb.InsertToolResultParams{
			ID: r.ID, SessionID: s.ID, ToolUseID: r.ToolUseID, ResultTurnID: t.ID, IsError: b2i(r.IsError), SeenAt: start,
		}); err != nil {
			return err
		}
	}
	for _, x := range it.Texts {
		if err := q.InsertTurnText(ctx, sqlitedb.InsertTurnTextParams{
			TurnID: t.ID, SessionID: s.ID, StartedAt: start, Role: x.Role, Body: x.Body,
		}); err != nil {
			return err
		}
	}
	for _, a := range it.Anomalies {
		if err := q.InsertAnomaly(ctx, sqlitedb.InsertAnomalyParams{
			ID: a.ID, CreatedAt: a.CreatedAt.UnixMicro(), Kind: a.Kind, Severity: a.Severity,
			SessionID: nullStr(a.SessionID), TurnID: nullStr(a.TurnID), Message: a.Message, Detail: a.Detail,
		}); err != nil {
			return err
		}
	}
	return nil
}

func nullStr(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

func nullMicros(t *time.Time) sql.NullInt64 {
	if t == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixMicro(), Valid: true}
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
