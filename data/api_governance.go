package data

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"

	"github.com/google/uuid"

	"github.com/recondo/recondo/data/mask"
)

var policyKind = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)

// PolicyInput is what a caller sets on a policy.
type PolicyInput struct {
	Name    string
	Kind    string // e.g. spend_cap, redact, route, block, throttle
	Spec    string // a JSON object
	Enabled bool
}

func (in PolicyInput) validate() error {
	if strings.TrimSpace(in.Name) == "" || len(in.Name) > 200 {
		return Errorf(EINVALID, "a policy needs a name of 1 to 200 characters")
	}
	if !policyKind.MatchString(in.Kind) {
		return Errorf(EINVALID, "policy kind must be lowercase letters, digits and _ (e.g. spend_cap), got %q", in.Kind)
	}
	var obj map[string]any
	if in.Spec == "" || json.Unmarshal([]byte(in.Spec), &obj) != nil || obj == nil {
		return Errorf(EINVALID, "policy spec must be a JSON object")
	}
	return nil
}

// CreatePolicy adds a policy.
func (a *API) CreatePolicy(ctx context.Context, in PolicyInput) (Policy, error) {
	if err := in.validate(); err != nil {
		return Policy{}, err
	}
	now := a.stamp()
	p := Policy{ID: uuid.Must(uuid.NewV7()).String(), Name: in.Name, Kind: in.Kind, Spec: in.Spec, Enabled: in.Enabled, CreatedAt: now, UpdatedAt: now}
	return p, a.store.CreatePolicy(ctx, p)
}

// UpdatePolicy replaces a policy's settings.
func (a *API) UpdatePolicy(ctx context.Context, id string, in PolicyInput) (Policy, error) {
	if err := validID("policy", id); err != nil {
		return Policy{}, err
	}
	if err := in.validate(); err != nil {
		return Policy{}, err
	}
	old, err := a.store.GetPolicy(ctx, id)
	if err != nil {
		return Policy{}, err
	}
	p := Policy{ID: id, Name: in.Name, Kind: in.Kind, Spec: in.Spec, Enabled: in.Enabled, CreatedAt: old.CreatedAt, UpdatedAt: a.stamp()}
	return p, a.store.UpdatePolicy(ctx, p)
}

// DeletePolicy removes a policy.
func (a *API) DeletePolicy(ctx context.Context, id string) error {
	if err := validID("policy", id); err != nil {
		return err
	}
	return a.store.DeletePolicy(ctx, id)
}

// GetPolicy returns one policy.
func (a *API) GetPolicy(ctx context.Context, id string) (Policy, error) {
	if err := validID("policy", id); err != nil {
		return Policy{}, err
	}
	return a.store.GetPolicy(ctx, id)
}

// ListPolicies lists every policy by name.
func (a *API) ListPolicies(ctx context.Context) ([]Policy, error) { return a.store.ListPolicies(ctx) }

// ListAlerts lists alerts, newest first; their messages are masked like captured text.
func (a *API) ListAlerts(ctx context.Context, unacknowledgedOnly bool, n int) ([]Alert, error) {
	n, err := limit(n)
	if err != nil {
		return nil, err
	}
	out, err := a.store.ListAlerts(ctx, unacknowledgedOnly, n)
	m := mask.New()
	for i := range out {
		out[i].Message = m.String(out[i].Message)
	}
	return out, err
}

// AcknowledgeAlert records who acknowledged an alert.
func (a *API) AcknowledgeAlert(ctx context.Context, id, by string) error {
	if err := validID("alert", id); err != nil {
		return err
	}
	return a.store.AcknowledgeAlert(ctx, id, by, a.stamp())
}

// CreateReport saves a report definition (Spec: a JSON object).
func (a *API) CreateReport(ctx context.Context, name, spec, by string) (Report, error) {
	var obj map[string]any
	if strings.TrimSpace(name) == "" || json.Unmarshal([]byte(spec), &obj) != nil || obj == nil {
		return Report{}, Errorf(EINVALID, "a report needs a name and a JSON object spec")
	}
	r := Report{ID: uuid.Must(uuid.NewV7()).String(), Name: name, Spec: spec, CreatedBy: by, CreatedAt: a.stamp()}
	return r, a.store.CreateReport(ctx, r)
}

// ListReports lists saved reports, newest first.
func (a *API) ListReports(ctx context.Context, n int) ([]Report, error) {
	n, err := limit(n)
	if err != nil {
		return nil, err
	}
	return a.store.ListReports(ctx, n)
}

// ListDevelopers lists the developers captured traffic is attributed to.
func (a *API) ListDevelopers(ctx context.Context) ([]Developer, error) {
	return a.store.ListDevelopers(ctx)
}

// ListTeams lists the teams captured traffic is attributed to.
func (a *API) ListTeams(ctx context.Context) ([]Team, error) { return a.store.ListTeams(ctx) }
