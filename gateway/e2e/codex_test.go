package e2e_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/gateway/app"
	"github.com/recondo/recondo/gateway/fakeprovider"
	"github.com/recondo/recondo/gateway/proxy"
)

const (
	codexPkg        = "@openai/codex"
	codexRunTimeout = 120 * time.Second
)

// TestCodexThroughGateway runs the real Codex CLI (`codex exec`) through the gateway against the
// fake provider, whose script answers with one shell call and then a final text, and checks what
// the read side shows against what the fake provider saw on the wire.
//
// 0.169.0 talks Responses over a WebSocket (GET /v1/responses upgrade, relayed by the gateway and
// accepted by the fake provider, so it never falls back to SSE POSTs): first a prewarm
// response.create with generate:false, then the real request (previous_response_id = the
// prewarm's response, full developer messages), then the function_call_output as incremental
// input. The request hash of each WebSocket turn is over the response.create payload on both
// sides; the response hashes differ by design (fake: its frames' payloads; gateway: a framed
// transcript of the whole turn), so only HTTP responses are compared by hash.
func TestCodexThroughGateway(t *testing.T) {
	codex, version := ensureCodex(t)
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
	ca := filepath.Join(dataDir, "ca", "ca.crt")
	events := runCodex(t, codex, work, []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"CODEX_HOME=" + home,
		"TMPDIR=" + t.TempDir(),
		"HTTPS_PROXY=http://bob@" + gw.Addr.String(),
		"CODEX_CA_CERTIFICATE=" + ca,
		"SSL_CERT_FILE=" + ca,
		"OPENAI_API_KEY=sk-dummy",
	}, "exec", "--skip-git-repo-check", "--json",
		// The default model of 0.169.0 (gpt-6.1-sol) gets "code mode": its only tools are a
		// JavaScript `exec` cell declared in an additional_tools input item, which the fake
		// provider's script (rightly) never calls. A model of the previous generation gets the
		// classic function tools (exec_command, ...), so the script can run a real shell command.
		// gpt-5.4 is not in the embedded price list either: the unpriced branch still runs.
		"-m", "gpt-5.4",
		// No approval prompt and no sandbox: the container may lack what Codex's Linux sandbox
		// needs, and the command runs in a temp dir.
		"--dangerously-bypass-approvals-and-sandbox",
		"Create note.txt containing hello, then tell me what it contains")

	if b, err := os.ReadFile(filepath.Join(work, "note.txt")); err != nil || strings.TrimSpace(string(b)) != "hello" {
		t.Errorf("note.txt = %q, %v; want hello (the shell tool call did not run)", b, err)
	}
	if events.ThreadID == "" || !strings.Contains(events.LastMessage, "hello") || !events.Completed {
		t.Fatalf("codex events = %+v", events)
	}

	var resps []fakeprovider.Exchange
	for _, ex := range fake.Exchanges() {
		t.Logf("exchange: %s %s%s?%s api %s ws %v -> %d model %q tool %q complete %v", ex.Method, ex.Host, ex.Path, ex.Query, ex.API, ex.WebSocket, ex.Status, ex.Model, ex.Tool, ex.Complete)
		if ex.Host == "api.openai.com" && ex.Path == "/v1/responses" && ex.API == "openai.responses" {
			resps = append(resps, ex)
		}
	}
	if len(resps) < 2 {
		t.Fatalf("fake provider served %d /v1/responses responses, want at least 2", len(resps))
	}

	api := openAPI(t, dataDir)
	// Every exchange crossed the gateway; a WebSocket yields one turn per response.create, plus
	// one for frames seen between responses (the close handshake), so wait for at least that many.
	stored := len(fake.Exchanges())
	if resps[0].WebSocket {
		stored++ // the close handshake after the last response is a turn of its own
	}
	sessions := waitSessions(t, api, stored)
	var mine []data.Session
	var all []data.Turn
	unpriced := int64(0)
	for _, s := range sessions {
		t.Logf("session %s parent %q ext %q client %q %q developer %q: %d turns", s.ID, s.ParentSessionID, s.ExternalID, s.Client, s.ClientVersion, s.Developer, s.TurnCount)
		if s.ExternalID == events.ThreadID {
			mine = append(mine, s)
			all = append(all, listTurns(t, api, s.ID)...)
			unpriced += s.UnpricedTurns
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].StartedAt.Before(all[j].StartedAt) })
	// The turns that carry a response: on a WebSocket a turn opened by frames between responses
	// (no client data message, so an empty request body) carries none.
	var turns []data.Turn
	for i, tr := range all {
		t.Logf("turn %d in %s: %s %s %s status %d transport %s parsed %v complete %v model %q req %d B %s resp %d B %s err %q", i, tr.SessionID, tr.Method, tr.Host, tr.Path, tr.Status, tr.Transport, tr.Parsed, tr.Complete, tr.Model, tr.RequestSize, tr.RequestSHA256, tr.ResponseSize, tr.ResponseSHA256, tr.Error)
		if tr.RequestSize > 0 {
			turns = append(turns, tr)
		}
	}
	// One conversation is one session. Reported without stopping, so the checks below still run
	// over every turn carrying Codex's thread id, wherever it landed.
	if len(mine) != 1 {
		// Seen with 0.169.0: the prewarm sets the session's main system prompt, so the real
		// request (other developer text) is taken for a sub-agent's and gets a child session,
		// which also leaves its tool call's result, in the parent, unlinked.
		t.Errorf("%d sessions have external id %s, want 1: %s", len(mine), events.ThreadID, describe(mine))
	}
	for _, s := range mine {
		if s.Developer != "bob" || s.Client != "codex" || s.ClientVersion != version {
			t.Errorf("session developer %q client %q %q; want bob codex %s", s.Developer, s.Client, s.ClientVersion, version)
		}
	}
	if len(turns) != len(resps) {
		t.Fatalf("%d turns with a request carry session id %s; fake provider served %d /v1/responses responses", len(turns), events.ThreadID, len(resps))
	}
	ws := resps[0].WebSocket
	for i, tr := range turns {
		ex := resps[i]
		if ex.WebSocket != ws {
			t.Errorf("response %d websocket %v, response 0 %v: Codex switched transport mid-run", i, ex.WebSocket, ws)
		}
		// Request: both sides hash the same bytes (HTTP: the entity body; WebSocket: the
		// response.create message payload after permessage-deflate), so they must be equal.
		if tr.RequestSHA256 != ex.RequestSHA256 {
			t.Errorf("turn %d request %s; fake provider logged %s", i, tr.RequestSHA256, ex.RequestSHA256)
		}
		// Response: over HTTP both sides hash the SSE body. Over a WebSocket the gateway stores a
		// framed transcript of the turn (both directions, control frames, timestamps), so the
		// comparison is frame by frame: every server text frame the provider logged must be in
		// the stored transcript, byte for byte, in order.
		if !ex.WebSocket && tr.ResponseSHA256 != ex.ResponseSHA256 {
			t.Errorf("turn %d response %s; fake provider logged %s", i, tr.ResponseSHA256, ex.ResponseSHA256)
		}
		if ex.WebSocket {
			checkFramesStored(t, api, tr.ID, ex.Frames)
		}
		wantStatus := 200
		if ex.WebSocket {
			wantStatus = 101 // the turn records the upgrade's status
		}
		if !tr.Parsed || !tr.Complete || tr.Status != wantStatus || tr.Path != "/v1/responses" || tr.Developer != "bob" {
			t.Errorf("turn %d = %+v", i, tr)
		}
		if tr.Model == "" || tr.Model != ex.Model || tr.RequestModel != ex.Model {
			t.Errorf("turn %d model %q (requested %q); fake provider saw %q", i, tr.Model, tr.RequestModel, ex.Model)
		}
	}
	checkCodexToolCall(t, api, turns, resps)
	checkPricing(t, api, turns, unpriced)
	checkVerify(t, api, dataDir, turns, stored)
	transport := "SSE (POST /v1/responses)"
	if ws {
		transport = "WebSocket (GET /v1/responses upgrade)"
	}
	t.Logf("codex %s: thread %s, %d responses over %s, %d turns stored, model %s", version, events.ThreadID, len(resps), transport, len(all), turns[0].Model)
}

