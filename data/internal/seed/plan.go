package seed

import (
	"math"
	"math/rand/v2"
	"sort"
	"time"
)

// maxTurnsPerSession keeps every session readable in one ListTurns page (the API's max is 500).
const maxTurnsPerSession = 480

// plan is what is decided about a session before any of its turns exist: when it starts, who runs
// it, how many turns and tool calls it has. Plans are small (50,000 fit in a few MB); turns are
// generated from them one session at a time.
type plan struct {
	index     int
	start     time.Time
	dev       int
	turns     int
	toolCalls int
}

// makePlans lays out every session, ordered by start time. Turn and tool-call counts are exact:
// they sum to cfg.Turns and cfg.ToolCalls.
func makePlans(cfg Config, w *world, r *rand.Rand) []plan {
	starts := sessionStarts(cfg, r)
	// Session length is log-normal (median ~0.6× the mean, a long tail of marathon sessions).
	weights := randWeights(cfg.Sessions, func() float64 { return math.Exp(0.9 * r.NormFloat64()) })
	turns := capped(cfg.Turns-cfg.Sessions, weights, maxTurnsPerSession-1)
	plans := make([]plan, cfg.Sessions)
	turnWeights := make([]float64, cfg.Sessions)
	for i := range plans {
		plans[i] = plan{index: i, start: starts[i], dev: pickCum(r, w.devCum), turns: 1 + turns[i]}
		turnWeights[i] = float64(plans[i].turns)
	}
	// Tool calls follow turns: a long session makes proportionally more calls.
	for i, n := range apportion(cfg.ToolCalls, turnWeights) {
		plans[i].toolCalls = n
	}
	return plans
}

// capped apportions total by weights with no share above max, handing any excess to the others.
func capped(total int, weights []float64, max int) []int {
	out := apportion(total, weights)
	for {
		excess := 0
		for i, n := range out {
			if n > max {
				excess += n - max
				out[i], weights[i] = max, 0
			}
		}
		if excess == 0 {
			return out
		}
		for i, n := range apportion(excess, weights) {
			out[i] += n
		}
	}
}

// sessionStarts draws start times over the window before the anchor: weekdays busier than
// weekends, office hours busier than nights, and usage growing over the quarter as adoption does.
// The last 12 hours stay empty so that every session has ended by the anchor.
func sessionStarts(cfg Config, r *rand.Rand) []time.Time {
	from := cfg.Anchor.Add(-Window)
	to := cfg.Anchor.Add(-12 * time.Hour)
	days := int(Window / (24 * time.Hour))
	var cum []float64
	for d := 0; d < days; d++ {
		wd := from.Add(time.Duration(d) * 24 * time.Hour).Weekday()
		w := 0.6 + 0.8*float64(d)/float64(days)
		if wd == time.Saturday || wd == time.Sunday {
			w *= 0.15
		}
		cum = appendCum(cum, w)
	}
	out := make([]time.Time, 0, cfg.Sessions)
	for len(out) < cfg.Sessions {
		day := from.Add(time.Duration(pickCum(r, cum)) * 24 * time.Hour).Truncate(24 * time.Hour)
		var hours float64
		switch x := r.Float64(); {
		case x < 0.45:
			hours = 10.5 + 1.8*r.NormFloat64()
		case x < 0.9:
			hours = 15 + 2*r.NormFloat64()
		default:
			hours = 24 * r.Float64()
		}
		t := day.Add(time.Duration(hours * float64(time.Hour)))
		if t.Before(from) || !t.Before(to) || hours < 0 || hours >= 24 {
			continue
		}
		out = append(out, t.Truncate(time.Microsecond))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}
