package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/internal/pgdb"
)

// Store implements data.Store on PostgreSQL.
type Store struct {
	db *pgxpool.Pool
	q  *pgdb.Queries
}

var _ data.Store = (*Store)(nil)

// Open connects to and migrates the database at dsn for reading.
func Open(ctx context.Context, dsn string) (*Store, error) {
	db, err := OpenPool(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return New(db), nil
}

// New wraps an open pool.
func New(db *pgxpool.Pool) *Store { return &Store{db: db, q: pgdb.New(db)} }

// Pool returns the underlying pool, for tests.
func (s *Store) Pool() *pgxpool.Pool { return s.db }

// Close closes the database.
func (s *Store) Close() error { s.db.Close(); return nil }

// interpretError maps driver errors to the domain's codes; what is not a known case stays
// internal, its details for logs only.
func interpretError(err error, what string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, pgx.ErrNoRows):
		return &data.Error{Code: data.ENOTFOUND, Message: what + " not found", Err: err}
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	}
	return fmt.Errorf("postgres: %s: %w", what, err)
}

// ftsQuery ANDs the words for to_tsquery. Words are letters and digits only (data.SearchWords),
// so none can carry tsquery operators.
func ftsQuery(words []string) string { return strings.Join(words, " & ") }

func (s *Store) ListSessions(ctx context.Context, f data.SessionFilter) (data.SessionPage, error) {
	var afterAt *time.Time
	var afterID pgtype.Text
	if f.Cursor != "" {
		at, id, err := data.DecodeCursor(f.Cursor)
		if err != nil {
			return data.SessionPage{}, err
		}
		afterAt, afterID = &at, pgtype.Text{String: id, Valid: true}
	}
	var rows []pgdb.Session
	var err error
	if f.Text != "" {
		words, werr := data.SearchWords(f.Text)
		if werr != nil {
			return data.SessionPage{}, werr
		}
		rows, err = s.q.ListSessionsMatching(ctx, pgdb.ListSessionsMatchingParams{
			Fts: ftsQuery(words), RawText: pgtype.Text{String: f.Text, Valid: true},
			FromAt: optionalTime(f.From), ToAt: optionalTime(f.To), Provider: optional(f.Provider),
			Model: optional(f.Model), Developer: optional(f.Developer), Team: optional(f.Team),
			Repo: optional(f.Repo), AfterAt: afterAt, AfterID: afterID, Lim: int32(f.Limit + 1),
		})
	} else {
		rows, err = s.q.ListSessions(ctx, pgdb.ListSessionsParams{
			FromAt: optionalTime(f.From), ToAt: optionalTime(f.To), Provider: optional(f.Provider),
			Model: optional(f.Model), Developer: optional(f.Developer), Team: optional(f.Team),
			Repo: optional(f.Repo), AfterAt: afterAt, AfterID: afterID, Lim: int32(f.Limit + 1),
		})
	}
	if err != nil {
		return data.SessionPage{}, interpretError(err, "list sessions")
	}
	var page data.SessionPage
	page.Sessions, page.NextCursor = data.Paginate(rows, f.Limit, sessionFromRow)
	return page, nil
}

func (s *Store) GetSession(ctx context.Context, id string) (data.Session, error) {
	r, err := s.q.GetSession(ctx, id)
	if err != nil {
		return data.Session{}, interpretError(err, "session "+id)
	}
	return sessionFromRow(r), nil
}

func (s *Store) GetSessions(ctx context.Context, ids []string) ([]data.Session, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := s.q.GetSessions(ctx, ids)
	if err != nil {
		return nil, interpretError(err, "get sessions")
	}
	out := make([]data.Session, len(rows))
	for i, r := range rows {
		out[i] = sessionFromRow(r)
	}
	return out, nil
}

func (s *Store) ListTurns(ctx context.Context, f data.TurnFilter) ([]data.Turn, error) {
	rows, err := s.q.ListTurns(ctx, pgdb.ListTurnsParams{SessionID: f.SessionID, AfterSeq: f.AfterSeq, Lim: int32(f.Limit)})
	if err != nil {
		return nil, interpretError(err, "list turns")
	}
	return turnsFromRows(rows), nil
}

func (s *Store) ListTurnsOfSessions(ctx context.Context, ids []string) ([]data.Turn, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := s.q.ListTurnsOfSessions(ctx, ids)
	if err != nil {
		return nil, interpretError(err, "list turns of sessions")
	}
	return turnsFromRows(rows), nil
}

func turnsFromRows(rows []pgdb.Turn) []data.Turn {
	out := make([]data.Turn, len(rows))
	for i, r := range rows {
		out[i] = turnFromRow(r)
	}
	return out
}

func (s *Store) GetTurn(ctx context.Context, id string) (data.Turn, error) {
	r, err := s.q.GetTurn(ctx, id)
	if err != nil {
		return data.Turn{}, interpretError(err, "turn "+id)
	}
	return turnFromRow(r), nil
}

func (s *Store) ListToolCalls(ctx context.Context, turnIDs []string) ([]data.ToolCall, error) {
	if len(turnIDs) == 0 {
		return nil, nil
	}
	rows, err := s.q.ListToolCalls(ctx, turnIDs)
	if err != nil {
		return nil, interpretError(err, "list tool calls")
	}
	out := make([]data.ToolCall, len(rows))
	for i, r := range rows {
		out[i] = toolCallFromRow(r)
	}
	return out, nil
}

