package analyze

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/write"
	"github.com/recondo/recondo/gateway/providers"
)

func TestParseGitContext(t *testing.T) {
	cases := []struct {
		name, env string
		want      GitContext
	}{
		{"claude code", "<env>\nWorking directory: /home/alice/src/recondo\nIs directory a git repo: Yes\nPlatform: linux\n</env>\ngitStatus: ...\nCurrent branch: feat/wal\n",
			GitContext{WorkingDir: "/home/alice/src/recondo", IsGitRepo: true, Repo: "recondo", Branch: "feat/wal"}},
		{"claude code newer", "Primary working directory: /Users/bob/work/ledger\nIs directory a git repo: No\n",
			GitContext{WorkingDir: "/Users/bob/work/ledger", Repo: "ledger"}},
		{"codex", "<environment_context>\n  <cwd>/home/carol/api</cwd>\n  <approval_policy>never</approval_policy>\n</environment_context>",
			GitContext{WorkingDir: "/home/carol/api", Repo: "api"}},
		{"gemini", "I'm currently working in the directory: /tmp/demo\nHere is the folder structure", GitContext{WorkingDir: "/tmp/demo", Repo: "demo"}},
		{"windows", "Working directory: C:\\Users\\dan\\proj\nIs directory a git repo: yes", GitContext{WorkingDir: `C:\Users\dan\proj`, IsGitRepo: true, Repo: "proj"}},
		{"nothing", "You are a helpful assistant.", GitContext{}},
	}
	for _, c := range cases {
		if got := ParseGitContext(c.env); got != c.want {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
		}
	}
}

func TestIntentDropsInjectedBlocks(t *testing.T) {
	got := Intent("<system-reminder>Ignore this reminder</system-reminder>\n  Fix the   flaky test\nin ledger  ")
	if got != "Fix the flaky test in ledger" {
		t.Fatalf("intent %q", got)
	}
	long := Intent(strings.Repeat("é", 400))
	if len(long) > maxIntentBytes+len("…") || !strings.HasSuffix(long, "…") {
		t.Fatalf("long intent has %d bytes", len(long))
	}
}

func call(index int, name, args string) providers.ToolCall {
	return providers.ToolCall{Index: index, Name: name, Arguments: json.RawMessage(args)}
}

