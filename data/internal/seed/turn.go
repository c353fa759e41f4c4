package seed

import (
	"strings"
	"time"

	"github.com/recondo/recondo/data"
)

// turn builds one captured exchange's turn row, advancing the token state.
func (g *sessionGen) turn(s data.Session, k int, t time.Time, kind, calls int, c *tokenState) data.Turn {
	r, p := g.r, g.prov
	tn := data.Turn{
		ID: uuid7(r, t), SessionID: s.ID, Seq: int64(k + 1), StartedAt: t, Host: p.host, Method: "POST",
		Path: strings.Replace(p.path, "%s", g.model.response, 1), Status: 200, Transport: g.transport,
		Provider: p.name, API: p.api, RequestModel: g.model.request, Model: g.model.response,
		RequestSHA256: randHex(r, 64), ResponseSHA256: randHex(r, 64), Complete: true, Parsed: true,
		Developer: s.Developer, Team: s.Team, Repo: s.Repo, Client: s.Client, ClientVersion: s.ClientVersion,
	}
	g.ids(&tn)
	first := t.Add(seconds(logNormal(r, 0.9, 0.5, 15))).Truncate(time.Microsecond)
	tn.FirstByteAt = &first
	if kind == kindError {
		tn.Status = []int{429, 500, 529, 503}[r.IntN(4)]
		tn.Error = map[int]string{429: "rate_limit_error: rate limited", 500: "api_error: internal server error",
			529: "overloaded_error: overloaded", 503: "service unavailable"}[tn.Status]
		tn.Model, tn.ResponseID, tn.StopReasonNormalized = "", "", "error"
		tn.RequestSize = (c.system+c.prefix+c.pending)*4 + 2048
		tn.ResponseSize = int64(120 + r.IntN(200))
		end := first.Add(time.Duration(r.IntN(50_000)) * time.Microsecond)
		tn.EndedAt = &end
		tn.UsageNative = "{}"
		zero := int64(0) // nothing was billed: a known price of zero
		tn.CostMicros = &zero
		return tn
	}
	// Turns that only call tools say little; answers say more.
	out := int64(logNormal(r, 450, 0.8, 8000))
	if calls > 0 {
		out = int64(logNormal(r, 150, 0.8, 4000))
	}
	out = max(out, 1)
	u := g.usage(out, c)
	end := first.Add(seconds(float64(out) / (40 + 80*r.Float64()))).Truncate(time.Microsecond)
	tn.EndedAt = &end
	tn.StopReason, tn.StopReasonNormalized = g.stopReason(calls > 0)
	if kind == kindIncomplete {
		u.OutputTokens /= 2
		u.ReasoningTokens /= 2
		tn.Complete, tn.Error, tn.StopReason, tn.StopReasonNormalized = false, "upstream closed the stream mid-response", "", "error"
		if r.IntN(2) == 0 {
			tn.EndedAt = nil // the gateway never saw the stream end
		}
	}
	tn.Usage = u
	tn.UsageNative = g.usageNative(u)
	tn.RequestSize = (u.TotalInput())*4 + 2048
	tn.ResponseSize = u.OutputTokens*9 + 800
	if p.family == famGoogle && r.IntN(2) == 0 {
		tn.ResponseEncoding = "gzip"
		tn.ResponseSize /= 4
	}
	if r.Float64() < unpricedRate {
		tn.Model = p.unpriced
		tn.Path = strings.Replace(p.path, "%s", p.unpriced, 1)
	} else {
		cost := g.cost(u)
		tn.CostMicros = &cost
	}
	return tn
}

// stopReason is the provider's own reason and its normalised form; the caller fixes it up for
// turns that make tool calls.
func (g *sessionGen) stopReason(tools bool) (string, string) {
	norm := "end_turn"
	if tools {
		norm = "tool_use"
	} else if g.r.IntN(300) == 0 {
		norm = "max_tokens"
	}
	switch g.prov.family {
	case famAnthropic:
		return norm, norm
	case famGoogle:
		if norm == "max_tokens" {
			return "MAX_TOKENS", norm
		}
		return "STOP", norm
	}
	if norm == "max_tokens" {
		return "max_output_tokens", norm
	}
	return "completed", norm
}

func (g *sessionGen) ids(tn *data.Turn) {
	r := g.r
	switch g.prov.family {
	case famAnthropic:
		tn.ResponseID = "msg_01" + randBase62(r, 22)
		tn.RequestID = "req_011C" + randBase62(r, 20)
		if g.prov.name != "anthropic" {
			tn.ResponseID = "msg_bdrk_01" + randBase62(r, 22)
			tn.RequestID = uuid4(r)
		}
	case famOpenAI:
		tn.ResponseID = "resp_" + randHex(r, 48)
		tn.RequestID = "req_" + randHex(r, 32)
	default:
		tn.ResponseID = randBase62(r, 22)
	}
}
