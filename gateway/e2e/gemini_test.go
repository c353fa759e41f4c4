package e2e_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/gateway/app"
	"github.com/recondo/recondo/gateway/fakeprovider"
	"github.com/recondo/recondo/gateway/proxy"
)

// TestGeminiCLIThroughGateway runs the real Gemini CLI headless through the gateway against the
// fake provider, whose script answers the main conversation with one run_shell_command call and
// then a final text, and checks what the read side shows against what the fake provider saw.
func TestGeminiCLIThroughGateway(t *testing.T) {
	gemini, version := ensureGemini(t)
	ctx := context.Background()

	fake, err := fakeprovider.Start(ctx, fakeprovider.Options{CADir: t.TempDir(), EventDelay: time.Millisecond, FirstByteDelay: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fake.Close() })
	dataDir := t.TempDir()
	var resolve []string
	for _, h := range proxy.DefaultIntercept {
		resolve = append(resolve, h+":443:"+fake.Addr())
	}
	t.Setenv("RECONDO_EXTRA_CA_CERTS", fake.CAFile())
	gw, err := app.Start(ctx, app.Config{Listen: "127.0.0.1:0", Data: data.Config{DataDir: dataDir}, Resolve: resolve})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		gw.Close(ctx)
	})

	home, work := t.TempDir(), t.TempDir()
	// User settings turn off what would reach Google hosts besides the model API: usage
	// statistics (Clearcut, play.googleapis.com), OpenTelemetry and update checks.
	settings := `{
  "privacy": {"usageStatisticsEnabled": false},
  "telemetry": {"enabled": false},
  "general": {"enableAutoUpdate": false, "enableAutoUpdateNotification": false},
  "security": {"auth": {"selectedType": "gemini-api-key"}}
}`
	if err := os.MkdirAll(filepath.Join(home, ".gemini"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, ".gemini", "settings.json"), []byte(settings), 0o600); err != nil {
		t.Fatal(err)
	}
	out, stderr := runGemini(t, gemini, work, []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"TMPDIR=" + t.TempDir(),
		// The developer's identity rides in the proxy URL's user name (Proxy-Authorization).
		// Gemini CLI's proxy agent (undici's ProxyAgent) sends Proxy-Authorization only when the
		// URL has a user AND a password (its bundled undici: `else if (username && password)`):
		// with http://carol@… the gateway sees no identity at all (observed: developer "").
		// The gateway keeps the user name and drops the password.
		"HTTPS_PROXY=http://carol:e2e@" + gw.Addr.String(),
		"NODE_EXTRA_CA_CERTS=" + filepath.Join(dataDir, "ca", "ca.crt"),
		"GEMINI_API_KEY=dummy",
		// Headless runs refuse an untrusted folder.
		"GEMINI_CLI_TRUST_WORKSPACE=true",
		"GEMINI_TELEMETRY_ENABLED=false",
	}, "-p", "Create note.txt containing hello, then tell me what it contains",
		// yolo approves every tool call: headless mode cannot ask.
		"--approval-mode", "yolo", "--output-format", "json")

	// The shell call really ran: the fake provider's command wrote the file.
	if b, err := os.ReadFile(filepath.Join(work, "note.txt")); err != nil || strings.TrimSpace(string(b)) != "hello" {
		t.Errorf("note.txt = %q, %v; want hello (the run_shell_command call did not run)", b, err)
	}
	// The final answer quotes the last line of the tool output, which Gemini CLI wraps in
	// <untrusted_context> tags, so "hello" itself need not appear in it.
	if out.Error != nil || out.SessionID == "" || !strings.HasPrefix(out.Response, "Done.") {
		t.Fatalf("gemini result = %+v\nstderr:\n%s", out, stderr)
	}

	exchanges := fake.Exchanges()
	var main []fakeprovider.Exchange // the conversation proper: streamGenerateContent
	for _, ex := range exchanges {
		t.Logf("exchange: %s %s%s?%s -> %d, model %s, tool %q", ex.Method, ex.Host, ex.Path, ex.Query, ex.Status, ex.Model, ex.Tool)
		// Only the model API is expected: usage statistics are off, and anything else would be
		// tunnelled to a host that does not exist here rather than reach the fake provider.
		if ex.Host != "generativelanguage.googleapis.com" || (ex.API != "gemini.generateContent" && ex.API != "gemini.streamGenerateContent") {
			t.Errorf("unexpected exchange %s %s%s (%s)", ex.Method, ex.Host, ex.Path, ex.API)
		}
		if ex.API == "gemini.streamGenerateContent" {
			main = append(main, ex)
		}
	}
	// At least the tool call and the final answer.
	if len(main) < 2 {
		t.Fatalf("fake provider saw %d streamGenerateContent requests, want at least 2", len(main))
	}

	api := openAPI(t, dataDir)
	// Every exchange crossed the gateway, so every one becomes a turn; wait for all of them.
	sessions := waitSessions(t, api, len(exchanges))
	var turns []data.Turn
	sessionOf := map[string]data.Session{}
	unpriced := int64(0)
	for _, s := range sessions {
		sessionOf[s.ID] = s
		turns = append(turns, listTurns(t, api, s.ID)...)
		unpriced += s.UnpricedTurns
	}
	sort.SliceStable(turns, func(i, j int) bool { return turns[i].StartedAt.Before(turns[j].StartedAt) })
	// One turn per request the fake provider answered, in the order they crossed (Gemini CLI
	// sends them one after another), with the same wire bytes.
	if len(turns) != len(exchanges) {
		t.Fatalf("%d turns stored; fake provider saw %d requests%s", len(turns), len(exchanges), describe(sessions))
	}
	var mainTurns []data.Turn
	for i, tr := range turns {
		ex := exchanges[i]
		if tr.RequestSHA256 != ex.RequestSHA256 || tr.ResponseSHA256 != ex.ResponseSHA256 {
			t.Errorf("turn %d hashes req %s resp %s; fake provider logged req %s resp %s", i, tr.RequestSHA256, tr.ResponseSHA256, ex.RequestSHA256, ex.ResponseSHA256)
		}
		wantPath := strings.TrimSuffix(ex.Path+"?"+ex.Query, "?") // streams keep ?alt=sse
		if !tr.Parsed || !tr.Complete || tr.Status != 200 || tr.Path != wantPath || tr.Provider != "google" || tr.Developer != "carol" {
			t.Errorf("turn %d = %+v", i, tr)
		}
		if tr.Model == "" || tr.Model != ex.Model || tr.RequestModel != ex.Model {
			t.Errorf("turn %d model %q (requested %q); fake provider saw %q", i, tr.Model, tr.RequestModel, ex.Model)
		}
		if ex.API == "gemini.streamGenerateContent" {
			mainTurns = append(mainTurns, tr)
		}
	}

	// The public API carries no session id (no session_id, no user_prompt_id: those exist only
	// in the Code Assist wrapper), so the gateway's heuristic groups the turns: the main
	// conversation is one session because each request's contents extend the previous one's
	// under the same system prompt. The router's classifier call (generateContent on the flash
	// lite model, with its own system prompt and a JSON schema) extends nothing, so each such
	// side call is a one-turn session of its own.
	main0 := sessionOf[mainTurns[0].SessionID]
	if main0.TurnCount != int64(len(mainTurns)) || (main0.ExternalID != "" && main0.ExternalID != out.SessionID) {
		t.Errorf("main session %+v; want %d turns", main0, len(mainTurns))
	}
	for i, tr := range turns {
		isMain := exchanges[i].API == "gemini.streamGenerateContent"
		if isMain != (tr.SessionID == main0.ID) {
			t.Errorf("turn %d (%s) is in session %s; main conversation session %s%s", i, exchanges[i].API, tr.SessionID, main0.ID, describe(sessions))
		}
	}
	for _, s := range sessions {
		if s.Developer != "carol" || s.ParentSessionID != "" {
			t.Errorf("session %s developer %q parent %q; want carol and none", s.ID, s.Developer, s.ParentSessionID)
		}
		// Gemini CLI 0.61.0 sends "GeminiCLI-tui/0.61.0/<model> (linux; x64; terminal)".
		if s.Client != "gemini-cli" || s.ClientVersion != version {
			t.Errorf("session %s client %q %q; want Gemini CLI", s.ID, s.Client, s.ClientVersion)
		}
	}

	checkGeminiToolCall(t, api, mainTurns, main)
	checkGeminiUsage(t, turns, out)
	checkPricing(t, api, turns, unpriced)
	checkVerify(t, api, dataDir, mainTurns, len(exchanges))
	t.Logf("gemini %s: session %s (gateway %s, client %q %q), %d turns (%d main), models %s",
		version, out.SessionID, main0.ID, main0.Client, main0.ClientVersion, len(turns), len(mainTurns), geminiModels(turns))
}

