package command

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/datatest"
	"github.com/recondo/recondo/data/objects"
	"github.com/recondo/recondo/data/sqlite"
	"github.com/recondo/recondo/data/write"
	"github.com/recondo/recondo/data/write/objectwriter"
)

// updating reports -update, the flag data/datatest (imported here) registers for golden files.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// recondoBin is the CLI built once for the tests: they run it as a user would.
var recondoBin string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "recondo-cli-")
	if err != nil {
		panic(err)
	}
	recondoBin = filepath.Join(dir, "recondo")
	if out, err := exec.Command("go", "build", "-o", recondoBin, "github.com/recondo/recondo/cli/cmd/recondo").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build recondo: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// seeded is a data dir with the conformance dataset plus session s-real, whose two turns have
// real stored bodies (verify reads them).
func seeded(t *testing.T) (dir string, reqObject string) {
	t.Helper()
	ctx := context.Background()
	dir = t.TempDir()
	w, err := write.OpenSQLite(ctx, filepath.Join(dir, "recondo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.Write(ctx, datatest.Exchanges()...); err != nil {
		t.Fatal(err)
	}
	ow, err := objectwriter.NewFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 2; i++ {
		req := fmt.Sprintf(`{"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"step %d in /home/alice/src/app"}]}`, i)
		res := fmt.Sprintf(`{"type":"message","content":[{"type":"text","text":"done %d"}]}`, i)
		rh, rn, err := ow.Put(ctx, objects.Request, strings.NewReader(req))
		if err != nil {
			t.Fatal(err)
		}
		sh, sn, err := ow.Put(ctx, objects.Response, strings.NewReader(res))
		if err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			reqObject = rh
		}
		at := datatest.Base.Add(time.Duration(i) * time.Minute)
		if _, err := w.Write(ctx, write.Exchange{
			Session: data.Session{ID: "s-real", Provider: "anthropic", Developer: "alice", Team: "platform", Intent: "verify me"},
			Turn: data.Turn{ID: fmt.Sprintf("t-real-%d", i), StartedAt: at, Host: "api.anthropic.com", Method: "POST", Path: "/v1/messages",
				Status: 200, Transport: data.TransportHTTPJSON, Provider: "anthropic", Model: "claude-sonnet-4-5",
				RequestSHA256: rh, RequestSize: rn, ResponseSHA256: sh, ResponseSize: sn, Complete: true, Parsed: true},
		}); err != nil {
			t.Fatal(err)
		}
	}
	return dir, reqObject
}

// recondo runs the built binary and returns its exit code and output.
func recondo(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(recondoBin, args...)
	cmd.Env = append(os.Environ(), "RECONDO_DATA_DIR="+dir, "TZ=UTC", "RECONDO_DATABASE_URL=")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errb.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if updating() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden %s missing: run go test -update", path)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file:\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

func TestReadCommandsAsAUserRunsThem(t *testing.T) {
	dir, _ := seeded(t)
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"sessions.txt", []string{"sessions", "--team", "payments"}, ExitOK},
		{"sessions.json", []string{"sessions", "--json", "--limit", "3"}, ExitOK},
		{"sessions-text.json", []string{"sessions", "--text", "ledger migration", "--json"}, ExitOK},
		{"session-turns.txt", []string{"session", "s-03", "--turns"}, ExitOK},
		{"session-turns.json", []string{"session", "s-01", "--turns", "--json"}, ExitOK},
		{"turn.txt", []string{"turn", "t-03-1"}, ExitOK},
		{"search.json", []string{"search", "deploy staging", "--limit", "3", "--json"}, ExitOK},
		{"stats-team.txt", []string{"stats", "--by", "team", "--since", "2026-01-01"}, ExitOK},
		{"stats-model-day.json", []string{"stats", "--by", "model", "--bucket", "day", "--since", "2026-01-01", "--json"}, ExitOK},
		{"export.ndjson", []string{"export", "s-02", "--format", "ndjson"}, ExitOK},
		{"verify-ok.txt", []string{"verify", "s-real"}, ExitOK},
	}
	for _, c := range cases {
		code, out, stderr := recondo(t, dir, c.args...)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d (stderr %q)", c.args, code, c.code, stderr)
			continue
		}
		golden(t, c.name, out)
	}
}

