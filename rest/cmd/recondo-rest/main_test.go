package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/recondo/recondo/rest/internal/resttest"
)

func TestFlagsFallBackToEnvironment(t *testing.T) {
	env := map[string]string{"RECONDO_REST_LISTEN": "127.0.0.1:9999", "RECONDO_DATA_DIR": "/tmp/d", "RECONDO_DATABASE_URL": "postgres://x", "RECONDO_REST_DEV": "true"}
	cfg, _, err := parseFlags(nil, func(k string) string { return env[k] }, io.Discard)
	if err != nil || cfg.Listen != "127.0.0.1:9999" || cfg.DataDir != "/tmp/d" || cfg.DatabaseURL != "postgres://x" || !cfg.Dev {
		t.Fatalf("from the environment: %+v, %v", cfg, err)
	}
	cfg, _, err = parseFlags([]string{"--listen", "127.0.0.1:1", "--dev=false"}, func(k string) string { return env[k] }, io.Discard)
	if err != nil || cfg.Listen != "127.0.0.1:1" || cfg.Dev {
		t.Fatalf("flags over the environment: %+v, %v", cfg, err)
	}
	cfg, _, err = parseFlags(nil, func(string) string { return "" }, io.Discard)
	if err != nil || cfg.Listen != "127.0.0.1:8081" {
		t.Fatalf("defaults: %+v, %v", cfg, err)
	}
	if _, _, err := parseFlags([]string{"--log-level", "loud"}, func(string) string { return "" }, io.Discard); err == nil {
		t.Fatal("bad --log-level accepted")
	}
	if code := run([]string{"query"}, func(string) string { return "" }, io.Discard); code != 2 {
		t.Fatalf("unknown command: exit %d", code)
	}
}

