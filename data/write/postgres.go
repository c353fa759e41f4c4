package write

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/recondo/recondo/data/internal/pgdb"
	"github.com/recondo/recondo/data/postgres"
)

// PostgresWriter writes captures to PostgreSQL. Several gateways may write the same database:
// the session row lock taken by the upsert orders their turns.
type PostgresWriter struct {
	pool *pgxpool.Pool
	q    *pgdb.Queries
}

// OpenPostgres connects to (and migrates) the database at dsn for writing.
func OpenPostgres(ctx context.Context, dsn string) (*PostgresWriter, error) {
	pool, err := postgres.OpenPool(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return &PostgresWriter{pool: pool, q: pgdb.New(pool)}, nil
}

func (w *PostgresWriter) Close() error { w.pool.Close(); return nil }

func (w *PostgresWriter) HasTurn(ctx context.Context, id string) (bool, error) {
	found, err := w.q.TurnExists(ctx, id)
	if err != nil {
		return false, fmt.Errorf("postgres: turn exists %s: %w", id, err)
	}
	return found, nil
}

func (w *PostgresWriter) Write(ctx context.Context, exchanges ...Exchange) (int, error) {
	inserted := 0
	err := pgx.BeginFunc(ctx, w.pool, func(tx pgx.Tx) error {
		q := w.q.WithTx(tx)
		for i := range exchanges {
			ok, err := writePostgres(ctx, q, &exchanges[i])
			if err != nil {
				return fmt.Errorf("write turn %s: %w", exchanges[i].Turn.ID, err)
			}
			if ok {
				inserted++
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("postgres: %w", err)
	}
	return inserted, nil
}

func pgText(s string) pgtype.Text { return pgtype.Text{String: s, Valid: s != ""} }

func writePostgres(ctx context.Context, q *pgdb.Queries, x *Exchange) (bool, error) {
	x.prepare()
	t, s := &x.Turn, &x.Session
	found, err := q.TurnExists(ctx, t.ID)
	if err != nil || found {
		return false, err
	}
	cost, unpriced := costParts(*t)
	seq, err := q.UpsertSession(ctx, pgdb.UpsertSessionParams{
		ID: s.ID, ExternalID: pgText(s.ExternalID), ParentSessionID: pgText(s.ParentSessionID),
		Provider: s.Provider, Model: s.Model, Client: s.Client, ClientVersion: s.ClientVersion,
		Developer: s.Developer, Team: s.Team, Repo: s.Repo, Branch: s.Branch, Intent: s.Intent,
		StartedAt: t.StartedAt, LastActivityAt: lastActivity(*t),
		InputTokens: t.Usage.InputTokens, CacheReadTokens: t.Usage.CacheReadTokens,
		CacheWrite5mTokens: t.Usage.CacheWrite5mTokens, CacheWrite1hTokens: t.Usage.CacheWrite1hTokens,
		OutputTokens: t.Usage.OutputTokens, ReasoningTokens: t.Usage.ReasoningTokens,
		CostMicros: cost, UnpricedTurns: unpriced,
	})
	if err != nil {
		return false, fmt.Errorf("upsert session %s: %w", s.ID, err)
	}
	var costCol pgtype.Int8
	if t.CostMicros != nil {
		costCol = pgtype.Int8{Int64: *t.CostMicros, Valid: true}
	}
	if err := q.InsertTurn(ctx, pgdb.InsertTurnParams{
		ID: t.ID, SessionID: s.ID, Seq: seq, StartedAt: t.StartedAt, FirstByteAt: t.FirstByteAt,
		EndedAt: t.EndedAt, Host: t.Host, Method: t.Method, Path: t.Path, Status: int32(t.Status),
		Transport: t.Transport, Provider: t.Provider, Api: t.API, RequestModel: t.RequestModel, Model: t.Model,
		ResponseID: t.ResponseID, RequestID: t.RequestID, RequestSha256: t.RequestSHA256, RequestSize: t.RequestSize,
		ResponseSha256: t.ResponseSHA256, ResponseSize: t.ResponseSize, RequestEncoding: t.RequestEncoding,
		ResponseEncoding: t.ResponseEncoding, InputTokens: t.Usage.InputTokens, CacheReadTokens: t.Usage.CacheReadTokens,
		CacheWrite5mTokens: t.Usage.CacheWrite5mTokens, CacheWrite1hTokens: t.Usage.CacheWrite1hTokens,
		OutputTokens: t.Usage.OutputTokens, ReasoningTokens: t.Usage.ReasoningTokens, UsageNative: t.UsageNative,
		CostMicros: costCol, StopReason: t.StopReason, StopReasonNormalized: t.StopReasonNormalized,
		Complete: t.Complete, Parsed: t.Parsed, Error: t.Error, Developer: t.Developer, Team: t.Team,
		Repo: t.Repo, Client: t.Client, ClientVersion: t.ClientVersion,
	}); err != nil {
		return false, fmt.Errorf("insert turn: %w", err)
	}
	for _, c := range x.ToolCalls {
		var raw pgtype.Text
		if c.ArgumentsRaw != nil {
			raw = pgtype.Text{String: *c.ArgumentsRaw, Valid: true}
		}
		if err := q.InsertToolCall(ctx, pgdb.InsertToolCallParams{
			ID: c.ID, TurnID: t.ID, SessionID: s.ID, Idx: int32(c.Index), ToolUseID: c.ToolUseID,
			Name: c.Name, Arguments: c.Arguments, ArgumentsRaw: raw, CreatedAt: t.StartedAt,
		}); err != nil {
			return false, fmt.Errorf("insert tool call %d: %w", c.Index, err)
		}
	}
	for i, a := range x.Artifacts {
		c, ok := toolCallAt(x.ToolCalls, a.ToolCallIndex)
		if !ok {
			continue
		}
		if err := q.InsertArtifact(ctx, pgdb.InsertArtifactParams{
			ID: artifactID(c.ID, i), SessionID: s.ID, TurnID: t.ID, ToolCallID: c.ID, Action: a.Action,
			Path: a.Path, Command: a.Command, CreatedAt: t.StartedAt,
		}); err != nil {
			return false, fmt.Errorf("insert artifact %s %s: %w", a.Action, a.Path, err)
		}
	}
	for _, r := range x.ToolResults {
		if err := q.InsertToolResult(ctx, pgdb.InsertToolResultParams{
			ID: r.ID, SessionID: s.ID, ToolUseID: r.ToolUseID, ResultTurnID: t.ID, IsError: r.IsError, SeenAt: t.StartedAt,
		}); err != nil {
			return false, fmt.Errorf("insert tool result %s: %w", r.ToolUseID, err)
		}
	}
	for _, tx := range x.Texts {
		if err := q.InsertTurnText(ctx, pgdb.InsertTurnTextParams{
			TurnID: t.ID, SessionID: s.ID, StartedAt: t.StartedAt, Role: tx.Role, Body: tx.Body,
		}); err != nil {
			return false, fmt.Errorf("insert turn text: %w", err)
		}
	}
	for _, a := range x.Anomalies {
		if err := q.InsertAnomaly(ctx, pgdb.InsertAnomalyParams{
			ID: a.ID, CreatedAt: a.CreatedAt, Kind: a.Kind, Severity: a.Severity,
			SessionID: pgText(a.SessionID), TurnID: pgText(a.TurnID), Message: a.Message, Detail: a.Detail,
		}); err != nil {
			return false, fmt.Errorf("insert anomaly %s: %w", a.Kind, err)
		}
	}
	return true, nil
}

var _ Writer = (*PostgresWriter)(nil)