// checkGeminiToolCall: the main turn the fake provider answered with run_shell_command records
// the call with the script's arguments, and its functionResponse is seen in the next main turn.
// Gemini function calls carry no id: the gateway links the result by function name.
func checkGeminiToolCall(t *testing.T, api *data.API, turns []data.Turn, msgs []fakeprovider.Exchange) {
	t.Helper()
	calls := 0
	for i, tr := range turns {
		d, err := api.GetTurn(context.Background(), tr.ID, data.TurnOptions{ReadOptions: readAll})
		if err != nil {
			t.Fatal(err)
		}
		if msgs[i].Tool == "" {
			if len(d.ToolCalls) != 0 {
				t.Errorf("main turn %d: tool calls %+v; the fake provider called none", i, d.ToolCalls)
			}
			continue
		}
		calls++
		if len(d.ToolCalls) != 1 || d.ToolCalls[0].Name != "run_shell_command" || msgs[i].Tool != "run_shell_command" {
			t.Fatalf("main turn %d tool calls = %+v (fake called %q); want one run_shell_command call", i, d.ToolCalls, msgs[i].Tool)
		}
		c := d.ToolCalls[0]
		var args struct{ Command string }
		if err := json.Unmarshal([]byte(c.Arguments), &args); err != nil || args.Command != fakeprovider.DemoCommand {
			t.Errorf("run_shell_command arguments %s (%v); want command %q", c.Arguments, err, fakeprovider.DemoCommand)
		}
		if i+1 >= len(turns) || !c.ResultSeen || c.ResultError || c.ResultTurnID != turns[i+1].ID {
			t.Errorf("run_shell_command result seen %v error %v in turn %q; want the next main turn's functionResponse", c.ResultSeen, c.ResultError, c.ResultTurnID)
		}
	}
	if calls != 1 {
		t.Errorf("%d main turns carry the fake provider's tool call, want 1", calls)
	}
}

