package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/sqlite"
	"github.com/recondo/recondo/graphql/internal/fixture"
)

var binDir string

func TestMain(m *testing.M) {
	var err error
	if binDir, err = os.MkdirTemp("", "recondo-graphql-e2e"); err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(binDir)
	os.Exit(code)
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// build compiles recondo-graphql once for every test of the run.
func build(goTool string) (string, error) {
	buildOnce.Do(func() {
		binPath = filepath.Join(binDir, "recondo-graphql")
		out, err := exec.Command(goTool, "build", "-o", binPath, "github.com/recondo/recondo/graphql/cmd/recondo-graphql").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	return binPath, buildErr
}

// server is the real binary serving a seeded data directory.
type server struct {
	url    string // http://127.0.0.1:port
	dir    string // the data directory it serves
	reader string // an API key
	api    *data.API
	cmd    *exec.Cmd
	exited chan error
}

// need returns the path of a tool the test runs; under CI=true a missing tool fails the test.
func need(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required under CI=true", name)
		}
		t.Skipf("%s not installed", name)
	}
	return path
}

// start builds recondo-graphql, seeds a data directory and runs `recondo-graphql serve` on a
// free loopback port, reading the address from its "serving" log line.
func start(t *testing.T) *server {
	t.Helper()
	return startWith(t, fixture.Shape{Sessions: 5, TurnsPerSession: 3, ToolCallsPerTurn: 2})
}

// startWith is start over a dataset of the given shape.
func startWith(t *testing.T, shape fixture.Shape) *server {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	bin, err := build(need(t, "go"))
	if err != nil {
		t.Fatal(err)
	}
	if err := fixture.Seed(ctx, dir, shape); err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(ctx, filepath.Join(dir, "recondo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	api := data.NewAPI(store, nil)
	key, err := api.CreateKey(ctx, "e2e", data.RoleReader, "")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve", "--listen", "127.0.0.1:0", "--data-dir", dir)
	cmd.Env = append(os.Environ(), "RECONDO_DATABASE_URL=")
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{dir: dir, reader: key.Secret, api: api, cmd: cmd, exited: make(chan error, 1)}
	addr := make(chan string, 1)
	go func() {
		lines := bufio.NewScanner(stderr)
		for lines.Scan() {
			var rec struct{ Msg, Addr string }
			if json.Unmarshal(lines.Bytes(), &rec) == nil && rec.Msg == "serving" {
				addr <- rec.Addr
			}
		}
		s.exited <- cmd.Wait()
	}()
	t.Cleanup(func() { cmd.Process.Kill() })
	select {
	case a := <-addr:
		s.url = "http://" + a
	case err := <-s.exited:
		t.Fatalf("recondo-graphql exited before serving: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("recondo-graphql did not log its address within 30 s")
	}
	return s
}

// curl runs curl and returns what it printed: the body, then the status code on the last line.
func curl(t *testing.T, args ...string) (body string, status string) {
	t.Helper()
	out, err := exec.Command(need(t, "curl"), append([]string{"-sS", "-w", "\n%{http_code}"}, args...)...).Output()
	if err != nil {
		t.Fatalf("curl %v: %v", args, err)
	}
	s := strings.TrimRight(string(out), "\n")
	i := strings.LastIndexByte(s, '\n')
	return s[:i], s[i+1:]
}

// TestCurlAgainstTheBinary: what the README shows a person typing.
func TestCurlAgainstTheBinary(t *testing.T) {
	need(t, "curl")
	s := start(t)
	query := `{"query":"{ sessions(first: 2) { edges { node { id intent } } pageInfo { hasNextPage } } }"}`
	cases := []struct {
		name   string
		args   []string
		status string
		body   string
	}{
		{"query", []string{"-H", "Authorization: Bearer " + s.reader, "-H", "Content-Type: application/json", "--data", query, s.url + "/graphql"},
			"200", `{"data":{"sessions":{"edges":[{"node":{"id":"s-005","intent":"fix the flaky test in `},
		{"no key", []string{"-H", "Content-Type: application/json", "--data", query, s.url + "/graphql"}, "401", `"code":"UNAUTHORIZED"`},
		{"GET", []string{s.url + "/graphql?query=%7Bteams%7Bname%7D%7D"}, "405", `"code":"METHOD_NOT_ALLOWED"`},
		{"health", []string{s.url + "/healthz"}, "200", "ok"},
		{"metrics", []string{s.url + "/metrics"}, "200", `recondo_http_requests_total{code="401",method="POST",surface="graphql"} 1`},
		{"dashboard, no key needed", []string{s.url + "/"}, "200", "<title>Recondo</title>"},
	}
	for _, c := range cases {
		body, status := curl(t, c.args...)
		if status != c.status || !strings.Contains(body, c.body) || strings.Contains(body, "/home/alice") {
			t.Errorf("%s: %s %s, want %s with %s", c.name, status, body, c.status, c.body)
		}
	}
	log, err := s.api.ListAccess(context.Background(), data.AccessFilter{Surface: data.SurfaceGraphQL})
	if err != nil || len(log) != 2 || log[0].Outcome != data.OutcomeDenied || log[1].Operation != "query sessions" {
		t.Fatalf("audit rows %+v, %v; want the query and the refusal", log, err)
	}
}

// TestNodeGraphQLClient runs client.mjs (graphql-request + graphql-js) against the binary,
// installing its pinned packages with npm ci when they are not there yet.
func TestNodeGraphQLClient(t *testing.T) {
	node, npm := need(t, "node"), need(t, "npm")
	installPackages(t, npm)
	s := start(t)
	out, err := exec.Command(node, "client.mjs", s.url+"/graphql", s.reader).CombinedOutput()
	if err != nil {
		t.Fatalf("node client.mjs: %v\n%s", err, out)
	}
	var got struct {
		OK       bool
		Sessions []string
		Refused  string
	}
	if err := json.Unmarshal(out, &got); err != nil || !got.OK || len(got.Sessions) != 2 {
		t.Fatalf("client said %s", out)
	}
}

// TestSIGTERMShutsDownGracefully: the binary stops on SIGTERM with exit status 0.
func TestSIGTERMShutsDownGracefully(t *testing.T) {
	s := start(t)
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-s.exited:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("still running 20 s after SIGTERM")
	}
}

// TestDevModeRefusesToListenBeyondLoopback: --dev has no keys, so it must not be reachable from
// other machines; the binary exits before opening anything.
func TestDevModeRefusesToListenBeyondLoopback(t *testing.T) {
	bin, err := build(need(t, "go"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "serve", "--dev", "--listen", "0.0.0.0:0", "--data-dir", t.TempDir()).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "loopback only") {
		t.Fatalf("--dev on 0.0.0.0: err %v, output %s", err, out)
	}
}
