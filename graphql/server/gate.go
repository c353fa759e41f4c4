package server

import (
	"context"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/access"
	"github.com/recondo/recondo/graphql/resolve"
)

// auditName names the request's audit row after the operation ("query sessions,stats") as soon
// as it is parsed, so even a refused operation is logged by what it asked for.
type auditName struct{}

func (auditName) ExtensionName() string                   { return "AuditName" }
func (auditName) Validate(graphql.ExecutableSchema) error { return nil }

func (auditName) MutateOperationContext(ctx context.Context, _ *graphql.OperationContext) *gqlerror.Error {
	access.Operation(ctx, resolve.OperationName(ctx))
	return nil
}

// mutationGate refuses every mutation from a key that may not change governance data, before any
// resolver runs: HTTP 403, extensions.code FORBIDDEN, and the audit row marked denied. Captured
// data has no mutation at all; this gate keeps readers off the governance ones.
type mutationGate struct{}

func (mutationGate) ExtensionName() string                   { return "MutationGate" }
func (mutationGate) Validate(graphql.ExecutableSchema) error { return nil }

func (mutationGate) MutateOperationContext(ctx context.Context, op *graphql.OperationContext) *gqlerror.Error {
	if op.Operation.Operation != ast.Mutation {
		return nil
	}
	if p, ok := access.From(ctx); ok && p.CanChangeGovernance() {
		return nil
	}
	const msg = "mutations change governance data and need an admin API key"
	access.Denied(ctx, msg)
	stateFrom(ctx).raise(http.StatusForbidden)
	return codedError(data.EFORBIDDEN, msg)
}

// introspectionOff refuses __schema and __type up front with a message that says how to enable
// them, where gqlgen would fail the field with an error indistinguishable from an internal one.
type introspectionOff struct{}

func (introspectionOff) ExtensionName() string                   { return "IntrospectionOff" }
func (introspectionOff) Validate(graphql.ExecutableSchema) error { return nil }

func (introspectionOff) MutateOperationContext(ctx context.Context, op *graphql.OperationContext) *gqlerror.Error {
	for _, f := range graphql.CollectFields(op, op.Operation.SelectionSet, []string{"Query"}) {
		if f.Name == "__schema" || f.Name == "__type" {
			err := gqlerror.Errorf("introspection is disabled on this server (start it with --introspection)")
			errcode.Set(err, errIntrospectionOff)
			return err
		}
	}
	return nil
}
