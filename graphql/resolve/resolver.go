package resolve

import (
	"context"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/access"
	"github.com/recondo/recondo/graphql/internal/gen"
)

// Resolver is the root of every resolver; one serves all requests.
type Resolver struct {
	API *data.API
}

var _ gen.ResolverRoot = (*Resolver)(nil)

func (r *Resolver) Query() gen.QueryResolver         { return &queryResolver{r} }
func (r *Resolver) Mutation() gen.MutationResolver   { return &mutationResolver{r} }
func (r *Resolver) Session() gen.SessionResolver     { return &sessionResolver{r} }
func (r *Resolver) Turn() gen.TurnResolver           { return &turnResolver{r} }
func (r *Resolver) TurnText() gen.TurnTextResolver   { return &turnTextResolver{r} }
func (r *Resolver) SearchHit() gen.SearchHitResolver { return &searchHitResolver{r} }
func (r *Resolver) StatsRow() gen.StatsRowResolver   { return &statsRowResolver{r} }
func (r *Resolver) Anomaly() gen.AnomalyResolver     { return &anomalyResolver{r} }
func (r *Resolver) Alert() gen.AlertResolver         { return &alertResolver{r} }
func (r *Resolver) APIKey() gen.APIKeyResolver       { return &apiKeyResolver{r} }

type queryResolver struct{ *Resolver }
type mutationResolver struct{ *Resolver }

// OperationName is what the access audit log calls a GraphQL operation: its type and its root
// fields, e.g. "query sessions,stats". The server names the operation with it before any
// resolver runs; resolvers add the ids they read under the same name.
func OperationName(ctx context.Context) string {
	op := graphql.GetOperationContext(ctx)
	if op == nil || op.Operation == nil {
		return "graphql"
	}
	root := "Query"
	if op.Operation.Operation == "mutation" {
		root = "Mutation"
	}
	var names []string
	for _, f := range graphql.CollectFields(op, op.Operation.SelectionSet, []string{root}) {
		if !slices.Contains(names, f.Name) {
			names = append(names, f.Name)
		}
	}
	slices.Sort(names)
	return string(op.Operation.Operation) + " " + strings.Join(names, ",")
}

// audit records the resources a resolver read or changed in the request's audit row.
func audit(ctx context.Context, ids ...string) {
	access.Operation(ctx, OperationName(ctx), ids...)
}

// principal names the caller for the rows a mutation writes (acknowledged_by, created_by).
func principal(ctx context.Context) string {
	p, _ := access.From(ctx)
	return p.Name()
}
