package resolve

import (
	"context"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/graphql/internal/gen/model"
)

func (r *queryResolver) SessionArtifacts(ctx context.Context, sessionID string) ([]data.Artifact, error) {
	audit(ctx, sessionID)
	return orEmpty(r.API.SessionArtifacts(ctx, sessionID, data.ReadOptions{}))
}

func (r *queryResolver) PathArtifacts(ctx context.Context, path string, first *int, after *string) (*model.ArtifactConnection, error) {
	n, err := pageSize(first)
	if err != nil {
		return nil, err
	}
	audit(ctx)
	page, err := r.API.PathArtifacts(ctx, path, deref(after), n, data.ReadOptions{})
	if err != nil {
		return nil, err
	}
	conn := &model.ArtifactConnection{Edges: make([]model.ArtifactEdge, len(page.Artifacts)), PageInfo: pageInfo(page.NextCursor)}
	for i := range page.Artifacts {
		a := &page.Artifacts[i]
		conn.Edges[i] = model.ArtifactEdge{Cursor: data.EncodeCursor(a.CreatedAt, a.ID), Node: a}
	}
	return conn, nil
}
