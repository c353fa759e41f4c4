package seed

import (
	"math"
	"math/rand/v2"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/write"
)

// sessionGen builds one session's exchanges. Its PRNG is seeded from the session's index alone,
// so a session's rows do not depend on which sessions were generated before it.
type sessionGen struct {
	r         *rand.Rand
	z         *rand.Zipf // vocabulary ranks
	fz        *rand.Zipf // file ranks within the repo
	dev       *developer
	team      *team
	repo      repo
	prov      *provider
	model     model
	transport string
	thinking  bool // the session runs with extended thinking (reasoning tokens)
	anchor    time.Time
}

// turn outcome kinds.
const (
	kindOK = iota
	kindError
	kindIncomplete
)

// Rates per turn (the first turn is always OK so that every session has a usable turn).
const (
	errorRate      = 0.008
	incompleteRate = 0.004
	unpricedRate   = 0.01
)

// generate returns the session (with totals equal to the sums of its turns) and its exchanges in
// capture order.
func (w *world) generate(cfg Config, p plan) (data.Session, []write.Exchange) {
	r := rand.New(rand.NewPCG(cfg.Seed, 0x5e55_0000_0000_0000|uint64(p.index)))
	dev := &w.devs[p.dev]
	g := &sessionGen{r: r, dev: dev, team: &w.teams[dev.team], anchor: cfg.Anchor}
	g.z = newZipf(r)
	g.fz = rand.NewZipf(r, 1.2, 1, filesPerRepo-1)
	g.repo = g.team.repos[dev.repo]
	if r.IntN(100) < 35 {
		g.repo = g.team.repos[r.IntN(len(g.team.repos))]
	}
	pi := dev.provider
	if r.IntN(5) == 0 {
		pi = pickCum(r, w.provCum)
	}
	g.prov = &w.providers[pi]
	var mcum []float64
	for _, m := range g.prov.models {
		mcum = appendCum(mcum, m.weight)
	}
	g.model = g.prov.models[pickCum(r, mcum)]
	g.transport = g.prov.transport
	if g.transport == data.TransportWebSocket && r.IntN(5) < 2 {
		g.transport = data.TransportHTTPSSE
	}
	g.thinking = g.prov.family != famAnthropic || r.IntN(100) < 35

	s := data.Session{
		ID: uuid7(r, p.start), Provider: g.prov.name, Model: g.model.request, Client: g.prov.client,
		ClientVersion: g.prov.versions[r.IntN(len(g.prov.versions))], Developer: dev.name, Team: g.team.name,
		Repo: g.repo.name, Branch: "main", Intent: g.intent(), StartedAt: p.start,
	}
	if r.IntN(100) < 85 {
		s.ExternalID = uuid4(r)
	}
	if r.IntN(100) < 60 {
		s.Branch = dev.first + "/" + g.word() + "-" + g.ident()
	}

	kinds := make([]int, p.turns)
	eligible := make([]float64, p.turns) // tool-call weights; 0 = this turn makes no calls
	for k := range kinds {
		if k > 0 {
			switch x := r.Float64(); {
			case x < errorRate:
				kinds[k] = kindError
			case x < errorRate+incompleteRate:
				kinds[k] = kindIncomplete
			}
		}
		if kinds[k] == kindOK && (k < p.turns-1 || p.turns == 1) {
			eligible[k] = 0.15 + r.ExpFloat64()
		}
	}
	calls := apportion(p.toolCalls, eligible)
	if p.toolCalls > 0 && sum(eligible) == 0 { // a session whose non-final turns all failed
		calls[0] = p.toolCalls
	}
	return g.turns(s, kinds, calls)
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// tokenState is the conversation between turns: the fixed system prompt, what earlier requests
// already sent (the cacheable prefix) and what is new since the last request.
type tokenState struct {
	system, prefix, pending int64
	cold                    bool // nothing cached yet: the first turn, or right after compaction
	cacheTTL1h              bool
}

func (g *sessionGen) turns(s data.Session, kinds []int, calls []int) (data.Session, []write.Exchange) {
	r := g.r
	out := make([]write.Exchange, len(kinds))
	c := tokenState{system: 6000 + int64(r.IntN(16000)), cold: true, cacheTTL1h: r.IntN(100) < 30}
	c.pending = 60 + int64(r.IntN(300))
	t := s.StartedAt
	var prev []data.ToolCall
	followUp := true // the first turn opens with the developer's prompt
	for k, kind := range kinds {
		x := &out[k]
		x.Turn = g.turn(s, k, t, kind, calls[k], &c)
		tn := &x.Turn
		for i := 0; i < calls[k]; i++ {
			tc := g.toolCall(i, t)
			tc.TurnID, tc.SessionID, tc.CreatedAt = tn.ID, s.ID, t
			x.ToolCalls = append(x.ToolCalls, tc)
		}
		for _, pc := range prev {
			if kind == kindError {
				break // the retry that succeeds is the request the gateway links results to
			}
			bad := r.IntN(100) < 4
			if pc.Name == "Bash" || pc.Name == "shell" || pc.Name == "run_shell_command" {
				bad = r.IntN(100) < 12
			}
			x.ToolResults = append(x.ToolResults, data.ToolResult{
				ID: uuid7(r, t), SessionID: s.ID, ToolUseID: pc.ToolUseID, ResultTurnID: tn.ID, IsError: bad, SeenAt: t,
			})
		}
		g.texts(x, k, kind, followUp, len(prev) > 0, s.Intent, len(kinds))
		for i := range x.Texts {
			x.Texts[i].TurnID, x.Texts[i].SessionID, x.Texts[i].StartedAt = tn.ID, s.ID, t
		}
		g.anomalies(x, s)
		if kind != kindError {
			prev = x.ToolCalls
		}
		followUp = kind == kindOK && calls[k] == 0

		// Fold the turn into the session exactly as the writer's upsert does.
		s.TurnCount++
		s.Usage = s.Usage.Add(tn.Usage)
		if tn.CostMicros == nil {
			s.UnpricedTurns++
		} else {
			s.CostMicros += *tn.CostMicros
		}
		last := tn.StartedAt
		if tn.EndedAt != nil {
			last = *tn.EndedAt
		}
		if last.After(s.LastActivityAt) {
			s.LastActivityAt = last
		}

		// The next request leaves after the tools ran, a retry backoff, or the developer's reply.
		end := last
		var gap time.Duration
		switch {
		case kind == kindError:
			gap = time.Duration(1+r.IntN(10)) * time.Second
		case calls[k] > 0:
			for range calls[k] {
				gap += seconds(logNormal(r, 1.2, 1.0, 60))
			}
			c.pending = tn.Usage.OutputTokens + int64(calls[k])*int64(logNormal(r, 500, 1.0, 20000))
		default:
			gap = seconds(logNormal(r, 60, 1.0, 900))
			c.pending = tn.Usage.OutputTokens + 30 + int64(r.IntN(300))
		}
		if end.After(g.anchor.Add(-time.Hour)) { // never run past the anchor
			gap = time.Second
		}
		t = end.Add(gap).Truncate(time.Microsecond)
	}
	for i := range out {
		out[i].Session = s
	}
	return s, out
}

// logNormal draws around median with spread sigma, capped at max.
func logNormal(r *rand.Rand, median, sigma, max float64) float64 {
	return math.Min(median*math.Exp(sigma*r.NormFloat64()), max)
}

func seconds(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }
