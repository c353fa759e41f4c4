package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/internal/pgdb"
)

// conflict maps a uniqueness violation to ECONFLICT with a caller-safe message.
func conflict(err error, msg string) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == uniqueViolation {
		return &data.Error{Code: data.ECONFLICT, Message: msg, Err: err}
	}
	return nil
}

// changed turns "no row was affected" into not-found.
func changed(n int64, err error, what string) error {
	if err == nil && n == 0 {
		err = pgx.ErrNoRows
	}
	return interpretError(err, what)
}

func keyFromRow(r pgdb.ApiKey) data.APIKey {
	return data.APIKey{ID: r.ID, Name: r.Name, Prefix: r.Prefix, Role: r.Role, Team: r.Team, CreatedAt: utc(r.CreatedAt), RevokedAt: utcPtr(r.RevokedAt)}
}

func (s *Store) CreateKey(ctx context.Context, k data.APIKey, sha256Hex string) error {
	err := s.q.CreateKey(ctx, pgdb.CreateKeyParams{ID: k.ID, Name: k.Name, Prefix: k.Prefix, KeySha256: sha256Hex, Role: k.Role, Team: k.Team, CreatedAt: k.CreatedAt})
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
	n, err := s.q.RevokeKey(ctx, pgdb.RevokeKeyParams{RevokedAt: &at, ID: id})
	return changed(n, err, "active key "+id)
}

func policyFromRow(r pgdb.Policy) data.Policy {
	return data.Policy{ID: r.ID, Name: r.Name, Kind: r.Kind, Spec: r.Spec, Enabled: r.Enabled, CreatedAt: utc(r.CreatedAt), UpdatedAt: utc(r.UpdatedAt)}
}

func (s *Store) CreatePolicy(ctx context.Context, p data.Policy) error {
	err := s.q.CreatePolicy(ctx, pgdb.CreatePolicyParams{ID: p.ID, Name: p.Name, Kind: p.Kind, Spec: p.Spec, Enabled: p.Enabled, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt})
	if c := conflict(err, "a policy named "+p.Name+" exists already"); c != nil {
		return c
	}
	return interpretError(err, "create policy")
}

func (s *Store) UpdatePolicy(ctx context.Context, p data.Policy) error {
	n, err := s.q.UpdatePolicy(ctx, pgdb.UpdatePolicyParams{Name: p.Name, Kind: p.Kind, Spec: p.Spec, Enabled: p.Enabled, UpdatedAt: p.UpdatedAt, ID: p.ID})
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
	err := s.q.CreateAlert(ctx, pgdb.CreateAlertParams{ID: a.ID, CreatedAt: a.CreatedAt, Kind: a.Kind, Severity: a.Severity,
		SessionID: nullString(a.SessionID), AnomalyID: nullString(a.AnomalyID), Message: a.Message})
	return interpretError(err, "create alert")
}

func (s *Store) ListAlerts(ctx context.Context, unacknowledgedOnly bool, limit int) ([]data.Alert, error) {
	rows, err := s.q.ListAlerts(ctx, pgdb.ListAlertsParams{UnacknowledgedOnly: unacknowledgedOnly, Lim: int32(limit)})
	if err != nil {
		return nil, interpretError(err, "list alerts")
	}
	out := make([]data.Alert, len(rows))
	for i, r := range rows {
		out[i] = data.Alert{ID: r.ID, CreatedAt: utc(r.CreatedAt), Kind: r.Kind, Severity: r.Severity, SessionID: r.SessionID.String,
			AnomalyID: r.AnomalyID.String, Message: r.Message, AcknowledgedAt: utcPtr(r.AcknowledgedAt), AcknowledgedBy: r.AcknowledgedBy}
	}
	return out, nil
}

func (s *Store) AcknowledgeAlert(ctx context.Context, id, by string, at time.Time) error {
	n, err := s.q.AcknowledgeAlert(ctx, pgdb.AcknowledgeAlertParams{AcknowledgedAt: &at, AcknowledgedBy: by, ID: id})
	return changed(n, err, "unacknowledged alert "+id)
}

func (s *Store) CreateReport(ctx context.Context, r data.Report) error {
	return interpretError(s.q.CreateReport(ctx, pgdb.CreateReportParams{ID: r.ID, Name: r.Name, Spec: r.Spec, CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt}), "create report")
}

func (s *Store) ListReports(ctx context.Context, limit int) ([]data.Report, error) {
	rows, err := s.q.ListReports(ctx, int32(limit))
	if err != nil {
		return nil, interpretError(err, "list reports")
	}
	out := make([]data.Report, len(rows))
	for i, r := range rows {
		out[i] = data.Report{ID: r.ID, Name: r.Name, Spec: r.Spec, CreatedBy: r.CreatedBy, CreatedAt: utc(r.CreatedAt)}
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
		out[i] = data.Developer{Name: r.Name, Team: r.Team, Sessions: r.Sessions, LastActivityAt: utc(r.LastActivityAt)}
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
		out[i] = data.Team{Name: r.Name, Developers: r.Developers, Sessions: r.Sessions, LastActivityAt: utc(r.LastActivityAt)}
	}
	return out, nil
}

func nullString(s string) pgtype.Text { return pgtype.Text{String: s, Valid: s != ""} }
