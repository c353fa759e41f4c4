package server

import (
	"context"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/graphql/internal/gen"
	"github.com/recondo/recondo/graphql/resolve"
)

// newExecutor builds the gqlgen server with handler.New (never NewDefaultServer, which turns on
// GET, introspection and persisted queries): POST only, every limit, our error mapping.
func newExecutor(api *data.API, opts Options) *handler.Server {
	cfg := gen.Config{Resolvers: &resolve.Resolver{API: api}}
	setComplexity(&cfg.Complexity)
	srv := handler.New(gen.NewExecutableSchema(cfg))
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.SetParserTokenLimit(opts.ParserTokenLimit)
	// Without introspection, "did you mean ...?" hints would leak the schema piece by piece.
	srv.SetDisableSuggestion(!opts.Introspection)
	srv.Use(auditName{}) // first: every refusal below is logged under the operation's name
	if opts.Introspection {
		srv.Use(extension.Introspection{})
	} else {
		srv.Use(introspectionOff{})
	}
	srv.Use(mutationGate{})
	srv.Use(depthLimit{max: opts.DepthLimit})
	srv.Use(extension.FixedComplexityLimit(opts.ComplexityLimit))
	srv.SetErrorPresenter(presentError(opts.Log))
	srv.SetRecoverFunc(func(ctx context.Context, v any) error {
		opts.Log.Error("graphql resolver panicked", slog.Any("panic", v), slog.String("stack", string(debug.Stack())))
		return data.Errorf(data.EINTERNAL, "internal error")
	})
	return srv
}
