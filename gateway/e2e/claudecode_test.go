package e2e_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/objects"
	"github.com/recondo/recondo/data/sqlite"
	"github.com/recondo/recondo/gateway/app"
	"github.com/recondo/recondo/gateway/fakeprovider"
	"github.com/recondo/recondo/gateway/proxy"
)

const (
	agentsDir = "agents"
	claudePkg = "@anthropic-ai/claude-code"
	// claudeRunTimeout bounds one headless run. A good run takes a few seconds; the margin is
	// for a loaded CI machine, not for retries.
	claudeRunTimeout = 120 * time.Second
)

// TestClaudeCodeThroughGateway runs the real Claude Code CLI in print mode through the gateway
// against the fake provider, whose script answers with one Bash call and then a final text, and
// checks what the read side shows against what the fake provider saw on the wire.
func TestClaudeCodeThroughGateway(t *testing.T) {
	claude, version := ensureAgent(t, claudePkg, "claude")
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
	// The gateway verifies upstream TLS: trust the fake provider's test CA as a corporate root.
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

	// Claude Code writes its config and session transcripts under HOME and acts in its working
	// directory: both are temp dirs so the run touches nothing of the developer's.
	home, work := t.TempDir(), t.TempDir()
	out := runClaude(t, claude, work, []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"TMPDIR=" + t.TempDir(),
		// The developer's identity rides in the proxy URL's user name (Proxy-Authorization).
		"HTTPS_PROXY=http://alice@" + gw.Addr.String(),
		"NODE_EXTRA_CA_CERTS=" + filepath.Join(dataDir, "ca", "ca.crt"),
		"ANTHROPIC_API_KEY=sk-ant-api03-dummy",
		// All four are read by the pinned version (their names are in its binary). They stop
		// telemetry, error reports and update checks, which would go to hosts that do not exist
		// here: the run would still complete (those CONNECTs are tunnelled and fail) but slower.
		"DISABLE_TELEMETRY=1",
		"DISABLE_AUTOUPDATER=1",
		"DISABLE_ERROR_REPORTING=1",
		"CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1",
	}, "-p", "Create note.txt containing hello, then tell me what it contains",
		"--output-format", "json", "--allowedTools", "Bash")

	// The Bash call really ran: the fake provider's command wrote the file.
	if b, err := os.ReadFile(filepath.Join(work, "note.txt")); err != nil || strings.TrimSpace(string(b)) != "hello" {
		t.Errorf("note.txt = %q, %v; want hello (the Bash tool call did not run)", b, err)
	}
	if out.IsError || out.SessionID == "" || !strings.Contains(out.Result, "hello") {
		t.Fatalf("claude result = %+v", out)
	}

	var msgs []fakeprovider.Exchange
	for _, ex := range fake.Exchanges() {
		if ex.Host == "api.anthropic.com" && ex.Path == "/v1/messages" {
			msgs = append(msgs, ex)
		} else {
			t.Logf("other exchange: %s %s%s?%s -> %d", ex.Method, ex.Host, ex.Path, ex.Query, ex.Status)
		}
	}
	// At least the tool call and the final answer; Claude Code may add helper calls.
	if len(msgs) < 2 {
		t.Fatalf("fake provider saw %d /v1/messages requests, want at least 2", len(msgs))
	}

	api := openAPI(t, dataDir)
	// Every exchange crossed the gateway, so every one becomes a turn; wait for all of them.
	sessions := waitSessions(t, api, len(fake.Exchanges()))
	var mine []data.Session
	var turns []data.Turn
	unpriced := int64(0)
	for _, s := range sessions {
		if s.ExternalID == out.SessionID {
			mine = append(mine, s)
			turns = append(turns, listTurns(t, api, s.ID)...)
			unpriced += s.UnpricedTurns
		}
	}
	sort.SliceStable(turns, func(i, j int) bool { return turns[i].StartedAt.Before(turns[j].StartedAt) })
	// One conversation is one session. Reported without stopping, so the checks below still
	// run over the turns that carry Claude Code's session id, wherever they landed. (A split
	// shows as a child session with a parent: a later request was taken for a sub-agent's
	// because its system prompt differs, e.g. by Claude Code's per-request billing-header line.)
	if len(mine) != 1 {
		t.Errorf("%d sessions have external id %s, want 1: %s", len(mine), out.SessionID, describe(mine))
	}
	if len(turns) != len(msgs) {
		t.Fatalf("%d turns carry session id %s; fake provider saw %d /v1/messages requests", len(turns), out.SessionID, len(msgs))
	}
	for _, s := range mine {
		if s.Developer != "alice" || s.Client != "claude-code" || s.ClientVersion != version {
			t.Errorf("session developer %q client %q %q; want alice claude-code %s", s.Developer, s.Client, s.ClientVersion, version)
		}
	}
	for i, tr := range turns {
		ex := msgs[i]
		// The hashes are over wire bytes on both sides: equal means the gateway stored exactly
		// what crossed it, in the order it crossed.
		if tr.RequestSHA256 != ex.RequestSHA256 || tr.ResponseSHA256 != ex.ResponseSHA256 {
			t.Errorf("turn %d hashes req %s resp %s; fake provider logged req %s resp %s", i, tr.RequestSHA256, tr.ResponseSHA256, ex.RequestSHA256, ex.ResponseSHA256)
		}
		wantPath := ex.Path + "?" + ex.Query // the turn keeps the query: Claude Code sends ?beta=true
		if !tr.Parsed || !tr.Complete || tr.Status != 200 || tr.Path != strings.TrimSuffix(wantPath, "?") || tr.Developer != "alice" {
			t.Errorf("turn %d = %+v", i, tr)
		}
		if tr.Model == "" || tr.Model != ex.Model || tr.RequestModel != ex.Model {
			t.Errorf("turn %d model %q (requested %q); fake provider saw %q", i, tr.Model, tr.RequestModel, ex.Model)
		}
	}
	// Claude Code sums the usage of its requests itself: an independent figure for what the
	// gateway parsed out of the streams.
	var sum data.Usage
	for _, tr := range turns {
		sum.InputTokens += tr.Usage.InputTokens
		sum.CacheReadTokens += tr.Usage.CacheReadTokens
		sum.CacheWrite5mTokens += tr.Usage.CacheWrite5mTokens + tr.Usage.CacheWrite1hTokens
		sum.OutputTokens += tr.Usage.OutputTokens
	}
	u := out.Usage
	if got, want := [4]int64{sum.InputTokens, sum.CacheReadTokens, sum.CacheWrite5mTokens, sum.OutputTokens},
		[4]int64{u.InputTokens, u.CacheReadInputTokens, u.CacheCreationInputTokens, u.OutputTokens}; got != want {
		t.Errorf("stored usage (input, cache read, cache write, output) = %v; claude reports %v", got, want)
	}
	checkToolCall(t, api, turns, msgs)
	checkPricing(t, api, turns, unpriced)
	checkVerify(t, api, dataDir, turns, len(fake.Exchanges()))
	t.Logf("claude %s: session %s, %d turns (num_turns %d), model %s, claude's own total_cost_usd %v",
		version, out.SessionID, len(turns), out.NumTurns, turns[0].Model, deref(out.TotalCostUSD))
}

