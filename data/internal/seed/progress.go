package seed

import (
	"log/slog"
	"time"
)

// progress counts rows as batches land and logs throughput every few seconds, so a long seed
// shows it is alive and how long it has left.
type progress struct {
	log        *slog.Logger
	total      int64 // turns
	sum        Summary
	start      time.Time
	last       time.Time
	lastRows   int64
	reportEach time.Duration
}

func newProgress(log *slog.Logger, totalTurns int64) *progress {
	now := time.Now()
	return &progress{log: log, total: totalTurns, start: now, last: now, reportEach: 5 * time.Second}
}

func (p *progress) add(batch []Item) {
	for i := range batch {
		it := &batch[i]
		if it.First {
			p.sum.Sessions++
		}
		p.sum.Turns++
		p.sum.ToolCalls += int64(len(it.ToolCalls))
		p.sum.ToolResults += int64(len(it.ToolResults))
		p.sum.Texts += int64(len(it.Texts))
		p.sum.Anomalies += int64(len(it.Anomalies))
	}
	now := time.Now()
	if now.Sub(p.last) < p.reportEach && p.sum.Turns < p.total {
		return
	}
	rows := p.sum.Rows()
	elapsed := now.Sub(p.start)
	rate := float64(rows-p.lastRows) / now.Sub(p.last).Seconds()
	eta := time.Duration(float64(elapsed) * float64(p.total-p.sum.Turns) / float64(max(p.sum.Turns, 1)))
	p.log.Info("progress", "turns", p.sum.Turns, "of", p.total, "rows", rows,
		"rows_per_s", int64(rate), "elapsed", elapsed.Round(time.Second), "eta", eta.Round(time.Second))
	p.last, p.lastRows = now, rows
}
