package write

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/recondo/recondo/data/internal/sqlitedb"
	"github.com/recondo/recondo/data/sqlite"
)

// SQLiteWriter writes captures to the embedded SQLite database.
type SQLiteWriter struct {
	db *sql.DB
	q  *sqlitedb.Queries
}

// OpenSQLite opens (creating and migrating) the database file at path for writing. SQLite takes
// one write at a time, so the writer keeps a single connection and never queues behind itself.
func OpenSQLite(ctx context.Context, path string) (*SQLiteWriter, error) {
	db, err := sqlite.OpenDB(ctx, path)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return &SQLiteWriter{db: db, q: sqlitedb.New(db)}, nil
}

func (w *SQLiteWriter) Close() error { return w.db.Close() }

func (w *SQLiteWriter) HasTurn(ctx context.Context, id string) (bool, error) {
	found, err := w.q.TurnExists(ctx, id)
	if err != nil {
		return false, fmt.Errorf("sqlite: turn exists %s: %w", id, err)
	}
	return found, nil
}

func (w *SQLiteWriter) Write(ctx context.Context, exchanges ...Exchange) (int, error) {
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("sqlite: begin capture write: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit this is a no-op
	q := w.q.WithTx(tx)
	inserted := 0
	for i := range exchanges {
		ok, err := writeSQLite(ctx, q, &exchanges[i])
		if err != nil {
			return 0, fmt.Errorf("sqlite: write turn %s: %w", exchanges[i].Turn.ID, err)
		}
		if ok {
			inserted++
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("sqlite: commit capture write: %w", err)
	}
	return inserted, nil
}

func us(t time.Time) int64 { return t.UnixMicro() }

func nullUs(t *time.Time) sql.NullInt64 {
	if t == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixMicro(), Valid: true}
}

func nullStr(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func writeSQLite(ctx context.Context, q *sqlitedb.Queries, x *Exchange) (bool, error) {
	x.prepare()
	t, s := &x.Turn, &x.Session
	found, err := q.TurnExists(ctx, t.ID)
	if err != nil {
		return false, err
	}
	if found {
		return false, nil
	}
	cost, unpriced := costParts(*t)
	seq, err := q.UpsertSession(ctx, sqlitedb.UpsertSessionParams{
		ID: s.ID, ExternalID: nullStr(s.ExternalID), ParentSessionID: nullStr(s.ParentSessionID),
		Provider: s.Provider, Model: s.Model, Client: s.Client, ClientVersion: s.ClientVersion,
		Developer: s.Developer, Team: s.Team, Repo: s.Repo, Branch: s.Branch, Intent: s.Intent,
		StartedAt: us(t.StartedAt), LastActivityAt: us(lastActivity(*t)),
		InputTokens: t.Usage.InputTokens, CacheReadTokens: t.Usage.CacheReadTokens,
		CacheWrite5mTokens: t.Usage.CacheWrite5mTokens, CacheWrite1hTokens: t.Usage.CacheWrite1hTokens,
		OutputTokens: t.Usage.OutputTokens, ReasoningTokens: t.Usage.ReasoningTokens,
		CostMicros: cost, UnpricedTurns: unpriced,
	})
	if err != nil {
		return false, fmt.Errorf("upsert session %s: %w", s.ID, err)
	}
	var costCol sql.NullInt64
	if t.CostMicros != nil {
		costCol = sql.NullInt64{Int64: *t.CostMicros, Valid: true}
	}
	if err := q.InsertTurn(ctx, sqlitedb.InsertTurnParams{
		ID: t.ID, SessionID: s.ID, Seq: seq, StartedAt: us(t.StartedAt), FirstByteAt: nullUs(t.FirstByteAt),
		EndedAt: nullUs(t.EndedAt), Host: t.Host, Method: t.Method, Path: t.Path, Status: int64(t.Status),
		Transport: t.Transport, Provider: t.Provider, Api: t.API, RequestModel: t.RequestModel, Model: t.Model,
		ResponseID: t.ResponseID, RequestID: t.RequestID, RequestSha256: t.RequestSHA256, RequestSize: t.RequestSize,
		ResponseSha256: t.ResponseSHA256, ResponseSize: t.ResponseSize, RequestEncoding: t.RequestEncoding,
		ResponseEncoding: t.ResponseEncoding, InputTokens: t.Usage.InputTokens, CacheReadTokens: t.Usage.CacheReadTokens,
		CacheWrite5mTokens: t.Usage.CacheWrite5mTokens, CacheWrite1hTokens: t.Usage.CacheWrite1hTokens,
		OutputTokens: t.Usage.OutputTokens, ReasoningTokens: t.Usage.ReasoningTokens, UsageNative: t.UsageNative,
		CostMicros: costCol, StopReason: t.StopReason, StopReasonNormalized: t.StopReasonNormalized,
		Complete: b2i(t.Complete), Parsed: b2i(t.Parsed), Error: t.Error, Developer: t.Developer, Team: t.Team,
		Repo: t.Repo, Client: t.Client, ClientVersion: t.ClientVersion,
	}); err != nil {
		return false, fmt.Errorf("insert turn: %w", err)
	}
	for _, c := range x.ToolCalls {
		var raw sql.NullString
		if c.ArgumentsRaw != nil {
			raw = sql.NullString{String: *c.ArgumentsRaw, Valid: true}
		}
		if err := q.InsertToolCall(ctx, sqlitedb.InsertToolCallParams{
			ID: c.ID, TurnID: t.ID, SessionID: s.ID, Idx: int64(c.Index), ToolUseID: c.ToolUseID,
			Name: c.Name, Arguments: c.Arguments, ArgumentsRaw: raw, CreatedAt: us(t.StartedAt),
		}); err != nil {
			return false, fmt.Errorf("insert tool call %d: %w", c.Index, err)
		}
	}
	for i, a := range x.Artifacts {
		c, ok := toolCallAt(x.ToolCalls, a.ToolCallIndex)
		if !ok {
			continue
		}
		if err := q.InsertArtifact(ctx, sqlitedb.InsertArtifactParams{
			ID: artifactID(c.ID, i), SessionID: s.ID, TurnID: t.ID, ToolCallID: c.ID, Action: a.Action,
			Path: a.Path, Command: a.Command, CreatedAt: us(t.StartedAt),
		}); err != nil {
			return false, fmt.Errorf("insert artifact %s %s: %w", a.Action, a.Path, err)
		}
	}
	for _, r := range x.ToolResults {
		if err := q.InsertToolResult(ctx, sqlitedb.InsertToolResultParams{
			ID: r.ID, SessionID: s.ID, ToolUseID: r.ToolUseID, ResultTurnID: t.ID,
			IsError: b2i(r.IsError), SeenAt: us(t.StartedAt),
		}); err != nil {
			return false, fmt.Errorf("insert tool result %s: %w", r.ToolUseID, err)
		}
	}
	for _, tx := range x.Texts {
		if err := q.InsertTurnText(ctx, sqlitedb.InsertTurnTextParams{
			TurnID: t.ID, SessionID: s.ID, StartedAt: us(t.StartedAt), Role: tx.Role, Body: tx.Body,
		}); err != nil {
			return false, fmt.Errorf("insert turn text: %w", err)
		}
	}
	for _, a := range x.Anomalies {
		if err := q.InsertAnomaly(ctx, sqlitedb.InsertAnomalyParams{
			ID: a.ID, CreatedAt: us(a.CreatedAt), Kind: a.Kind, Severity: a.Severity,
			SessionID: nullStr(a.SessionID), TurnID: nullStr(a.TurnID), Message: a.Message, Detail: a.Detail,
		}); err != nil {
			return false, fmt.Errorf("insert anomaly %s: %w", a.Kind, err)
		}
	}
	return true, nil
}

var _ Writer = (*SQLiteWriter)(nil)