// checkToolCall: the turn the fake provider answered with Bash records the call with the
// script's arguments, and the request that carried its result is the next turn.
func checkToolCall(t *testing.T, api *data.API, turns []data.Turn, msgs []fakeprovider.Exchange) {
	t.Helper()
	calls := 0
	for i, tr := range turns {
		d, err := api.GetTurn(context.Background(), tr.ID, data.TurnOptions{ReadOptions: readAll})
		if err != nil {
			t.Fatal(err)
		}
		if msgs[i].Tool == "" {
			if len(d.ToolCalls) != 0 {
				t.Errorf("turn %d: tool calls %+v; the fake provider called none", i, d.ToolCalls)
			}
			continue
		}
		calls++
		if len(d.ToolCalls) != 1 || d.ToolCalls[0].Name != "Bash" || d.ToolCalls[0].ToolUseID == "" {
			t.Fatalf("turn %d tool calls = %+v; want one Bash call", i, d.ToolCalls)
		}
		c := d.ToolCalls[0]
		var args struct{ Command string }
		if err := json.Unmarshal([]byte(c.Arguments), &args); err != nil || args.Command != fakeprovider.DemoCommand {
			t.Errorf("Bash arguments %s (%v); want command %q", c.Arguments, err, fakeprovider.DemoCommand)
		}
		if i+1 >= len(turns) || !c.ResultSeen || c.ResultError || c.ResultTurnID != turns[i+1].ID {
			t.Errorf("Bash call result seen %v error %v in turn %q; want the next turn's successful tool_result", c.ResultSeen, c.ResultError, c.ResultTurnID)
		}
	}
	if calls != 1 {
		t.Errorf("%d turns carry the fake provider's tool call, want 1", calls)
	}
}

