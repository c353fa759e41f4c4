package app_test

import (
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
)

// TestToolCallSessionAndContextFromTheWire: a Claude-Code-shaped conversation through the
// gateway yields one session with the agent's own id, its intent and git context, priced turns,
// and a tool call whose failed result (sent in the next request) is linked back to it.
func TestToolCallSessionAndContextFromTheWire(t *testing.T) {
	r := newRig(t, time.Millisecond)
	c := r.client(t)
	hdr := map[string]string{"X-Claude-Code-Session-Id": "9f0c2a8e-1111-4222-8333-944455556666", "User-Agent": "claude-cli/2.1.328 (external, cli)"}
	env := "<env>\nWorking directory: /home/alice/src/ledger\nIs directory a git repo: Yes\n</env>\ngitStatus: Current branch: main\nCurrent branch: fix/retry\n"
	tools := `[{"name":"Bash","description":"run","input_schema":{"type":"object","properties":{"command":{"type":"string"}}}}]`
	first := `{"model":"claude-sonnet-4-5","max_tokens":512,"stream":true,"system":` + jsonString("You are Claude Code.\n"+env) + `,"tools":` + tools +
		`,"messages":[{"role":"user","content":[{"type":"text","text":"<system-reminder>ignore me</system-reminder>"},{"type":"text","text":"Make the retry test pass"}]}]}`
	res := post(t, c, "https://api.anthropic.com/v1/messages", first, hdr)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	call := toolUseOf(t, string(body))

	second := `{"model":"claude-sonnet-4-5","max_tokens":512,"stream":true,"system":` + jsonString("You are Claude Code.\n"+env) + `,"tools":` + tools +
		`,"messages":[{"role":"user","content":[{"type":"text","text":"Make the retry test pass"}]},` +
		`{"role":"assistant","content":[{"type":"tool_use","id":"` + call + `","name":"Bash","input":{"command":"go test ./..."}}]},` +
		`{"role":"user","content":[{"type":"tool_result","tool_use_id":"` + call + `","is_error":true,"content":"FAIL retry_test.go"}]}]}`
	res = post(t, c, "https://api.anthropic.com/v1/messages", second, hdr)
	io.Copy(io.Discard, res.Body)
	res.Body.Close()

	turns := r.turns(t, 2)
	if turns[0].SessionID != turns[1].SessionID {
		t.Fatal("two requests with one agent session id landed in two sessions")
	}
	api := r.api(t)
	ctx := context.Background()
	s, err := api.GetSession(ctx, turns[0].SessionID, data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if s.ExternalID != hdr["X-Claude-Code-Session-Id"] || s.Intent != "Make the retry test pass" || s.Repo != "ledger" || s.Branch != "fix/retry" ||
		s.Client != "claude-code" || s.ClientVersion != "2.1.328" || s.TurnCount != 2 {
		t.Fatalf("session = %+v", s)
	}
	for _, tr := range turns {
		if !tr.Parsed || tr.Model != "claude-sonnet-4-5" || tr.Usage.OutputTokens == 0 || tr.CostMicros == nil || *tr.CostMicros <= 0 {
			t.Fatalf("turn not parsed and priced: %+v", tr)
		}
	}
	if s.CostMicros != *turns[0].CostMicros+*turns[1].CostMicros || s.UnpricedTurns != 0 {
		t.Fatalf("session cost %d is not the sum of its turns", s.CostMicros)
	}
	d, err := api.GetTurn(ctx, turns[0].ID, data.TurnOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.ToolCalls) != 1 || d.ToolCalls[0].Name != "Bash" || d.ToolCalls[0].ToolUseID != call ||
		!d.ToolCalls[0].ResultSeen || !d.ToolCalls[0].ResultError || d.ToolCalls[0].ResultTurnID != turns[1].ID {
		t.Fatalf("tool calls = %+v", d.ToolCalls)
	}
	hits, err := api.Search(ctx, data.SearchQuery{Text: "retry test pass"}, data.ReadOptions{})
	if err != nil || len(hits.Hits) == 0 {
		t.Fatalf("the prompt is not searchable: %+v %v", hits, err)
	}
}

func jsonString(s string) string { b, _ := json.Marshal(s); return string(b) }

// toolUseOf returns the id of the tool_use block in an Anthropic SSE body.
func toolUseOf(t *testing.T, sse string) string {
	for _, line := range strings.Split(sse, "\n") {
		if !strings.HasPrefix(line, "data: ") {
			continue
		}
		var ev struct {
			Type  string `json:"type"`
			Block struct {
				Type string `json:"type"`
				ID   string `json:"id"`
			} `json:"content_block"`
		}
		if json.Unmarshal([]byte(line[6:]), &ev) == nil && ev.Type == "content_block_start" && ev.Block.Type == "tool_use" {
			return ev.Block.ID
		}
	}
	t.Fatalf("the fake provider answered without a tool call:\n%s", sse)
	return ""
}