func (s *Store) ListTurnTexts(ctx context.Context, turnID string) ([]data.TurnText, error) {
	rows, err := s.q.ListTurnTexts(ctx, turnID)
	if err != nil {
		return nil, interpretError(err, "list turn texts")
	}
	out := make([]data.TurnText, len(rows))
	for i, r := range rows {
		out[i] = data.TurnText{TurnID: r.TurnID, SessionID: r.SessionID, StartedAt: utc(r.StartedAt), Role: r.Role, Body: r.Body}
	}
	return out, nil
}

func (s *Store) Search(ctx context.Context, q data.SearchQuery) (data.SearchPage, error) {
	words, err := data.SearchWords(q.Text)
	if err != nil {
		return data.SearchPage{}, err
	}
	var before pgtype.Int8
	if q.Cursor != "" {
		n, err := data.DecodeSeqCursor(q.Cursor)
		if err != nil {
			return data.SearchPage{}, err
		}
		before = pgtype.Int8{Int64: n, Valid: true}
	}
	rows, err := s.q.SearchTexts(ctx, pgdb.SearchTextsParams{
		Fts: ftsQuery(words), BeforeID: before, SessionID: optional(q.SessionID), Role: optional(q.Role), Lim: int32(q.Limit + 1),
	})
	if err != nil {
		return data.SearchPage{}, interpretError(err, "search")
	}
	page := data.SearchPage{Hits: make([]data.SearchHit, 0, len(rows))}
	for i, r := range rows {
		if i == q.Limit {
			page.NextCursor = data.EncodeSeqCursor(rows[i-1].ID)
			break
		}
		page.Hits = append(page.Hits, data.SearchHit{TurnID: r.TurnID, SessionID: r.SessionID, StartedAt: utc(r.StartedAt), Role: r.Role, Snippet: r.Body})
	}
	return page, nil
}

// bucketSeconds is the width of each stats bucket; 0 means one bucket for the whole range.
var bucketSeconds = map[string]int64{data.BucketNone: 0, data.BucketHour: 3600, data.BucketDay: 86400}

func (s *Store) ListAnomalies(ctx context.Context, f data.AnomalyFilter) (data.AnomalyPage, error) {
	var afterAt *time.Time
	var afterID pgtype.Text
	if f.Cursor != "" {
		at, id, err := data.DecodeCursor(f.Cursor)
		if err != nil {
			return data.AnomalyPage{}, err
		}
		afterAt, afterID = &at, pgtype.Text{String: id, Valid: true}
	}
	rows, err := s.q.ListAnomalies(ctx, pgdb.ListAnomaliesParams{
		FromAt: optionalTime(f.From), ToAt: optionalTime(f.To), Kind: optional(f.Kind), Severity: optional(f.Severity),
		SessionID: optional(f.SessionID), AfterAt: afterAt, AfterID: afterID, Lim: int32(f.Limit + 1),
	})
	if err != nil {
		return data.AnomalyPage{}, interpretError(err, "list anomalies")
	}
	var page data.AnomalyPage
	page.Anomalies, page.NextCursor = data.Paginate(rows, f.Limit, anomalyFromRow)
	return page, nil
}

func (s *Store) ListTurnHashes(ctx context.Context, sessionID, afterID string, limit int) ([]data.TurnHashes, error) {
	rows, err := s.q.ListTurnHashes(ctx, pgdb.ListTurnHashesParams{SessionID: sessionID, AfterID: afterID, Lim: int32(limit)})
	if err != nil {
		return nil, interpretError(err, "list turn hashes")
	}
	out := make([]data.TurnHashes, len(rows))
	for i, r := range rows {
		out[i] = data.TurnHashes{TurnID: r.ID, SessionID: r.SessionID, RequestSHA256: r.RequestSha256, ResponseSHA256: r.ResponseSha256}
	}
	return out, nil
}

func (s *Store) AppendAccess(ctx context.Context, e data.AccessEntry) error {
	ids, err := json.Marshal(e.ResourceIDs)
	if err != nil {
		return fmt.Errorf("append access: %w", err)
	}
	if e.ResourceIDs == nil {
		ids = []byte("[]")
	}
	err = s.q.AppendAccess(ctx, pgdb.AppendAccessParams{
		ID: e.ID, At: e.At, KeyID: e.KeyID, Principal: e.Principal, Surface: e.Surface, Operation: e.Operation,
		ResourceIds: string(ids), ClientAddr: e.ClientAddr, Outcome: e.Outcome, Unmasked: e.Unmasked, Detail: e.Detail,
	})
	return interpretError(err, "append access")
}

func (s *Store) ListAccess(ctx context.Context, f data.AccessFilter) ([]data.AccessEntry, error) {
	var afterAt *time.Time
	var afterID pgtype.Text
	if f.Cursor != "" {
		at, id, err := data.DecodeCursor(f.Cursor)
		if err != nil {
			return nil, err
		}
		afterAt, afterID = &at, pgtype.Text{String: id, Valid: true}
	}
	rows, err := s.q.ListAccess(ctx, pgdb.ListAccessParams{Surface: optional(f.Surface), KeyID: optional(f.KeyID), AfterAt: afterAt, AfterID: afterID, Lim: int32(f.Limit)})
	if err != nil {
		return nil, interpretError(err, "list access")
	}
	out := make([]data.AccessEntry, len(rows))
	for i, r := range rows {
		out[i] = accessFromRow(r)
	}
	return out, nil
}