// checkPricing: a model the price list does not know must be stored unpriced (cost NULL, never 0)
// with one unpriced_model anomaly per turn; a model it knows must be priced. The fake provider
// echoes the requested model, so the pinned version's default decides which branch runs: with
// 2.1.328 that is claude-opus-5-5, which the embedded list does not price, so its turns are
// unpriced (while Claude Code itself prints a total_cost_usd from its own newer table).
func checkPricing(t *testing.T, api *data.API, turns []data.Turn, sessionUnpriced int64) {
	t.Helper()
	prices, err := api.Prices(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	page, err := api.ListAnomalies(context.Background(), data.AnomalyFilter{Kind: data.AnomalyUnpricedModel, Limit: 500}, readAll)
	if err != nil {
		t.Fatal(err)
	}
	flagged := map[string]int{}
	for _, a := range page.Anomalies {
		flagged[a.TurnID]++
	}
	unpriced := int64(0)
	for i, tr := range turns {
		_, known := prices.Lookup(tr.Provider, tr.Model, tr.StartedAt)
		switch {
		case !known && (tr.CostMicros != nil || flagged[tr.ID] != 1):
			t.Errorf("turn %d model %s has no price: cost %v, %d unpriced_model anomalies; want nil and 1", i, tr.Model, tr.CostMicros, flagged[tr.ID])
		case known && (tr.CostMicros == nil || *tr.CostMicros <= 0 || flagged[tr.ID] != 0):
			t.Errorf("turn %d model %s has a price: cost %v, %d unpriced_model anomalies; want > 0 and 0", i, tr.Model, tr.CostMicros, flagged[tr.ID])
		}
		if !known {
			unpriced++
		}
	}
	if sessionUnpriced != unpriced {
		t.Errorf("sessions count %d unpriced turns, want %d", sessionUnpriced, unpriced)
	}
}

// checkVerify: every stored body matches its recorded hash, and altering one stored object is
// reported for exactly that object.
func checkVerify(t *testing.T, api *data.API, dataDir string, turns []data.Turn, stored int) {
	t.Helper()
	ctx := context.Background()
	rep, err := api.Verify(ctx, "", data.VerifyOptions{})
	if err != nil || !rep.OK() || rep.Turns != int64(stored) || rep.Objects != 2*int64(stored) {
		t.Fatalf("verify = %+v, %v; want %d turns and %d objects, no mismatch", rep, err, stored, 2*stored)
	}
	last := turns[len(turns)-1]
	path, err := objects.NewFS(dataDir).Path(objects.Response, last.ResponseSHA256)
	if err != nil {
		t.Fatal(err)
	}
	// Rewrite the object as a valid gzip stream of different content, so Verify must hash it to
	// catch the change (a broken gzip stream would be caught as merely corrupt).
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\ntampered"))
	zw.Close()
	os.Chmod(path, 0o600) // objects may be written read-only
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	rep, err = api.Verify(ctx, "", data.VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := data.VerifyMismatch{TurnID: last.ID, Kind: string(objects.Response), Want: last.ResponseSHA256, Problem: data.VerifyHashMismatch}
	if len(rep.Mismatches) != 1 {
		t.Fatalf("verify after tampering: %+v; want one mismatch", rep.Mismatches)
	}
	got := rep.Mismatches[0]
	got.Got, got.Detail = "", ""
	if got != want {
		t.Errorf("verify after tampering: %+v; want %+v", rep.Mismatches[0], want)
	}
}

func deref(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

// describe lists sessions briefly for a failure message.
func describe(ss []data.Session) string {
	var b strings.Builder
	for _, s := range ss {
		fmt.Fprintf(&b, "\n  %s parent %q: %d turns, model %s", s.ID, s.ParentSessionID, s.TurnCount, s.Model)
	}
	return b.String()
}

// readAll reads as the gateway itself, unmasked, so hashes and arguments compare verbatim.
var readAll = data.ReadOptions{Unmasked: true, Actor: data.Actor{Surface: data.SurfaceGateway, Principal: "e2e"}}

func openAPI(t *testing.T, dataDir string) *data.API {
	store, err := sqlite.Open(context.Background(), filepath.Join(dataDir, "recondo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return data.NewAPI(store, objects.NewFS(dataDir))
}

// waitSessions waits until ingestion has stored n turns (it runs behind the proxy) and returns
// every session.
func waitSessions(t *testing.T, api *data.API, n int) []data.Session {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		p, err := api.ListSessions(context.Background(), data.SessionFilter{Limit: 500}, readAll)
		if err != nil {
			t.Fatal(err)
		}
		stored := 0
		for _, s := range p.Sessions {
			stored += int(s.TurnCount)
		}
		if stored >= n || time.Now().After(deadline) {
			return p.Sessions
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// listTurns returns a session's turns in sequence order.
func listTurns(t *testing.T, api *data.API, sessionID string) []data.Turn {
	t.Helper()
	ts, err := api.ListTurns(context.Background(), data.TurnFilter{SessionID: sessionID, Limit: 500}, readAll)
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

// claudeResult is the part of `claude -p --output-format json` the test reads.
type claudeResult struct {
	Type         string   `json:"type"`
	Subtype      string   `json:"subtype"`
	IsError      bool     `json:"is_error"`
	Result       string   `json:"result"`
	SessionID    string   `json:"session_id"`
	NumTurns     int      `json:"num_turns"`
	TotalCostUSD *float64 `json:"total_cost_usd"`
	Usage        struct {
		InputTokens              int64 `json:"input_tokens"`
		CacheCreationInputTokens int64 `json:"cache_creation_input_tokens"`
		CacheReadInputTokens     int64 `json:"cache_read_input_tokens"`
		OutputTokens             int64 `json:"output_tokens"`
	} `json:"usage"`
}

// runClaude runs the CLI with exactly env (nothing inherited, so no stray proxy variable of the
// machine's reaches it) in dir, and parses its JSON result.
func runClaude(t *testing.T, bin, dir string, env []string, args ...string) claudeResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), claudeRunTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir, cmd.Env = dir, env
	cmd.Stdin = nil // print mode must not wait for input
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// Its own process group, so a timeout also ends the shells the Bash tool started.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	err := cmd.Run()
	t.Logf("claude ran %v", time.Since(start).Round(time.Millisecond))
	if err != nil {
		t.Fatalf("claude %v: %v (context: %v)\nstdout:\n%s\nstderr:\n%s", args, err, ctx.Err(), stdout.Bytes(), stderr.Bytes())
	}
	var res claudeResult
	if err := json.Unmarshal(bytes.TrimSpace(stdout.Bytes()), &res); err != nil {
		t.Fatalf("claude printed no JSON result: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.Bytes(), stderr.Bytes())
	}
	return res
}

// ensureAgent returns the path of an agent's binary from agents/node_modules and its installed
// version, running `npm ci` first when it is missing. Under CI=true a missing toolchain or a
// failed install fails the test; elsewhere it skips, so `go test ./...` works without node.
func ensureAgent(t *testing.T, pkg, bin string) (path, version string) {
	t.Helper()
	unavailable := t.Skipf
	if os.Getenv("CI") == "true" {
		unavailable = t.Fatalf
	}
	var manifest struct{ Dependencies map[string]string }
	b, err := os.ReadFile(filepath.Join(agentsDir, "package.json"))
	if err != nil || json.Unmarshal(b, &manifest) != nil || manifest.Dependencies[pkg] == "" {
		t.Fatalf("agents/package.json does not pin %s: %v", pkg, err)
	}
	version = manifest.Dependencies[pkg]
	path, err = filepath.Abs(filepath.Join(agentsDir, "node_modules", ".bin", bin))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		npm, err := exec.LookPath("npm")
		if err != nil {
			unavailable("%s is not installed and npm is not available: %v", pkg, err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, npm, "ci", "--no-audit", "--no-fund")
		cmd.Dir = agentsDir
		if out, err := cmd.CombinedOutput(); err != nil {
			unavailable("npm ci in %s: %v\n%s", agentsDir, err, out)
		}
	}
	// The package's postinstall puts the native binary in place of a stub: check the binary
	// answers with the pinned version before relying on it.
	out, err := exec.Command(path, "--version").Output()
	if err != nil || !strings.HasPrefix(string(out), version+" ") {
		unavailable("%s --version = %q, %v; want %s (reinstall: rm -rf %s/node_modules)", path, out, err, version, agentsDir)
	}
	return path, version
}