func TestDevModeRefusesANonLoopbackListen(t *testing.T) {
	var stderr bytes.Buffer
	code := run([]string{"serve", "--dev", "--listen", "0.0.0.0:0", "--data-dir", t.TempDir()}, func(string) string { return "" }, &stderr)
	if code == 0 || !strings.Contains(stderr.String(), "loopback") {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
}

// TestCurlAgainstTheBinary builds recondo-rest, serves a seeded data dir and drives it with curl,
// as an operator would.
func TestCurlAgainstTheBinary(t *testing.T) {
	curl, err := exec.LookPath("curl")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("curl is required under CI=true")
		}
		t.Skip("no curl on PATH")
	}
	f := resttest.New(t)
	bin := filepath.Join(t.TempDir(), "recondo-rest")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	srv := exec.CommandContext(ctx, bin, "serve", "--listen", "127.0.0.1:0", "--data-dir", f.Dir)
	srv.Env = append(os.Environ(), "RECONDO_DATABASE_URL=")
	stderr, _ := srv.StderrPipe()
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	base := "http://" + serveAddr(t, stderr, srv, exited)

	type call struct {
		name   string
		args   []string
		status string
		check  func(body string) bool
	}
	reader := "Authorization: Bearer " + f.Reader
	huge := filepath.Join(t.TempDir(), "huge.json")
	os.WriteFile(huge, []byte(`{"resource":"turns","filters":{"text":"`+strings.Repeat("x", 10<<20)+`"}}`), 0o600)
	for _, c := range []call{
		{"healthz", []string{base + "/healthz"}, "200", func(b string) bool { return strings.TrimSpace(b) == "ok" }},
		{"no key", []string{base + "/v1/sessions"}, "401", problemBody},
		{"revoked key", []string{"-H", "Authorization: Bearer " + f.Revoked, base + "/v1/sessions"}, "401", problemBody},
		{"sessions", []string{"-H", reader, base + "/v1/sessions?team=payments"}, "200", func(b string) bool { return strings.Contains(b, `"id":"s-05"`) }},
		{"query", []string{"-H", reader, "-H", "Content-Type: application/json", "-d", `{"resource":"turns","group_by":["team"],"metrics":["count","cost_usd","latency_p90_ms"],"filters":{"from":"2026-01-05","to":"2026-01-08"}}`, base + "/v1/query"}, "200",
			func(b string) bool { return strings.Contains(b, `{"team":"payments","count":8,`) }},
		{"query as CSV", []string{"-H", reader, "-H", "Accept: text/csv", "-H", "Content-Type: application/json", "-d", `{"resource":"sessions","fields":["id","developer","cost_usd"]}`, base + "/v1/query"}, "200", csvOf(7)},
		{"unknown field", []string{"-H", reader, "-H", "Content-Type: application/json", "-d", `{"resource":"turns","filters":{"modle":"x"}}`, base + "/v1/query"}, "400",
			func(b string) bool { return strings.Contains(b, `"field":"filters.modle"`) }},
		{"injection", []string{"-H", reader, "-H", "Content-Type: application/json", "-d", `{"resource":"turns","filters":{"developer":"'; DROP TABLE turns; --"}}`, base + "/v1/query"}, "200",
			func(b string) bool { return strings.Contains(b, `"rows":[]`) }},
		{"10 MB body", []string{"-H", reader, "-H", "Content-Type: application/json", "--data-binary", "@" + huge, base + "/v1/query"}, "413", problemBody},
		{"traversal", []string{"--path-as-is", "-H", reader, base + "/v1/turns/..%2F..%2F..%2Fetc%2Fpasswd/request"}, "404", problemBody},
		{"masked body", []string{"-H", reader, base + "/v1/turns/" + resttest.BodyTurn + "/request"}, "200",
			func(b string) bool { return strings.Contains(b, "read ") && !strings.Contains(b, "/home/alice") }},
		{"reader mutation", []string{"-H", reader, "-H", "Content-Type: application/json", "-d", `{"name":"x","kind":"block","spec":{}}`, base + "/v1/policies"}, "403", problemBody},
		{"openapi", []string{base + "/v1/openapi.json"}, "200", func(b string) bool { return strings.Contains(b, `"openapi": "3.1.0"`) }},
		{"metrics", []string{base + "/metrics"}, "200", func(b string) bool {
			return strings.Contains(b, `recondo_http_requests_total{code="413",method="POST",surface="rest"} 1`)
		}},
	} {
		args := append([]string{"-sS", "--max-time", "30", "-o", "-", "-w", "\n%{http_code}"}, c.args...)
		out, err := exec.Command(curl, args...).CombinedOutput()
		if err != nil && c.status != "413" { // curl may see the connection closed after a 413
			t.Errorf("%s: curl: %v\n%s", c.name, err, out)
			continue
		}
		body, status := splitStatus(string(out))
		if status != c.status || !c.check(body) {
			t.Errorf("%s: status %s (want %s), body %.300s", c.name, status, c.status, body)
		}
	}

	// Graceful shutdown on SIGTERM.
	srv.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no exit 20 s after SIGTERM")
	}
}

// serveAddr reads the server's log until it says where it listens; the rest of the log is
// drained so the server never blocks on it.
func serveAddr(t *testing.T, stderr io.Reader, srv *exec.Cmd, exited chan<- error) string {
	t.Helper()
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			var line struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "serving" {
				addr <- line.Addr
			}
		}
		exited <- srv.Wait()
	}()
	select {
	case a := <-addr:
		return a
	case <-time.After(30 * time.Second):
		t.Fatal("recondo-rest did not start")
	}
	return ""
}

func splitStatus(out string) (body, status string) {
	i := strings.LastIndexByte(out, '\n')
	if i < 0 {
		return "", out
	}
	return out[:i], out[i+1:]
}

func problemBody(b string) bool {
	var p struct {
		Type   string `json:"type"`
		Status int    `json:"status"`
	}
	return json.Unmarshal([]byte(b), &p) == nil && strings.HasPrefix(p.Type, "tag:recondo.dev,2026:problem/") && p.Status >= 400
}

func csvOf(records int) func(string) bool {
	return func(b string) bool {
		recs, err := csv.NewReader(strings.NewReader(b)).ReadAll()
		return err == nil && len(recs) == records && strings.Join(recs[0], ",") == "id,developer,cost_usd"
	}
}
