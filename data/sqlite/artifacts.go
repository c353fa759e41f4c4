package sqlite

import (
	"context"
	"database/sql"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/internal/sqlitedb"
)

func artifactFromRow(r sqlitedb.Artifact) data.Artifact {
	return data.Artifact{ID: r.ID, SessionID: r.SessionID, TurnID: r.TurnID, ToolCallID: r.ToolCallID,
		Action: r.Action, Path: r.Path, Command: r.Command, CreatedAt: toTime(r.CreatedAt)}
}

func (s *Store) ListSessionArtifacts(ctx context.Context, sessionID string) ([]data.Artifact, error) {
	rows, err := s.q.ListSessionArtifacts(ctx, sessionID)
	if err != nil {
		return nil, interpretError(err, "list session artifacts")
	}
	out := make([]data.Artifact, len(rows))
	for i, r := range rows {
		out[i] = artifactFromRow(r)
	}
	return out, nil
}

func (s *Store) ListPathArtifacts(ctx context.Context, path, cursor string, limit int) (data.ArtifactPage, error) {
	var afterUs any
	var afterID sql.NullString
	if cursor != "" {
		at, id, err := data.DecodeCursor(cursor)
		if err != nil {
			return data.ArtifactPage{}, err
		}
		afterUs, afterID = at.UnixMicro(), sql.NullString{String: id, Valid: true}
	}
	rows, err := s.q.ListPathArtifacts(ctx, sqlitedb.ListPathArtifactsParams{Path: path, AfterUs: afterUs, AfterID: afterID, Lim: int64(limit + 1)})
	if err != nil {
		return data.ArtifactPage{}, interpretError(err, "list path artifacts")
	}
	var page data.ArtifactPage
	page.Artifacts, page.NextCursor = data.Paginate(rows, limit, artifactFromRow)
	return page, nil
}
