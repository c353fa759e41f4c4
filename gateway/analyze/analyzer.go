package analyze

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/write"
	"github.com/recondo/recondo/gateway/capture"
	"github.com/recondo/recondo/gateway/providers"
)

// Pricer prices a turn from its usage. ok is false when no price is known for the model: the
// turn's cost is then NULL, never 0.
type Pricer interface {
	Cost(provider, model string, at time.Time, u data.Usage) (micros int64, ok bool)
}

// Analyzer implements ingest.Analyzer with the provider parsers.
type Analyzer struct {
	parsers  []providers.Parser
	pricer   Pricer
	sessions *Sessions
}

// New returns an analyzer over the given parsers (tried in order) and price list.
func New(parsers []providers.Parser, pricer Pricer, sessions *Sessions) *Analyzer {
	return &Analyzer{parsers: parsers, pricer: pricer, sessions: sessions}
}

// Analyze never fails on content: what it cannot parse it stores unparsed, with an anomaly.
func (a *Analyzer) Analyze(_ context.Context, rec *capture.Record) (write.Exchange, error) {
	m := rec.Meta
	t := baseTurn(m)
	x := write.Exchange{Turn: t}
	ex, decodeErr := exchangeOf(rec)
	p := a.parserFor(ex)
	if p == nil {
		// Not an LLM API call (e.g. chatgpt.com's plugin list, Claude Code's settings fetch): kept
		// as a plain exchange that billed no tokens, so it costs exactly 0 (not "unpriced").
		x.Session = data.Session{ID: stableID("conn", m.ConnID, m.ClientIdentity, m.StartedAt.Format("2006-01-02")), Developer: m.ClientIdentity}
		zero := int64(0)
		x.Turn.CostMicros = &zero
		return x, nil
	}
	if decodeErr != nil {
		x.Session = data.Session{ID: stableID("conn", m.ConnID, m.ClientIdentity, m.StartedAt.Format("2006-01-02")), Developer: m.ClientIdentity}
		x.Anomalies = append(x.Anomalies, unparsedAnomaly(fmt.Sprintf("bodies could not be decoded: %v", decodeErr)))
		return x, nil
	}
	r := safeParse(p, ex)
	a.applyResult(&x, m, &r)
	return x, nil
}

func (a *Analyzer) parserFor(ex *providers.Exchange) providers.Parser {
	for _, p := range a.parsers {
		if p.Match(ex) {
			return p
		}
	}
	return nil
}

// safeParse turns a parser panic (a bug) into an unparsed result: one bad body must not stop
// ingestion of everything after it.
func safeParse(p providers.Parser, ex *providers.Exchange) (r providers.Result) {
	defer func() {
		if v := recover(); v != nil {
			r = providers.Result{Unparsed: true, Reason: fmt.Sprintf("parser panic: %v", v)}
		}
	}()
	return p.Parse(ex)
}

func baseTurn(m capture.Meta) data.Turn {
	end := m.EndedAt
	return data.Turn{
		ID: m.ID, StartedAt: m.StartedAt, FirstByteAt: m.FirstByteAt, EndedAt: &end,
		Host: hostOnly(m.Host), Method: m.Method, Path: m.Path, Status: m.Status, Transport: transportOf(m),
		RequestSHA256: m.RequestSHA256, RequestSize: m.RequestSize, ResponseSHA256: m.ResponseSHA256, ResponseSize: m.ResponseSize,
		RequestEncoding: m.RequestEncoding, ResponseEncoding: m.ResponseEncoding,
		Complete: m.Complete, Error: m.Error, Developer: m.ClientIdentity,
	}
}

func (a *Analyzer) applyResult(x *write.Exchange, m capture.Meta, r *providers.Result) {
	t := &x.Turn
	t.Provider, t.API = r.Provider, r.API
	if r.Transport != "" {
		t.Transport = r.Transport
	}
	t.RequestModel, t.Model = r.RequestModel, r.Model
	if t.Model == "" {
		t.Model = r.RequestModel
	}
	t.ResponseID, t.RequestID = r.ResponseID, r.RequestID
	t.Client, t.ClientVersion = r.Client, r.ClientVersion
	if t.Client == "" { // a client the parser does not know: name it by its User-Agent
		t.Client = userAgentProduct(m.RequestHeaders)
		r.Client = t.Client
	}
	t.StopReason, t.StopReasonNormalized = r.StopReason, r.StopReasonNormalized
	t.Parsed = !r.Unparsed
	if !r.Unparsed {
		t.Complete = m.Complete && r.Complete
	}
	if r.Error != nil && t.Error == "" {
		t.Error = strings.TrimSpace(r.Error.Type + ": " + r.Error.Message)
	}
	if len(r.UsageNative) > 0 {
		t.UsageNative = string(r.UsageNative)
	}
	t.Usage = data.Usage{
		InputTokens: r.Usage.InputTokens, CacheReadTokens: r.Usage.CacheReadTokens,
		CacheWrite5mTokens: r.Usage.CacheWrite5m, CacheWrite1hTokens: r.Usage.CacheWrite1h,
		OutputTokens: r.Usage.OutputTokens, ReasoningTokens: r.Usage.ReasoningTokens,
	}
	if r.Unparsed {
		x.Anomalies = append(x.Anomalies, unparsedAnomaly(r.Reason))
	}
	a.price(x, r)

	ref := a.sessions.Resolve(r, m.ClientIdentity, m.ID, m.StartedAt)
	// The environment block first (its matches win), then the system prompt, where Claude Code
	// puts its gitStatus section with the current branch.
	git := ParseGitContext(r.Request.EnvironmentBlock + "\n" + r.Request.System)
	t.Repo = git.Repo
	x.Session = data.Session{
		ID: ref.ID, ExternalID: ref.External, ParentSessionID: ref.Parent, Provider: r.Provider, Model: t.Model,
		Client: r.Client, ClientVersion: r.ClientVersion, Developer: m.ClientIdentity,
		Repo: git.Repo, Branch: git.Branch, Intent: Intent(r.Request.FirstUserPrompt),
	}
	x.ToolCalls, x.Texts = toolCallsAndTexts(r)
	for _, tr := range r.Request.ToolResults {
		x.ToolResults = append(x.ToolResults, data.ToolResult{ToolUseID: tr.ToolUseID, IsError: tr.IsError})
	}
	x.Artifacts = Artifacts(r.ToolCalls)
}

