package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/internal/sqlitedb"
)

// conflict maps a uniqueness violation to ECONFLICT with a caller-safe message.
func conflict(err error, msg string) error {
	var se *sqlite.Error
	if errors.As(err, &se) && (se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY) {
		return &data.Error{Code: data.ECONFLICT, Message: msg, Err: err}
	}
	return nil
}

// changed turns "no row was affected" into not-found.
func changed(n int64, err error, what string) error {
	if err == nil && n == 0 {
		err = sql.ErrNoRows
	}
	return interpretError(err, what)
}

func keyFromRow(r sqlitedb.ApiKey) data.APIKey {
	return data.APIKey{ID: r.ID, Name: r.Name, Prefix: r.Prefix, Role: r.Role, Team: r.Team, CreatedAt: toTime(r.CreatedAt), RevokedAt: toTimePtr(r.RevokedAt)}
}

func (s *Store) CreateKey(ctx context.Context, k data.APIKey, sha256Hex string) error {
	err := s.q.CreateKey(ctx, sqlitedb.CreateKeyParams{ID: k.ID, Name: k.Name, Prefix: k.Prefix, KeySha256: sha256Hex, Role: k.Role, Team: k.Team, CreatedAt: micros(k.CreatedAt)})
	if c := conflict(err, "that key exists already"); c != nil {
		return c
	}
	return interpretError(err, "create key")
}

func (s *Store) KeyByHash(ctx context.Context, sha256Hex string) (data.APIKey, error) {
	r, err := s.q.KeyByHash(ctx, sha256Hex)
	if err != nil {
		return data.APIKey{}, interpretError(err, "key")
	}
	return keyFromRow(r), nil
}

func (s *Store) ListKeys(ctx context.Context) ([]data.APIKey, error) {
	rows, err := s.q.ListKeys(ctx)
	if err != nil {
		return nil, interpretError(err, "list keys")
	}
	out := make([]data.APIKey, len(rows))
	for i, r := range rows {
		out[i] = keyFromRow(r)
	}
	return out, nil
}

func (s *Store) RevokeKey(ctx context.Context, id string, at time.Time) error {
	n, err := s.q.RevokeKey(ctx, sqlitedb.RevokeKeyParams{RevokedAt: sql.NullInt64{Int64: micros(at), Valid: true}, ID: id})
	return changed(n, err, "active key "+id)
}

func policyFromRow(r sqlitedb.Policy) data.Policy {
	return data.Policy{ID: r.ID, Name: r.Name, Kind: r.Kind, Spec: r.Spec, Enabled: r.Enabled != 0, CreatedAt: toTime(r.CreatedAt), UpdatedAt: toTime(r.UpdatedAt)}
}

func (s *Store) CreatePolicy(ctx context.Context, p data.Policy) error {
	err := s.q.CreatePolicy(ctx, sqlitedb.CreatePolicyParams{ID: p.ID, Name: p.Name, Kind: p.Kind, Spec: p.Spec, Enabled: b2i(p.Enabled), CreatedAt: micros(p.CreatedAt), UpdatedAt: micros(p.UpdatedAt)})
	if c := conflict(err, "a policy named "+p.Name+" exists already"); c != nil {
		return c
	}
	return interpretError(err, "create policy")
}

func (s *Store) UpdatePolicy(ctx context.Context, p data.Policy) error {
	n, err := s.q.UpdatePolicy(ctx, sqlitedb.UpdatePolicyParams{Name: p.Name, Kind: p.Kind, Spec: p.Spec, Enabled: b2i(p.Enabled), UpdatedAt: micros(p.UpdatedAt), ID: p.ID})
	if c := conflict(err, "a policy named "+p.Name+" exists already"); c != nil {
		return c
	}
	return changed(n, err, "policy "+p.ID)
}

func (s *Store) DeletePolicy(ctx context.Context, id string) error {
	n, err := s.q.DeletePolicy(ctx, id)
	return changed(n, err, "policy "+id)
}

