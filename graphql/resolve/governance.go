package resolve

import (
	"context"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/access"
)

// Governance reads: who traffic is attributed to, and the mutable metadata beside it.

func (r *queryResolver) Developers(ctx context.Context) ([]data.Developer, error) {
	audit(ctx)
	return orEmpty(r.API.ListDevelopers(ctx))
}

func (r *queryResolver) Teams(ctx context.Context) ([]data.Team, error) {
	audit(ctx)
	return orEmpty(r.API.ListTeams(ctx))
}

func (r *queryResolver) Policies(ctx context.Context) ([]data.Policy, error) {
	audit(ctx)
	return orEmpty(r.API.ListPolicies(ctx))
}

func (r *queryResolver) Reports(ctx context.Context, first *int) ([]data.Report, error) {
	n, err := pageSize(first)
	if err != nil {
		return nil, err
	}
	audit(ctx)
	return orEmpty(r.API.ListReports(ctx, n))
}

// Keys lists registered keys to admins only: names and prefixes of other people's keys are not
// a reader's business.
func (r *queryResolver) Keys(ctx context.Context) ([]data.APIKey, error) {
	audit(ctx)
	if p, _ := access.From(ctx); !p.CanChangeGovernance() {
		access.Denied(ctx, "listing API keys needs an admin key")
		return nil, data.Errorf(data.EFORBIDDEN, "listing API keys needs an admin key")
	}
	return orEmpty(r.API.ListKeys(ctx))
}
