package resolve

import (
	"context"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/graphql/internal/gen/model"
)

func (r *queryResolver) Anomalies(ctx context.Context, first *int, after *string, filter *model.AnomalyFilter) (*model.AnomalyConnection, error) {
	n, err := pageSize(first)
	if err != nil {
		return nil, err
	}
	f := data.AnomalyFilter{Limit: n, Cursor: deref(after)}
	if filter != nil {
		f.Kind, f.Severity, f.SessionID = deref(filter.Kind), lower(filter.Severity), deref(filter.SessionID)
		if filter.From != nil {
			f.From = *filter.From
		}
		if filter.To != nil {
			f.To = *filter.To
		}
	}
	audit(ctx)
	page, err := r.API.ListAnomalies(ctx, f, data.ReadOptions{})
	if err != nil {
		return nil, err
	}
	conn := &model.AnomalyConnection{Edges: make([]model.AnomalyEdge, len(page.Anomalies)), PageInfo: pageInfo(page.NextCursor)}
	for i := range page.Anomalies {
		a := &page.Anomalies[i]
		conn.Edges[i] = model.AnomalyEdge{Cursor: data.EncodeCursor(a.CreatedAt, a.ID), Node: a}
	}
	return conn, nil
}

func (r *queryResolver) Alerts(ctx context.Context, unacknowledgedOnly *bool, first *int) ([]data.Alert, error) {
	n, err := pageSize(first)
	if err != nil {
		return nil, err
	}
	audit(ctx)
	return orEmpty(r.API.ListAlerts(ctx, unacknowledgedOnly != nil && *unacknowledgedOnly, n))
}
