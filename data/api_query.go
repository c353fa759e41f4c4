package data

import (
	"context"
	"time"
	"unicode/utf8"
)

// maxFilterBytes bounds one filter string; longer values cannot match anything real.
const maxFilterBytes = 1024

// FindTurns returns one page of turns across sessions, newest first, repriced and masked.
func (a *API) FindTurns(ctx context.Context, q TurnQuery, opt ReadOptions) (TurnPage, error) {
	var err error
	if q.Limit, err = limit(q.Limit); err != nil {
		return TurnPage{}, err
	}
	if err := checkRange(q.From, q.To); err != nil {
		return TurnPage{}, err
	}
	if err := checkFilters(map[string]string{"session_id": q.SessionID, "provider": q.Provider, "model": q.Model,
		"developer": q.Developer, "team": q.Team, "repo": q.Repo, "text": q.Text}); err != nil {
		return TurnPage{}, err
	}
	if q.Text != "" {
		if _, err := SearchWords(q.Text); err != nil {
			return TurnPage{}, err
		}
	}
	m, err := a.begin(ctx, opt, "find_turns")
	if err != nil {
		return TurnPage{}, err
	}
	p, err := a.store.FindTurns(ctx, q)
	if err == nil {
		err = a.repriceTurns(ctx, p.Turns)
	}
	if err != nil {
		return TurnPage{}, err
	}
	for i := range p.Turns {
		maskTurn(m, &p.Turns[i])
	}
	return p, nil
}

// FindToolCalls returns one page of tool calls across sessions, newest first, masked. The text
// filter reads the stored arguments, so it matches a path the answer shows masked.
func (a *API) FindToolCalls(ctx context.Context, q ToolCallQuery, opt ReadOptions) (ToolCallPage, error) {
	var err error
	if q.Limit, err = limit(q.Limit); err != nil {
		return ToolCallPage{}, err
	}
	if err := checkRange(q.From, q.To); err != nil {
		return ToolCallPage{}, err
	}
	if err := checkFilters(map[string]string{"session_id": q.SessionID, "name": q.Name, "provider": q.Provider,
		"model": q.Model, "developer": q.Developer, "team": q.Team, "repo": q.Repo, "text": q.Text}); err != nil {
		return ToolCallPage{}, err
	}
	m, err := a.begin(ctx, opt, "find_tool_calls")
	if err != nil {
		return ToolCallPage{}, err
	}
	p, err := a.store.FindToolCalls(ctx, q)
	if err != nil {
		return ToolCallPage{}, err
	}
	for i := range p.ToolCalls {
		maskToolCall(m, &p.ToolCalls[i])
	}
	return p, nil
}

// Latency returns duration percentiles of the turns Stats(q) would sum, per the same groups and
// buckets, with the same defaults and bounds. measure is MeasureTotal or MeasureFirstByte.
func (a *API) Latency(ctx context.Context, q StatsQuery, measure string) ([]LatencyRow, error) {
	if measure != MeasureTotal && measure != MeasureFirstByte {
		return nil, Errorf(EINVALID, "measure must be %s or %s; got %q", MeasureTotal, MeasureFirstByte, measure)
	}
	q, err := a.statsBounds(q)
	if err != nil {
		return nil, err
	}
	rows, err := a.store.LatencyPercentiles(ctx, q, measure)
	if rows == nil && err == nil {
		rows = []LatencyRow{}
	}
	return rows, err
}

// statsBounds validates q and fills its default range exactly as Stats does, so that Latency
// and Stats rows of one query line up.
func (a *API) statsBounds(q StatsQuery) (StatsQuery, error) {
	if !validDims[q.GroupBy] {
		return q, Errorf(EINVALID, "group_by must be one of provider, model, developer, team, repo; got %q", q.GroupBy)
	}
	width, ok := bucketWidth[q.Bucket]
	if !ok {
		return q, Errorf(EINVALID, "bucket must be hour or day; got %q", q.Bucket)
	}
	if q.To.IsZero() {
		q.To = a.now().UTC()
	}
	if q.From.IsZero() {
		q.From = q.To.Add(-DefaultStatsRange)
	}
	if !q.From.Before(q.To) {
		return q, Errorf(EINVALID, "from must be before to")
	}
	if width > 0 && q.To.Sub(q.From)/width > maxStatsBuckets {
		return q, Errorf(EINVALID, "%s buckets over this range would exceed %d; use day buckets or a shorter range", q.Bucket, maxStatsBuckets)
	}
	return q, checkFilters(map[string]string{"provider": q.Provider, "model": q.Model, "developer": q.Developer, "team": q.Team, "repo": q.Repo})
}

func checkRange(from, to time.Time) error {
	if !from.IsZero() && !to.IsZero() && !from.Before(to) {
		return Errorf(EINVALID, "from must be before to")
	}
	return nil
}

// checkFilters refuses filter values no row can hold and some engines cannot even take as a
// parameter: PostgreSQL rejects NUL bytes and invalid UTF-8 in text.
func checkFilters(values map[string]string) error {
	for name, v := range values {
		if len(v) > maxFilterBytes {
			return Errorf(EINVALID, "%s is longer than %d bytes", name, maxFilterBytes)
		}
		if !utf8.ValidString(v) {
			return Errorf(EINVALID, "%s is not valid UTF-8", name)
		}
		for _, r := range v {
			if r < 0x20 || r == 0x7f {
				return Errorf(EINVALID, "%s contains control characters", name)
			}
		}
	}
	return nil
}
