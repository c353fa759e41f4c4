package resolve

import (
	"context"
	"strings"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/graphql/internal/gen/model"
)

// Mutations change governance data only. The server refuses every mutation from a key that
// may not change governance before any of these run (see server.mutationGate).

func (r *mutationResolver) CreatePolicy(ctx context.Context, in model.PolicyInput) (*data.Policy, error) {
	p, err := r.API.CreatePolicy(ctx, policyInput(in))
	if err != nil {
		return nil, err
	}
	audit(ctx, p.ID)
	return &p, nil
}

func (r *mutationResolver) UpdatePolicy(ctx context.Context, id string, in model.PolicyInput) (*data.Policy, error) {
	audit(ctx, id)
	p, err := r.API.UpdatePolicy(ctx, id, policyInput(in))
	if err != nil {
		return nil, err
	}
	return &p, nil
}

func (r *mutationResolver) DeletePolicy(ctx context.Context, id string) (string, error) {
	audit(ctx, id)
	return id, r.API.DeletePolicy(ctx, id)
}

func (r *mutationResolver) CreateKey(ctx context.Context, in model.KeyInput) (*data.CreatedKey, error) {
	k, err := r.API.CreateKey(ctx, in.Name, strings.ToLower(string(in.Role)), deref(in.Team))
	if err != nil {
		return nil, err
	}
	audit(ctx, k.Key.ID)
	return &k, nil
}

func (r *mutationResolver) RevokeKey(ctx context.Context, id string) (string, error) {
	audit(ctx, id)
	return id, r.API.RevokeKey(ctx, id)
}

func (r *mutationResolver) CreateReport(ctx context.Context, in model.ReportInput) (*data.Report, error) {
	rep, err := r.API.CreateReport(ctx, in.Name, in.Spec, principal(ctx))
	if err != nil {
		return nil, err
	}
	audit(ctx, rep.ID)
	return &rep, nil
}

func (r *mutationResolver) AcknowledgeAlert(ctx context.Context, id string) (string, error) {
	audit(ctx, id)
	return id, r.API.AcknowledgeAlert(ctx, id, principal(ctx))
}

func policyInput(in model.PolicyInput) data.PolicyInput {
	return data.PolicyInput{Name: in.Name, Kind: in.Kind, Spec: in.Spec, Enabled: in.Enabled}
}
