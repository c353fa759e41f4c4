package seed

import (
	"math"
	"math/rand/v2"
	"strconv"
)

// world is the cast every session draws from: teams with their repos, developers with their
// habits, and the providers in play.
type world struct {
	providers []provider
	teams     []team
	devs      []developer
	devCum    []float64 // cumulative developer activity, for weighted picks
	provCum   []float64
}

type team struct {
	name  string
	repos []repo
}

type repo struct {
	name string
	lang string // go, ts or py: decides file names, commands and code snippets
}

type developer struct {
	name     string // first.last, as the gateway learns it from the agent's identity
	first    string
	team     int
	provider int // usual provider; a fifth of sessions use another
	repo     int // usual repo within the team
	home     string
}

func newWorld(cfg Config, r *rand.Rand) *world {
	w := &world{providers: catalogue[:cfg.Providers]}
	for _, p := range w.providers {
		w.provCum = appendCum(w.provCum, p.share)
	}
	langs := []string{"go", "ts", "py"}
	for i := 0; i < cfg.Teams; i++ {
		name := teamNames[i%len(teamNames)]
		if i >= len(teamNames) {
			name += strconv.Itoa(i / len(teamNames))
		}
		t := team{name: name}
		for j, n := 0, 2+r.IntN(5); j < n; j++ {
			t.repos = append(t.repos, repo{name: name + "-" + repoSuffixes[j], lang: langs[r.IntN(len(langs))]})
		}
		w.teams = append(w.teams, t)
	}
	// Team sizes vary (weights 0.5..2) but every team gets at least one developer.
	sizes := apportion(cfg.Developers-cfg.Teams, randWeights(cfg.Teams, func() float64 { return 0.5 + 1.5*r.Float64() }))
	seen := map[string]int{}
	for ti, extra := range sizes {
		for k := 0; k <= extra; k++ {
			first := firstNames[r.IntN(len(firstNames))]
			name := first + "." + lastNames[r.IntN(len(lastNames))]
			seen[name]++
			if n := seen[name]; n > 1 {
				name += strconv.Itoa(n)
			}
			home := "/home/" + first + "/src/"
			if r.IntN(10) < 6 {
				home = "/Users/" + first + "/code/"
			}
			w.devs = append(w.devs, developer{
				name: name, first: first, team: ti, provider: pickCum(r, w.provCum),
				repo: r.IntN(len(w.teams[ti].repos)), home: home,
			})
			// Activity is heavy-tailed: a few developers run agents all day, most now and then.
			w.devCum = appendCum(w.devCum, math.Exp(0.9*r.NormFloat64()))
		}
	}
	return w
}

func randWeights(n int, f func() float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = f()
	}
	return out
}

func appendCum(cum []float64, w float64) []float64 {
	last := 0.0
	if len(cum) > 0 {
		last = cum[len(cum)-1]
	}
	return append(cum, last+w)
}

// pickCum picks an index with probability proportional to its weight.
func pickCum(r *rand.Rand, cum []float64) int {
	x := r.Float64() * cum[len(cum)-1]
	lo, hi := 0, len(cum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if cum[mid] > x {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// apportion splits total into len(weights) non-negative integers proportional to the weights
// that sum to total exactly (cumulative rounding: no drift, no remainder to patch up).
func apportion(total int, weights []float64) []int {
	out := make([]int, len(weights))
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	if sum <= 0 || total <= 0 {
		if len(out) > 0 && total > 0 {
			out[0] = total
		}
		return out
	}
	cum, prev := 0.0, 0
	for i, w := range weights {
		cum += w
		next := int(math.Round(float64(total) * cum / sum))
		if i == len(weights)-1 {
			next = total
		}
		out[i] = next - prev
		prev = next
	}
	return out
}
