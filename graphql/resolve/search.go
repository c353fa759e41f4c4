package resolve

import (
	"context"
	"strings"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/graphql/internal/gen/model"
	"github.com/recondo/recondo/graphql/internal/loader"
)

func (r *queryResolver) Search(ctx context.Context, text string, sessionID *string, role *model.TextRole, first *int, after *string) (*model.SearchConnection, error) {
	n, err := pageSize(first)
	if err != nil {
		return nil, err
	}
	q := data.SearchQuery{Text: text, SessionID: deref(sessionID), Role: lower(role), Limit: n, Cursor: deref(after)}
	if q.SessionID != "" {
		audit(ctx, q.SessionID)
	} else {
		audit(ctx)
	}
	page, err := r.API.Search(ctx, q, data.ReadOptions{})
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(page.Hits))
	for i, h := range page.Hits {
		ids[i] = h.SessionID
	}
	loader.For(ctx, r.API).Sessions.Prime(ids)
	if page.Hits == nil {
		page.Hits = []data.SearchHit{}
	}
	return &model.SearchConnection{Nodes: page.Hits, PageInfo: pageInfo(page.NextCursor)}, nil
}

type searchHitResolver struct{ *Resolver }

func (r *searchHitResolver) Session(ctx context.Context, h *data.SearchHit) (*data.Session, error) {
	return r.loadSession(ctx, h.SessionID)
}

func (r *searchHitResolver) Role(_ context.Context, h *data.SearchHit) (model.TextRole, error) {
	return model.TextRole(strings.ToUpper(h.Role)), nil
}
