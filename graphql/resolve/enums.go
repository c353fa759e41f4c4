package resolve

import (
	"context"
	"strings"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/graphql/internal/gen/model"
)

// The schema's enums are the data module's lowercase values in upper case; these resolvers map
// one to the other.

type turnTextResolver struct{ *Resolver }

func (turnTextResolver) Role(_ context.Context, t *data.TurnText) (model.TextRole, error) {
	return model.TextRole(strings.ToUpper(t.Role)), nil
}

type anomalyResolver struct{ *Resolver }

func (anomalyResolver) Severity(_ context.Context, a *data.Anomaly) (model.Severity, error) {
	return model.Severity(strings.ToUpper(a.Severity)), nil
}

type alertResolver struct{ *Resolver }

func (alertResolver) Severity(_ context.Context, a *data.Alert) (model.Severity, error) {
	return model.Severity(strings.ToUpper(a.Severity)), nil
}

type apiKeyResolver struct{ *Resolver }

func (apiKeyResolver) Role(_ context.Context, k *data.APIKey) (model.KeyRole, error) {
	return model.KeyRole(strings.ToUpper(k.Role)), nil
}

type statsRowResolver struct{ *Resolver }

// Bucket is null for rows not split by time (data leaves the zero time there).
func (statsRowResolver) Bucket(_ context.Context, r *data.StatsRow) (*time.Time, error) {
	if r.Bucket.IsZero() {
		return nil, nil
	}
	return &r.Bucket, nil
}

// lower maps an optional enum argument to data's filter value ("" = do not filter).
func lower[E ~string](e *E) string {
	if e == nil {
		return ""
	}
	return strings.ToLower(string(*e))
}