// checkGeminiUsage compares the stored usage with Gemini CLI's own per-model token stats, an
// independent sum of the usageMetadata it received: its input excludes cached tokens, as the
// gateway's input_tokens does, and the gateway's output includes thoughts.
func checkGeminiUsage(t *testing.T, turns []data.Turn, out geminiResult) {
	t.Helper()
	var stats struct {
		Models map[string]struct {
			Tokens struct{ Input, Candidates, Cached, Thoughts int64 }
		}
	}
	if err := json.Unmarshal(out.Stats, &stats); err != nil || len(stats.Models) == 0 {
		t.Errorf("gemini stats %s: %v", out.Stats, err)
		return
	}
	got := map[string][4]int64{}
	for _, tr := range turns {
		u, s := tr.Usage, got[tr.Model]
		got[tr.Model] = [4]int64{s[0] + u.InputTokens, s[1] + u.CacheReadTokens, s[2] + u.OutputTokens, s[3] + u.ReasoningTokens}
	}
	want := map[string][4]int64{}
	for m, s := range stats.Models {
		k := s.Tokens
		want[m] = [4]int64{k.Input, k.Cached, k.Candidates + k.Thoughts, k.Thoughts}
	}
	if len(got) != len(want) {
		t.Errorf("stored usage by model (input, cache read, output, reasoning) %v; gemini reports %v", got, want)
	}
	for m, w := range want {
		if got[m] != w {
			t.Errorf("model %s stored usage (input, cache read, output, reasoning) %v; gemini reports %v", m, got[m], w)
		}
	}
}

func geminiModels(turns []data.Turn) string {
	seen := map[string]bool{}
	var ms []string
	for _, tr := range turns {
		if !seen[tr.Model] {
			seen[tr.Model] = true
			ms = append(ms, tr.Model)
		}
	}
	return strings.Join(ms, ", ")
}
