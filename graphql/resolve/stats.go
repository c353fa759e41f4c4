package resolve

import (
	"context"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/graphql/internal/gen/model"
)

func (r *queryResolver) Stats(ctx context.Context, groupBy *model.StatsDimension, bucket *model.StatsBucket, from, to *time.Time, filter *model.StatsFilter) ([]data.StatsRow, error) {
	q := data.StatsQuery{GroupBy: lower(groupBy), Bucket: lower(bucket)}
	if from != nil {
		q.From = *from
	}
	if to != nil {
		q.To = *to
	}
	if filter != nil {
		q.Provider, q.Model, q.Developer = deref(filter.Provider), deref(filter.Model), deref(filter.Developer)
		q.Team, q.Repo = deref(filter.Team), deref(filter.Repo)
	}
	audit(ctx)
	return r.API.Stats(ctx, q)
}