// checkCodexToolCall: the response the fake provider answered with a shell call records it
// with the script's command, and its function_call_output is seen in the next request.
func checkCodexToolCall(t *testing.T, api *data.API, turns []data.Turn, resps []fakeprovider.Exchange) {
	t.Helper()
	calls := 0
	for i, tr := range turns {
		d, err := api.GetTurn(context.Background(), tr.ID, data.TurnOptions{ReadOptions: readAll})
		if err != nil {
			t.Fatal(err)
		}
		if resps[i].Tool == "" {
			if len(d.ToolCalls) != 0 {
				t.Errorf("turn %d: tool calls %+v; the fake provider called none", i, d.ToolCalls)
			}
			continue
		}
		calls++
		if len(d.ToolCalls) != 1 || d.ToolCalls[0].Name != resps[i].Tool || d.ToolCalls[0].ToolUseID == "" {
			t.Fatalf("turn %d tool calls = %+v; want one %s call", i, d.ToolCalls, resps[i].Tool)
		}
		c := d.ToolCalls[0]
		var args struct{ Cmd, Command string }
		if err := json.Unmarshal([]byte(c.Arguments), &args); err != nil || (args.Cmd != fakeprovider.DemoCommand && args.Command != fakeprovider.DemoCommand) {
			t.Errorf("%s arguments %s (%v); want command %q", c.Name, c.Arguments, err, fakeprovider.DemoCommand)
		}
		if i+1 >= len(turns) || !c.ResultSeen || c.ResultError || c.ResultTurnID != turns[i+1].ID {
			t.Errorf("%s call result seen %v error %v in turn %q; want the next turn's function_call_output", c.Name, c.ResultSeen, c.ResultError, c.ResultTurnID)
		}
	}
	if calls != 1 {
		t.Errorf("%d turns carry the fake provider's tool call, want 1", calls)
	}
}

