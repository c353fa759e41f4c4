package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/internal/pgdb"
)

func artifactFromRow(r pgdb.Artifact) data.Artifact {
	return data.Artifact{ID: r.ID, SessionID: r.SessionID, TurnID: r.TurnID, ToolCallID: r.ToolCallID,
		Action: r.Action, Path: r.Path, Command: r.Command, CreatedAt: utc(r.CreatedAt)}
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
	var afterAt *time.Time
	var afterID pgtype.Text
	if cursor != "" {
		at, id, err := data.DecodeCursor(cursor)
		if err != nil {
			return data.ArtifactPage{}, err
		}
		afterAt, afterID = &at, pgtype.Text{String: id, Valid: true}
	}
	rows, err := s.q.ListPathArtifacts(ctx, pgdb.ListPathArtifactsParams{Path: path, AfterAt: afterAt, AfterID: afterID, Lim: int32(limit + 1)})
	if err != nil {
		return data.ArtifactPage{}, interpretError(err, "list path artifacts")
	}
	var page data.ArtifactPage
	page.Artifacts, page.NextCursor = data.Paginate(rows, limit, artifactFromRow)
	return page, nil
}