func TestExitCodes(t *testing.T) {
	dir, _ := seeded(t)
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"session", "no-such-session"}, ExitNotFound, "not found"},
		{[]string{"sessions", "--limit", "9999"}, ExitUsage, "limit"},
		{[]string{"stats", "--by", "password"}, ExitUsage, "group_by"},
		{[]string{"search", "%%%"}, ExitUsage, "no words"},
		{[]string{"verify"}, ExitUsage, ""},
		{[]string{"verify", "no-such-session"}, ExitNotFound, "not found"},
	} {
		code, _, stderr := recondo(t, dir, c.args...)
		if code != c.code || !strings.Contains(stderr, c.msg) {
			t.Errorf("%v: exit %d stderr %q, want exit %d mentioning %q", c.args, code, stderr, c.code, c.msg)
		}
	}
}

func TestVerifyFailsAndNamesTamperedObject(t *testing.T) {
	dir, reqObject := seeded(t)
	path, err := objects.NewFS(dir).Path(objects.Request, reqObject)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("not gzip at all"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, _ := recondo(t, dir, "verify", "s-real")
	if code != ExitFailed || !strings.Contains(out, "MISMATCH turn t-real-1 req object "+reqObject) {
		t.Fatalf("verify after tampering: exit %d\n%s", code, out)
	}
}

// TestUnmaskedIsAudited: --unmasked shows the stored text and leaves a row in the audit log.
func TestUnmaskedIsAudited(t *testing.T) {
	dir, _ := seeded(t)
	_, masked, _ := recondo(t, dir, "turn", "t-01-1", "--json")
	if strings.Contains(masked, "/home/alice") {
		t.Fatal("masked output shows a home path")
	}
	code, raw, _ := recondo(t, dir, "turn", "t-01-1", "--json", "--unmasked")
	if code != ExitOK || !strings.Contains(raw, "/home/alice/src/recondo") {
		t.Fatalf("unmasked output: %d %.300s", code, raw)
	}
	store, err := sqlite.Open(context.Background(), filepath.Join(dir, "recondo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	log, err := store.ListAccess(context.Background(), data.AccessFilter{Surface: data.SurfaceCLI, Limit: 10})
	if err != nil || len(log) != 1 || !log[0].Unmasked || log[0].Operation != "get_turn" || log[0].ResourceIDs[0] != "t-01-1" {
		t.Fatalf("audit log = %+v, %v", log, err)
	}
}

func TestPolicyCommands(t *testing.T) {
	dir, _ := seeded(t)
	code, out, stderr := recondo(t, dir, "policy", "create", "--name", "payments cap", "--kind", "spend_cap", "--spec", `{"team":"payments","usd_per_day":50}`, "--json")
	if code != ExitOK {
		t.Fatalf("create: %d %s", code, stderr)
	}
	var p data.Policy
	if err := json.Unmarshal([]byte(out), &p); err != nil || !p.Enabled || p.Kind != "spend_cap" {
		t.Fatalf("create --json = %q (%v)", out, err)
	}
	if code, _, stderr := recondo(t, dir, "policy", "create", "--name", "payments cap", "--kind", "spend_cap", "--spec", `{}`); code != ExitFailed || !strings.Contains(stderr, "exists") {
		t.Fatalf("duplicate name: %d %q", code, stderr)
	}
	if code, _, _ := recondo(t, dir, "policy", "create", "--name", "x", "--kind", "block", "--spec", `not json`); code != ExitUsage {
		t.Fatalf("bad spec: %d, want %d", code, ExitUsage)
	}
	if code, _, stderr := recondo(t, dir, "policy", "update", p.ID, "--name", "payments cap", "--kind", "spend_cap", "--spec", `{"usd_per_day":80}`, "--disabled"); code != ExitOK {
		t.Fatalf("update: %d %s", code, stderr)
	}
	code, out, _ = recondo(t, dir, "policy", "list")
	if code != ExitOK || !strings.Contains(out, "payments cap") || !strings.Contains(out, "false") {
		t.Fatalf("list: %d %q", code, out)
	}
	if code, _, _ := recondo(t, dir, "policy", "delete", p.ID); code != ExitOK {
		t.Fatalf("delete: %d", code)
	}
	if code, _, _ := recondo(t, dir, "policy", "delete", p.ID); code != ExitNotFound {
		t.Fatalf("delete twice: %d, want %d", code, ExitNotFound)
	}
}