// codexEvents is what the test reads from `codex exec --json`.
type codexEvents struct {
	ThreadID    string
	LastMessage string
	Completed   bool
}

func runCodex(t *testing.T, bin, dir string, env []string, args ...string) codexEvents {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), codexRunTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir, cmd.Env = dir, env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	err := cmd.Run()
	t.Logf("codex ran %v", time.Since(start).Round(time.Millisecond))
	t.Logf("stdout:\n%s\nstderr:\n%s", stdout.Bytes(), stderr.Bytes())
	if err != nil {
		t.Fatalf("codex %v: %v (context: %v)", args, err, ctx.Err())
	}
	var ev codexEvents
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e struct {
			Type     string `json:"type"`
			ThreadID string `json:"thread_id"`
			Item     struct {
				Type string `json:"type"`
				Text string `json:"text"`
			} `json:"item"`
		}
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			continue
		}
		switch {
		case e.Type == "thread.started":
			ev.ThreadID = e.ThreadID
		case e.Type == "item.completed" && e.Item.Type == "agent_message":
			ev.LastMessage = e.Item.Text
		case e.Type == "turn.completed":
			ev.Completed = true
		}
	}
	return ev
}

// ensureCodex is ensureAgent for Codex, whose --version prints "codex-cli <version>": the
// binary comes from agents/node_modules (npm ci when missing; skip, or fail under CI=true).
func ensureCodex(t *testing.T) (path, version string) {
	t.Helper()
	unavailable := t.Skipf
	if os.Getenv("CI") == "true" {
		unavailable = t.Fatalf
	}
	var manifest struct{ Dependencies map[string]string }
	b, err := os.ReadFile(filepath.Join(agentsDir, "package.json"))
	if err != nil || json.Unmarshal(b, &manifest) != nil || manifest.Dependencies[codexPkg] == "" {
		t.Fatalf("agents/package.json does not pin %s: %v", codexPkg, err)
	}
	version = manifest.Dependencies[codexPkg]
	path, err = filepath.Abs(filepath.Join(agentsDir, "node_modules", ".bin", "codex"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		npm, err := exec.LookPath("npm")
		if err != nil {
			unavailable("%s is not installed and npm is not available: %v", codexPkg, err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, npm, "ci", "--no-audit", "--no-fund")
		cmd.Dir = agentsDir
		if out, err := cmd.CombinedOutput(); err != nil {
			unavailable("npm ci in %s: %v\n%s", agentsDir, err, out)
		}
	}
	out, err := exec.Command(path, "--version").Output()
	if err != nil || strings.TrimSpace(string(out)) != "codex-cli "+version {
		unavailable("%s --version = %q, %v; want codex-cli %s (reinstall: rm -rf %s/node_modules)", path, out, err, version, agentsDir)
	}
	return path, version
}

// checkFramesStored compares the server text frames of a stored WebSocket turn's transcript with
// the frames the provider logged sending for that response.
func checkFramesStored(t *testing.T, api *data.API, turnID string, sent []fakeprovider.Frame) {
	t.Helper()
	d, err := api.GetTurn(context.Background(), turnID, data.TurnOptions{Bodies: true,
		ReadOptions: data.ReadOptions{Unmasked: true, Actor: data.Actor{Surface: data.SurfaceCLI, Principal: "e2e"}}})
	if err != nil || d.Response == nil {
		t.Fatalf("turn %s bodies: %v", turnID, err)
	}
	var stored []string
	for _, line := range strings.Split(strings.TrimSpace(d.Response.Text), "\n") {
		var m struct {
			Dir  string  `json:"dir"`
			Op   string  `json:"op"`
			Text *string `json:"text"`
		}
		if json.Unmarshal([]byte(line), &m) == nil && m.Dir == "server" && m.Op == "text" && m.Text != nil {
			sum := sha256.Sum256([]byte(*m.Text))
			stored = append(stored, hex.EncodeToString(sum[:]))
		}
	}
	if len(sent) == 0 || len(stored) != len(sent) {
		t.Fatalf("turn %s: %d server frames stored, provider logged %d", turnID, len(stored), len(sent))
	}
	for j := range sent {
		if stored[j] != sent[j].SHA256 {
			t.Errorf("turn %s frame %d (%s): stored %s, provider sent %s", turnID, j, sent[j].Type, stored[j], sent[j].SHA256)
		}
	}
}
