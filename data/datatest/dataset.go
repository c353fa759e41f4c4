package datatest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/write"
)

// Base is the dataset's first instant. Every time in the dataset is derived from it.
var Base = time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)

type sessionSpec struct {
	id, external, provider, model, client, developer, team, repo string
	start                                                        time.Duration
	turns                                                        int
}

// sessions spread over three days, two teams, three developers and three providers, so every
// filter and grouping has something to separate.
var sessions = []sessionSpec{
	{"s-01", "ext-aaaa", "anthropic", "claude-sonnet-4-5", "claude-code", "alice", "platform", "recondo", 0, 4},
	{"s-02", "", "openai", "gpt-5.1-codex", "codex", "bob", "platform", "recondo", 30 * time.Minute, 3},
	{"s-03", "ext-cccc", "anthropic", "claude-opus-4-5", "claude-code", "carol", "payments", "ledger", 26 * time.Hour, 5},
	{"s-04", "", "google", "gemini-2.5-pro", "gemini-cli", "alice", "platform", "ledger", 27 * time.Hour, 2},
	{"s-05", "ext-eeee", "openai", "gpt-5.1-codex", "codex", "carol", "payments", "ledger", 50 * time.Hour, 3},
	{"s-06", "", "anthropic", "claude-new-unpriced", "claude-code", "bob", "platform", "recondo", 51 * time.Hour, 2},
}

// hash names a fake object: distinct per kind and turn, shaped like a real SHA-256.
func hash(kind string, n int) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s-%d", kind, n)))
	return hex.EncodeToString(sum[:])
}

// Exchanges builds the dataset: deterministic ids, times, usage and texts.
func Exchanges() []write.Exchange {
	var out []write.Exchange
	n := 0
	for si, s := range sessions {
		for k := 0; k < s.turns; k++ {
			n++
			start := Base.Add(s.start + time.Duration(k)*2*time.Minute)
			first := start.Add(350 * time.Millisecond)
			end := start.Add(4*time.Second + time.Duration(k)*time.Millisecond)
			cost := int64(1000*(si+1) + 17*k)
			costp := &cost
			if s.model == "claude-new-unpriced" {
				costp = nil
			}
			turnID := fmt.Sprintf("t-%02d-%d", si+1, k+1)
			t := data.Turn{
				ID: turnID, StartedAt: start, FirstByteAt: &first, EndedAt: &end,
				Host: hostOf(s.provider), Method: "POST", Path: "/v1/messages", Status: 200,
				Transport: data.TransportHTTPSSE, Provider: s.provider, API: s.provider + ".api",
				RequestModel: s.model, Model: s.model, ResponseID: "resp-" + turnID, RequestID: "req-" + turnID,
				RequestSHA256: hash("req", n), RequestSize: int64(1000 + n), ResponseSHA256: hash("resp", n), ResponseSize: int64(2000 + n),
				Usage: data.Usage{
					InputTokens: int64(100 * (k + 1)), CacheReadTokens: int64(50 * k), CacheWrite5mTokens: int64(10 * si),
					CacheWrite1hTokens: int64(k), OutputTokens: int64(40 + k), ReasoningTokens: int64(k * 3),
				},
				UsageNative: `{"input_tokens":1}`, CostMicros: costp,
				StopReason: "end_turn", StopReasonNormalized: "end_turn", Complete: true, Parsed: true,
				Developer: s.developer, Team: s.team, Repo: s.repo, Client: s.client, ClientVersion: "1.0." + fmt.Sprint(si),
			}
			if si == 2 && k == 4 { // one broken stream
				t.Complete, t.Error, t.StopReasonNormalized, t.Status = false, "upstream closed mid-stream", "error", 200
			}
			if si == 4 && k == 2 {
				t.Status, t.Error = 529, "overloaded"
			}
			x := write.Exchange{
				Session: data.Session{
					ID: s.id, ExternalID: s.external, Provider: s.provider, Model: s.model, Client: s.client,
					ClientVersion: t.ClientVersion, Developer: s.developer, Team: s.team, Repo: s.repo, Branch: "main",
					Intent: fmt.Sprintf("Fix the flaky test in %s", s.repo),
				},
				Turn: t,
				Texts: []data.TurnText{
					{Role: data.RoleUser, Body: fmt.Sprintf("Please deploy %s to staging; the config is in /home/%s/src/%s/deploy.yaml (turn %d)", s.repo, s.developer, s.repo, k+1)},
					{Role: data.RoleAssistant, Body: fmt.Sprintf("I will run the migration for %s first. Checking /home/%s/src/%s/deploy.yaml now.", s.repo, s.developer, s.repo)},
				},
			}
			if k%2 == 0 {
				x.ToolCalls = []data.ToolCall{
					{ID: turnID + "-c0", Index: 0, ToolUseID: "toolu_" + turnID + "_0", Name: "Read", Arguments: fmt.Sprintf(`{"file_path":"/home/%s/src/%s/main.go"}`, s.developer, s.repo)},
					{ID: turnID + "-c1", Index: 1, ToolUseID: "toolu_" + turnID + "_1", Name: "Bash", Arguments: `{"command":"go test ./..."}`, ArgumentsRaw: ptr(`{"command":` + `"go test ./..."}`)},
				}
				x.Artifacts = []write.ArtifactOf{
					{ToolCallIndex: 0, Action: data.ActionRead, Path: fmt.Sprintf("/home/%s/src/%s/main.go", s.developer, s.repo)},
					{ToolCallIndex: 1, Action: data.ActionRun, Command: "go test ./..."},
				}
			}
			if k%2 == 1 { // the result of the previous turn's calls; the Bash one failed
				prev := fmt.Sprintf("t-%02d-%d", si+1, k)
				x.ToolResults = []data.ToolResult{
					{ID: turnID + "-r0", ToolUseID: "toolu_" + prev + "_0"},
					{ID: turnID + "-r1", ToolUseID: "toolu_" + prev + "_1", IsError: true},
				}
				x.Texts = append(x.Texts, data.TurnText{Role: data.RoleToolResult, Body: "FAIL: TestLedger (0.01s) in C:\\Users\\" + s.developer + "\\ledger_test.go"})
			}
			if costp == nil {
				x.Anomalies = append(x.Anomalies, data.Anomaly{ID: "a-" + turnID, Kind: data.AnomalyUnpricedModel, Severity: data.SeverityWarning, Message: "model " + s.model + " has no price", Detail: `{"model":"` + s.model + `"}`})
			}
			if si == 2 && k == 1 {
				x.Anomalies = append(x.Anomalies, data.Anomaly{ID: "a-" + turnID, Kind: data.AnomalySecretExposure, Severity: data.SeverityCritical, Message: "AWS key in prompt"})
			}
			out = append(out, x)
		}
	}
	return out
}

func hostOf(provider string) string {
	switch provider {
	case "anthropic":
		return "api.anthropic.com"
	case "openai":
		return "api.openai.com"
	default:
		return "generativelanguage.googleapis.com"
	}
}

func ptr[T any](v T) *T { return &v }
