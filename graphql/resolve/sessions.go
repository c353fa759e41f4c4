package resolve

import (
	"context"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/graphql/internal/gen/model"
	"github.com/recondo/recondo/graphql/internal/loader"
)

func (r *queryResolver) Sessions(ctx context.Context, first *int, after *string, filter *model.SessionFilter) (*model.SessionConnection, error) {
	n, err := pageSize(first)
	if err != nil {
		return nil, err
	}
	f := data.SessionFilter{Limit: n, Cursor: deref(after)}
	if filter != nil {
		f.Provider, f.Model, f.Developer = deref(filter.Provider), deref(filter.Model), deref(filter.Developer)
		f.Team, f.Repo, f.Text = deref(filter.Team), deref(filter.Repo), deref(filter.Text)
		if filter.From != nil {
			f.From = *filter.From
		}
		if filter.To != nil {
			f.To = *filter.To
		}
	}
	page, err := r.API.ListSessions(ctx, f, data.ReadOptions{})
	if err != nil {
		return nil, err
	}
	l := loader.For(ctx, r.API)
	ids := make([]string, len(page.Sessions))
	conn := &model.SessionConnection{Edges: make([]model.SessionEdge, len(page.Sessions)), PageInfo: pageInfo(page.NextCursor)}
	for i := range page.Sessions {
		s := &page.Sessions[i]
		ids[i] = s.ID
		l.Sessions.Put(s.ID, *s)
		conn.Edges[i] = model.SessionEdge{Cursor: data.EncodeCursor(s.StartedAt, s.ID), Node: s}
	}
	// The turns of every session on the page are one fetch, whichever session asks first.
	l.Turns.Prime(ids)
	audit(ctx, ids...)
	return conn, nil
}

func (r *queryResolver) Session(ctx context.Context, id string) (*data.Session, error) {
	audit(ctx, id)
	s, err := r.API.GetSession(ctx, id, data.ReadOptions{})
	if err != nil {
		return nil, err
	}
	loader.For(ctx, r.API).Sessions.Put(s.ID, s)
	return &s, nil
}

type sessionResolver struct{ *Resolver }

// Turns pages through the session's turns, which the loader read with every sibling session's.
func (r *sessionResolver) Turns(ctx context.Context, s *data.Session, first *int, after *string) (*model.TurnConnection, error) {
	n, err := pageSize(first)
	if err != nil {
		return nil, err
	}
	var afterSeq int64
	if after != nil {
		if afterSeq, err = data.DecodeSeqCursor(*after); err != nil {
			return nil, err
		}
	}
	turns, err := loader.For(ctx, r.API).Turns.Load(ctx, s.ID)
	if err != nil {
		return nil, err
	}
	start := 0
	for start < len(turns) && turns[start].Seq <= afterSeq {
		start++
	}
	page := turns[start:min(start+n, len(turns))]
	next := ""
	if start+n < len(turns) {
		next = data.EncodeSeqCursor(page[len(page)-1].Seq)
	}
	return turnConnection(page, next), nil
}

func (r *sessionResolver) ToolCalls(ctx context.Context, s *data.Session) ([]data.ToolCall, error) {
	l := loader.For(ctx, r.API)
	turns, err := l.Turns.Load(ctx, s.ID)
	if err != nil {
		return nil, err
	}
	out := []data.ToolCall{}
	for _, t := range turns {
		calls, err := l.ToolCalls.Load(ctx, t.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, calls...)
	}
	return out, nil
}

// loadSession returns a session through the request's loader; a dangling id is NOT_FOUND.
func (r *Resolver) loadSession(ctx context.Context, id string) (*data.Session, error) {
	s, err := loader.For(ctx, r.API).Sessions.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	if s.ID == "" {
		return nil, data.Errorf(data.ENOTFOUND, "session %s not found", id)
	}
	return &s, nil
}
