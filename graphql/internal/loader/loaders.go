package loader

import (
	"context"

	"github.com/recondo/recondo/data"
)

// Batch limits of the data API's batch reads.
const (
	maxSessionIDs = data.MaxLimit
	maxTurnIDs    = data.MaxLimit * 10
)

// Loaders are one request's batch readers. Every read is masked (zero data.ReadOptions): this
// surface never returns unmasked captured text.
type Loaders struct {
	// Sessions by id; a missing session loads as the zero Session.
	Sessions *Batch[string, data.Session]
	// Turns of a session, in sequence order. Fetching a group primes ToolCalls with every turn
	// of it, so the tool calls of all those turns come in one more call.
	Turns *Batch[string, []data.Turn]
	// ToolCalls of a turn, in index order.
	ToolCalls *Batch[string, []data.ToolCall]
	// Details of one turn (texts and, when asked, bodies): data has no batch read of texts, so
	// each turn is one GetTurn; the query complexity limit bounds how many a request may ask.
	Details *Batch[DetailKey, data.TurnDetail]
}

// DetailKey names a turn's detail with or without its bodies.
type DetailKey struct {
	TurnID string
	Bodies bool
}

// New returns empty loaders for one request.
func New(api *data.API) *Loaders {
	l := &Loaders{}
	l.Sessions = NewBatch(maxSessionIDs, func(ctx context.Context, ids []string) (map[string]data.Session, error) {
		list, err := api.GetSessions(ctx, ids, data.ReadOptions{})
		if err != nil {
			return nil, err
		}
		out := make(map[string]data.Session, len(list))
		for _, s := range list {
			out[s.ID] = s
		}
		return out, nil
	})
	l.Turns = NewBatch(maxSessionIDs, func(ctx context.Context, ids []string) (map[string][]data.Turn, error) {
		turns, err := api.ListTurnsOfSessions(ctx, ids, data.ReadOptions{})
		if err != nil {
			return nil, err
		}
		out := make(map[string][]data.Turn, len(ids))
		turnIDs := make([]string, len(turns))
		for i, t := range turns {
			out[t.SessionID] = append(out[t.SessionID], t)
			turnIDs[i] = t.ID
		}
		l.ToolCalls.Prime(turnIDs)
		return out, nil
	})
	l.ToolCalls = NewBatch(maxTurnIDs, func(ctx context.Context, ids []string) (map[string][]data.ToolCall, error) {
		calls, err := api.ListToolCalls(ctx, ids, data.ReadOptions{})
		if err != nil {
			return nil, err
		}
		out := make(map[string][]data.ToolCall, len(ids))
		for _, c := range calls {
			out[c.TurnID] = append(out[c.TurnID], c)
		}
		return out, nil
	})
	l.Details = NewBatch(1, func(ctx context.Context, keys []DetailKey) (map[DetailKey]data.TurnDetail, error) {
		d, err := api.GetTurn(ctx, keys[0].TurnID, data.TurnOptions{Bodies: keys[0].Bodies})
		if err != nil {
			return nil, err
		}
		return map[DetailKey]data.TurnDetail{keys[0]: d}, nil
	})
	return l
}

type ctxKey struct{}

// With returns ctx carrying l.
func With(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// For returns the request's loaders, or fresh ones over api when the server installed none
// (a resolver called outside a request): answers stay right, only the batching is lost.
func For(ctx context.Context, api *data.API) *Loaders {
	if l, ok := ctx.Value(ctxKey{}).(*Loaders); ok {
		return l
	}
	return New(api)
}
