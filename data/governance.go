package data

import (
	"context"
	"time"
)

// Key roles.
const (
	RoleReader = "reader" // reads captured data
	RoleAdmin  = "admin"  // also changes governance data (policies, keys, reports, alerts)
)

// APIKey is a registered key. The key itself is shown once, at creation; only its SHA-256 is
// stored. Prefix is its first characters, enough to recognise it in a listing.
type APIKey struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Prefix    string     `json:"prefix"`
	Role      string     `json:"role"`
	Team      string     `json:"team,omitempty"`
	CreatedAt time.Time  `json:"created_at"`
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
}

// Policy is a governance rule the gateway enforces (caps, redaction, routing, blocks). Spec is a
// JSON object whose shape depends on Kind.
type Policy struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Kind      string    `json:"kind"`
	Spec      string    `json:"spec"`
	Enabled   bool      `json:"enabled"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Alert is something a person should look at; acknowledging it is a governance change.
type Alert struct {
	ID             string     `json:"id"`
	CreatedAt      time.Time  `json:"created_at"`
	Kind           string     `json:"kind"`
	Severity       string     `json:"severity"`
	SessionID      string     `json:"session_id,omitempty"`
	AnomalyID      string     `json:"anomaly_id,omitempty"`
	Message        string     `json:"message"`
	AcknowledgedAt *time.Time `json:"acknowledged_at,omitempty"`
	AcknowledgedBy string     `json:"acknowledged_by,omitempty"`
}

// Report is a saved query or summary a person asked for.
type Report struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Spec      string    `json:"spec"`
	CreatedBy string    `json:"created_by"`
	CreatedAt time.Time `json:"created_at"`
}

// Developer and Team summarise the people captured traffic is attributed to.
type Developer struct {
	Name           string    `json:"name"`
	Team           string    `json:"team"`
	Sessions       int64     `json:"sessions"`
	LastActivityAt time.Time `json:"last_activity_at"`
}

// Team summarises a team's captured activity.
type Team struct {
	Name           string    `json:"name"`
	Developers     int64     `json:"developers"`
	Sessions       int64     `json:"sessions"`
	LastActivityAt time.Time `json:"last_activity_at"`
}

// GovernanceStore is the engines' part of governance: the mutable metadata beside the captured
// data. Methods return ENOTFOUND for unknown ids and ECONFLICT for duplicate names.
type GovernanceStore interface {
	CreateKey(ctx context.Context, k APIKey, sha256Hex string) error
	KeyByHash(ctx context.Context, sha256Hex string) (APIKey, error)
	ListKeys(ctx context.Context) ([]APIKey, error)
	RevokeKey(ctx context.Context, id string, at time.Time) error
	CreatePolicy(ctx context.Context, p Policy) error
	UpdatePolicy(ctx context.Context, p Policy) error
	DeletePolicy(ctx context.Context, id string) error
	GetPolicy(ctx context.Context, id string) (Policy, error)
	ListPolicies(ctx context.Context) ([]Policy, error)
	CreateAlert(ctx context.Context, a Alert) error
	ListAlerts(ctx context.Context, unacknowledgedOnly bool, limit int) ([]Alert, error)
	AcknowledgeAlert(ctx context.Context, id, by string, at time.Time) error
	CreateReport(ctx context.Context, r Report) error
	ListReports(ctx context.Context, limit int) ([]Report, error)
	ListDevelopers(ctx context.Context) ([]Developer, error)
	ListTeams(ctx context.Context) ([]Team, error)
}