func (s *Store) GetPolicy(ctx context.Context, id string) (data.Policy, error) {
	r, err := s.q.GetPolicy(ctx, id)
	if err != nil {
		return data.Policy{}, interpretError(err, "policy "+id)
	}
	return policyFromRow(r), nil
}

func (s *Store) ListPolicies(ctx context.Context) ([]data.Policy, error) {
	rows, err := s.q.ListPolicies(ctx)
	if err != nil {
		return nil, interpretError(err, "list policies")
	}
	out := make([]data.Policy, len(rows))
	for i, r := range rows {
		out[i] = policyFromRow(r)
	}
	return out, nil
}

func (s *Store) CreateAlert(ctx context.Context, a data.Alert) error {
	err := s.q.CreateAlert(ctx, sqlitedb.CreateAlertParams{ID: a.ID, CreatedAt: micros(a.CreatedAt), Kind: a.Kind, Severity: a.Severity,
		SessionID: nullString(a.SessionID), AnomalyID: nullString(a.AnomalyID), Message: a.Message})
	return interpretError(err, "create alert")
}

func (s *Store) ListAlerts(ctx context.Context, unacknowledgedOnly bool, limit int) ([]data.Alert, error) {
	rows, err := s.q.ListAlerts(ctx, sqlitedb.ListAlertsParams{UnacknowledgedOnly: b2i(unacknowledgedOnly), Lim: int64(limit)})
	if err != nil {
		return nil, interpretError(err, "list alerts")
	}
	out := make([]data.Alert, len(rows))
	for i, r := range rows {
		out[i] = data.Alert{ID: r.ID, CreatedAt: toTime(r.CreatedAt), Kind: r.Kind, Severity: r.Severity, SessionID: r.SessionID.String,
			AnomalyID: r.AnomalyID.String, Message: r.Message, AcknowledgedAt: toTimePtr(r.AcknowledgedAt), AcknowledgedBy: r.AcknowledgedBy}
	}
	return out, nil
}

func (s *Store) AcknowledgeAlert(ctx context.Context, id, by string, at time.Time) error {
	n, err := s.q.AcknowledgeAlert(ctx, sqlitedb.AcknowledgeAlertParams{AcknowledgedAt: sql.NullInt64{Int64: micros(at), Valid: true}, AcknowledgedBy: by, ID: id})
	return changed(n, err, "unacknowledged alert "+id)
}

func (s *Store) CreateReport(ctx context.Context, r data.Report) error {
	return interpretError(s.q.CreateReport(ctx, sqlitedb.CreateReportParams{ID: r.ID, Name: r.Name, Spec: r.Spec, CreatedBy: r.CreatedBy, CreatedAt: micros(r.CreatedAt)}), "create report")
}

func (s *Store) ListReports(ctx context.Context, limit int) ([]data.Report, error) {
	rows, err := s.q.ListReports(ctx, int64(limit))
	if err != nil {
		return nil, interpretError(err, "list reports")
	}
	out := make([]data.Report, len(rows))
	for i, r := range rows {
		out[i] = data.Report{ID: r.ID, Name: r.Name, Spec: r.Spec, CreatedBy: r.CreatedBy, CreatedAt: toTime(r.CreatedAt)}
	}
	return out, nil
}

func (s *Store) ListDevelopers(ctx context.Context) ([]data.Developer, error) {
	rows, err := s.q.ListDevelopers(ctx)
	if err != nil {
		return nil, interpretError(err, "list developers")
	}
	out := make([]data.Developer, len(rows))
	for i, r := range rows {
		out[i] = data.Developer{Name: r.Name, Team: r.Team, Sessions: r.Sessions, LastActivityAt: toTime(r.LastActivityAt)}
	}
	return out, nil
}

func (s *Store) ListTeams(ctx context.Context) ([]data.Team, error) {
	rows, err := s.q.ListTeams(ctx)
	if err != nil {
		return nil, interpretError(err, "list teams")
	}
	out := make([]data.Team, len(rows))
	for i, r := range rows {
		out[i] = data.Team{Name: r.Name, Developers: r.Developers, Sessions: r.Sessions, LastActivityAt: toTime(r.LastActivityAt)}
	}
	return out, nil
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func nullString(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }
