package server

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// depthLimit refuses operations nested deeper than max fields. Complexity alone would let a
// narrow but very deep query through (session → turns → session → turns ...), each level a
// round of loads. Introspection fields (__schema, __type) are left to gqlparser's own
// introspection depth rule: GraphiQL's standard introspection query nests its type references
// deeper than any data query needs.
type depthLimit struct{ max int }

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (d depthLimit) MutateOperationContext(_ context.Context, op *graphql.OperationContext) *gqlerror.Error {
	w := depthWalker{doc: op.Doc, fragments: map[string]int{}}
	if depth := w.depth(op.Operation.SelectionSet); depth > d.max {
		err := gqlerror.Errorf("operation is nested %d fields deep, which exceeds the limit of %d", depth, d.max)
		errcode.Set(err, errDepthLimit)
		return err
	}
	return nil
}

// depthWalker measures selection depth, remembering each fragment's depth so that fragments
// spread many times cost one walk each. Validation has already refused fragment cycles.
type depthWalker struct {
	doc       *ast.QueryDocument
	fragments map[string]int
}

func (w depthWalker) depth(set ast.SelectionSet) int {
	deepest := 0
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				continue
			}
			d = 1 + w.depth(s.SelectionSet)
		case *ast.InlineFragment:
			d = w.depth(s.SelectionSet)
		case *ast.FragmentSpread:
			var ok bool
			if d, ok = w.fragments[s.Name]; !ok {
				w.fragments[s.Name] = 0 // placeholder; validation guarantees no cycle
				if f := w.doc.Fragments.ForName(s.Name); f != nil {
					d = w.depth(f.SelectionSet)
				}
				w.fragments[s.Name] = d
			}
		}
		deepest = max(deepest, d)
	}
	return deepest
}
