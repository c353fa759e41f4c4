package resolve

import (
	"context"
	"slices"

	"github.com/99designs/gqlgen/graphql"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/graphql/internal/gen/model"
	"github.com/recondo/recondo/graphql/internal/loader"
)

func (r *queryResolver) Turns(ctx context.Context, sessionID string, first *int, after *string) (*model.TurnConnection, error) {
	n, err := pageSize(first)
	if err != nil {
		return nil, err
	}
	f := data.TurnFilter{SessionID: sessionID, Limit: min(n+1, data.MaxLimit)}
	if after != nil {
		if f.AfterSeq, err = data.DecodeSeqCursor(*after); err != nil {
			return nil, err
		}
	}
	audit(ctx, sessionID)
	turns, err := r.API.ListTurns(ctx, f, data.ReadOptions{})
	if err != nil {
		return nil, err
	}
	// One more than asked tells whether a next page exists; at the API's maximum page size a
	// full page is taken to have one (the next page may then be empty).
	next := ""
	if len(turns) > n || (n == data.MaxLimit && len(turns) == n) {
		turns = turns[:n]
		next = data.EncodeSeqCursor(turns[n-1].Seq)
	}
	ids := make([]string, len(turns))
	for i, t := range turns {
		ids[i] = t.ID
	}
	loader.For(ctx, r.API).ToolCalls.Prime(ids)
	return turnConnection(turns, next), nil
}

func (r *queryResolver) Turn(ctx context.Context, id string) (*data.Turn, error) {
	audit(ctx, id)
	l := loader.For(ctx, r.API)
	d, err := l.Details.Load(ctx, loader.DetailKey{TurnID: id, Bodies: selects(ctx, graphql.GetFieldContext(ctx), bodyFields...)})
	if err != nil {
		return nil, err
	}
	l.ToolCalls.Put(id, d.ToolCalls)
	return &d.Turn, nil
}

func (r *queryResolver) ToolCalls(ctx context.Context, turnIDs []string) ([]data.ToolCall, error) {
	if len(turnIDs) > data.MaxLimit {
		return nil, data.Errorf(data.EINVALID, "at most %d turn ids at once, got %d", data.MaxLimit, len(turnIDs))
	}
	audit(ctx, turnIDs...)
	calls, err := r.API.ListToolCalls(ctx, turnIDs, data.ReadOptions{})
	if calls == nil && err == nil {
		calls = []data.ToolCall{}
	}
	return calls, err
}

func turnConnection(turns []data.Turn, next string) *model.TurnConnection {
	conn := &model.TurnConnection{Edges: make([]model.TurnEdge, len(turns)), PageInfo: pageInfo(next)}
	for i := range turns {
		conn.Edges[i] = model.TurnEdge{Cursor: data.EncodeSeqCursor(turns[i].Seq), Node: &turns[i]}
	}
	return conn
}

type turnResolver struct{ *Resolver }

func (r *turnResolver) Session(ctx context.Context, t *data.Turn) (*data.Session, error) {
	return r.loadSession(ctx, t.SessionID)
}

func (r *turnResolver) CostSource(_ context.Context, t *data.Turn) (*model.CostSource, error) {
	var c model.CostSource
	switch t.CostSource {
	case data.CostCaptured:
		c = model.CostSourceCaptured
	case data.CostRepriced:
		c = model.CostSourceRepriced
	default:
		return nil, nil
	}
	return &c, nil
}

func (r *turnResolver) ToolCalls(ctx context.Context, t *data.Turn) ([]data.ToolCall, error) {
	calls, err := loader.For(ctx, r.API).ToolCalls.Load(ctx, t.ID)
	if calls == nil && err == nil {
		calls = []data.ToolCall{}
	}
	return calls, err
}

func (r *turnResolver) Texts(ctx context.Context, t *data.Turn) ([]data.TurnText, error) {
	d, err := r.detail(ctx, t)
	return d.Texts, err
}

func (r *turnResolver) Request(ctx context.Context, t *data.Turn) (*data.Body, error) {
	d, err := r.detail(ctx, t)
	return d.Request, err
}

func (r *turnResolver) Response(ctx context.Context, t *data.Turn) (*data.Body, error) {
	d, err := r.detail(ctx, t)
	return d.Response, err
}

// bodyFields are the Turn fields that need the bodies read from the object store.
var bodyFields = []string{"request", "response"}

// detail loads the turn's texts, and its bodies only when the query selects a body, so texts,
// request and response of one turn share a single read.
func (r *Resolver) detail(ctx context.Context, t *data.Turn) (data.TurnDetail, error) {
	bodies := false
	for p := graphql.GetFieldContext(ctx).Parent; p != nil; p = p.Parent {
		if p.Index == nil && p.Field.Field != nil { // the field that returned this Turn
			bodies = selects(ctx, p, bodyFields...)
			break
		}
	}
	return loader.For(ctx, r.API).Details.Load(ctx, loader.DetailKey{TurnID: t.ID, Bodies: bodies})
}

// selects reports whether the field's selection set asks for any of names on its object.
func selects(ctx context.Context, fc *graphql.FieldContext, names ...string) bool {
	op := graphql.GetOperationContext(ctx)
	if fc == nil || op == nil {
		return false
	}
	for _, f := range graphql.CollectFields(op, fc.Field.Selections, []string{"Turn"}) {
		if slices.Contains(names, f.Name) {
			return true
		}
	}
	return false
}