func TestArtifacts(t *testing.T) {
	patch := "*** Begin Patch\n*** Update File: src/a.go\n@@\n-x\n+y\n*** Add File: src/b.go\n+new\n*** Delete File: old.txt\n*** End Patch"
	got := Artifacts([]providers.ToolCall{
		call(0, "Read", `{"file_path":"/home/a/x.go"}`),
		call(1, "Edit", `{"file_path":"/home/a/x.go","old_string":"a","new_string":"b"}`),
		call(2, "Bash", `{"command":"go test ./...","description":"run tests"}`),
		call(3, "shell", `{"command":["bash","-lc","ls -la"]}`),
		call(4, "apply_patch", `{"input":`+mustJSON(patch)+`}`),
		call(5, "write_file", `{"file_path":"notes.md","content":"x"}`),
		call(6, "read_many_files", `{"paths":["a.md","b.md"]}`),
		call(7, "Grep", `{"pattern":"TODO"}`),
		call(8, "Read", `not json`),
	})
	want := []write.ArtifactOf{
		{ToolCallIndex: 0, Action: data.ActionRead, Path: "/home/a/x.go", Command: ""},
		{ToolCallIndex: 1, Action: data.ActionEdit, Path: "/home/a/x.go", Command: ""},
		{ToolCallIndex: 2, Action: data.ActionRun, Path: "", Command: "go test ./..."},
		{ToolCallIndex: 3, Action: data.ActionRun, Path: "", Command: "bash -lc ls -la"},
		{ToolCallIndex: 4, Action: data.ActionEdit, Path: "src/a.go", Command: ""},
		{ToolCallIndex: 4, Action: data.ActionWrite, Path: "src/b.go", Command: ""},
		{ToolCallIndex: 4, Action: data.ActionDelete, Path: "old.txt", Command: ""},
		{ToolCallIndex: 5, Action: data.ActionWrite, Path: "notes.md", Command: ""},
		{ToolCallIndex: 6, Action: data.ActionRead, Path: "a.md", Command: ""},
		{ToolCallIndex: 6, Action: data.ActionRead, Path: "b.md", Command: ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d artifacts %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("artifact %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func mustJSON(s string) string { b, _ := json.Marshal(s); return string(b) }

func result(session, system string, hashes []string, respID, prev string) *providers.Result {
	return &providers.Result{Provider: "anthropic", Client: "claude-code", SessionID: session, ResponseID: respID,
		Request: providers.RequestInfo{System: system, MessageHashes: hashes, MessageCount: len(hashes), PreviousResponseID: prev}}
}

func TestSessionsExplicitIDWins(t *testing.T) {
	s := NewSessions(0)
	at := time.Now()
	a := s.Resolve(result("uuid-1", "sys", []string{"m1"}, "", ""), "alice", "c1", at)
	b := s.Resolve(result("uuid-1", "sys", []string{"x"}, "", ""), "bob", "c2", at.Add(2*time.Hour))
	if a.ID != b.ID || a.External != "uuid-1" {
		t.Fatalf("explicit ids: %+v vs %+v", a, b)
	}
	sub := s.Resolve(result("uuid-1", "You are a sub-agent", []string{"task"}, "", ""), "alice", "c3", at)
	if sub.Parent != a.ID || sub.ID == a.ID {
		t.Fatalf("sub-agent traffic: %+v (parent should be %s)", sub, a.ID)
	}
}

func TestSessionsHeuristics(t *testing.T) {
	s := NewSessions(30 * time.Minute)
	at := time.Now()
	first := s.Resolve(result("", "sys", []string{"u1"}, "r1", ""), "alice", "c1", at)
	cont := s.Resolve(result("", "sys", []string{"u1", "a1", "u2"}, "r2", ""), "alice", "c2", at.Add(time.Minute))
	if cont.ID != first.ID {
		t.Fatal("a request extending the last one's messages must continue its session")
	}
	other := s.Resolve(result("", "sys", []string{"fresh"}, "r3", ""), "alice", "c3", at.Add(2*time.Minute))
	if other.ID == first.ID {
		t.Fatal("a new conversation must start a new session")
	}
	bob := s.Resolve(result("", "sys", []string{"u1", "a1", "u2", "a2", "u3"}, "", ""), "bob", "c4", at.Add(3*time.Minute))
	if bob.ID == first.ID {
		t.Fatal("another developer's traffic must not join alice's session")
	}
	sysChange := s.Resolve(result("", "other system", []string{"u1", "a1", "u2", "a2", "u3"}, "", ""), "alice", "c5", at.Add(4*time.Minute))
	if sysChange.ID == first.ID {
		t.Fatal("a changed system prompt must start a new session")
	}
	byPrev := s.Resolve(result("", "sys", nil, "r4", "r2"), "alice", "c6", at.Add(5*time.Minute))
	if byPrev.ID != first.ID {
		t.Fatal("previous_response_id must continue the session of that response")
	}
	late := s.Resolve(result("", "sys", []string{"u1", "a1", "u2", "a2", "u3", "a3", "u4"}, "", ""), "alice", "c7", at.Add(2*time.Hour))
	if late.ID == first.ID {
		t.Fatal("after the idle gap the session must end")
	}
}

// TestSessionsIgnoreClaudeCodeBillingHeader: Claude Code's first system block carries a
// per-request checksum; it must not make each request look like a sub-agent's.
func TestSessionsIgnoreClaudeCodeBillingHeader(t *testing.T) {
	s := NewSessions(0)
	at := time.Now()
	sys := func(n int) string {
		return fmt.Sprintf("x-anthropic-billing-header: cc_version=2.1.328; cch=%05x; cc_prev_req=req_%d;\nYou are Claude Code.", n*7919, n)
	}
	a := s.Resolve(result("uuid-9", sys(1), []string{"u1"}, "", ""), "alice", "c1", at)
	b := s.Resolve(result("uuid-9", sys(2), []string{"u1", "a1", "u2"}, "", ""), "alice", "c2", at.Add(time.Minute))
	if a.ID != b.ID || b.Parent != "" {
		t.Fatalf("one conversation split: %+v then %+v", a, b)
	}
}

// TestSessionsContinuationIsNeverASubAgent: Codex warms up with other instructions, then its
// real request continues that response; it must stay in the agent's session.
func TestSessionsContinuationIsNeverASubAgent(t *testing.T) {
	s := NewSessions(0)
	at := time.Now()
	warm := s.Resolve(result("thread-1", "warm-up instructions", []string{"w"}, "resp_1", ""), "bob", "c1", at)
	real := s.Resolve(result("thread-1", "real instructions", []string{"u1"}, "resp_2", "resp_1"), "bob", "c2", at.Add(time.Second))
	if real.ID != warm.ID || real.Parent != "" {
		t.Fatalf("continuation filed as a sub-agent: %+v then %+v", warm, real)
	}
}
