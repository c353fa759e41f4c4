package data

import (
	"context"
	"time"
)

// Stats bounds.
const (
	DefaultStatsRange = 30 * 24 * time.Hour
	maxStatsBuckets   = 10_000
)

var validDims = map[string]bool{DimNone: true, DimProvider: true, DimModel: true, DimDeveloper: true, DimTeam: true, DimRepo: true}
var bucketWidth = map[string]time.Duration{BucketNone: 0, BucketHour: time.Hour, BucketDay: 24 * time.Hour}

// Stats sums turns in [From, To) (default: the last 30 days) grouped by one dimension and
// optionally by hour or day.
func (a *API) Stats(ctx context.Context, q StatsQuery) ([]StatsRow, error) {
	if !validDims[q.GroupBy] {
		return nil, Errorf(EINVALID, "group_by must be one of provider, model, developer, team, repo; got %q", q.GroupBy)
	}
	width, ok := bucketWidth[q.Bucket]
	if !ok {
		return nil, Errorf(EINVALID, "bucket must be hour or day; got %q", q.Bucket)
	}
	if q.To.IsZero() {
		q.To = a.now().UTC()
	}
	if q.From.IsZero() {
		q.From = q.To.Add(-DefaultStatsRange)
	}
	if !q.From.Before(q.To) {
		return nil, Errorf(EINVALID, "from must be before to")
	}
	if width > 0 && q.To.Sub(q.From)/width > maxStatsBuckets {
		return nil, Errorf(EINVALID, "%s buckets over this range would exceed %d; use day buckets or a shorter range", q.Bucket, maxStatsBuckets)
	}
	rows, err := a.store.Stats(ctx, q)
	if err == nil {
		err = a.repriceStats(ctx, q, rows)
	}
	if rows == nil && err == nil {
		rows = []StatsRow{}
	}
	return rows, err
}

// ListAnomalies returns anomalies, newest first, masked.
func (a *API) ListAnomalies(ctx context.Context, f AnomalyFilter, opt ReadOptions) (AnomalyPage, error) {
	var err error
	if f.Limit, err = limit(f.Limit); err != nil {
		return AnomalyPage{}, err
	}
	m, err := a.begin(ctx, opt, "list_anomalies")
	if err != nil {
		return AnomalyPage{}, err
	}
	p, err := a.store.ListAnomalies(ctx, f)
	for i := range p.Anomalies {
		p.Anomalies[i].Message = m.String(p.Anomalies[i].Message)
		p.Anomalies[i].Detail = m.String(p.Anomalies[i].Detail)
	}
	return p, err
}