// price sets the turn's cost, or leaves it NULL with an unpriced_model anomaly. A turn that
// billed no tokens (count_tokens, an error before any output) costs exactly 0.
func (a *Analyzer) price(x *write.Exchange, r *providers.Result) {
	t := &x.Turn
	if t.Usage == (data.Usage{}) {
		zero := int64(0)
		t.CostMicros = &zero
		return
	}
	if a.pricer != nil {
		if micros, ok := a.pricer.Cost(r.Provider, t.Model, t.StartedAt, t.Usage); ok {
			t.CostMicros = &micros
			return
		}
	}
	x.Anomalies = append(x.Anomalies, data.Anomaly{
		Kind: data.AnomalyUnpricedModel, Severity: data.SeverityWarning,
		Message: fmt.Sprintf("no price for %s model %q: cost unknown until one is added (recondo pricing add)", r.Provider, t.Model),
		Detail:  fmt.Sprintf(`{"provider":%q,"model":%q}`, r.Provider, t.Model),
	})
}

func unparsedAnomaly(reason string) data.Anomaly {
	return data.Anomaly{Kind: data.AnomalyUnparsed, Severity: data.SeverityInfo,
		Message: "exchange stored unparsed: " + reason, Detail: fmt.Sprintf(`{"reason":%q}`, reason)}
}

func toolCallsAndTexts(r *providers.Result) ([]data.ToolCall, []data.TurnText) {
	var calls []data.ToolCall
	var texts []data.TurnText
	for _, p := range r.Request.UserPrompts {
		if s := strings.TrimSpace(p); s != "" {
			texts = append(texts, data.TurnText{Role: data.RoleUser, Body: s})
		}
	}
	for _, tr := range r.Request.ToolResults {
		if tr.Content != "" {
			texts = append(texts, data.TurnText{Role: data.RoleToolResult, Body: tr.Content})
		}
	}
	if r.Thinking != "" {
		texts = append(texts, data.TurnText{Role: data.RoleThinking, Body: r.Thinking})
	}
	if r.ReasoningSummary != "" {
		texts = append(texts, data.TurnText{Role: data.RoleThinking, Body: r.ReasoningSummary})
	}
	if r.Text != "" {
		texts = append(texts, data.TurnText{Role: data.RoleAssistant, Body: r.Text})
	}
	for _, c := range r.ToolCalls {
		args := string(c.Arguments)
		if len(c.Arguments) == 0 || args == "null" {
			args = "{}"
		}
		calls = append(calls, data.ToolCall{Index: c.Index, ToolUseID: firstNonEmpty(c.ID, c.Name), Name: c.Name, Arguments: args, ArgumentsRaw: c.ArgumentsRaw})
		texts = append(texts, data.TurnText{Role: data.RoleToolUse, Body: c.Name + " " + args})
	}
	return calls, texts
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

func transportOf(m capture.Meta) string {
	if m.WebSocket {
		return data.TransportWebSocket
	}
	ct := ""
	for k, v := range m.ResponseHeaders {
		if strings.EqualFold(k, "Content-Type") && len(v) > 0 {
			ct = strings.ToLower(v[0])
		}
	}
	switch {
	case strings.HasPrefix(ct, "text/event-stream"):
		return data.TransportHTTPSSE
	case strings.HasPrefix(ct, "application/json"):
		return data.TransportHTTPJSON
	}
	return data.TransportHTTP
}

// userAgentProduct is the first product token of the User-Agent, lowercased ("curl/8.5" → "curl").
func userAgentProduct(h map[string][]string) string {
	for k, v := range h {
		if strings.EqualFold(k, "User-Agent") && len(v) > 0 {
			name, _, _ := strings.Cut(v[0], "/")
			name, _, _ = strings.Cut(name, " ")
			return strings.ToLower(name)
		}
	}
	return ""
}
