package e2e_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const (
	// geminiDir is Gemini CLI's own npm project, apart from agents/ so that each agent's
	// lockfile can change without touching the other's.
	geminiDir = "gemini"
	geminiPkg = "@google/gemini-cli"
	// geminiRunTimeout bounds one headless run. A good run takes a few seconds.
	geminiRunTimeout = 120 * time.Second
)

// ensureGemini returns the path of the gemini binary in gemini/node_modules and the pinned
// version, running `npm ci` first when it is missing. Under CI=true a missing toolchain or a
// failed install fails the test; elsewhere it skips.
func ensureGemini(t *testing.T) (path, version string) {
	t.Helper()
	unavailable := t.Skipf
	if os.Getenv("CI") == "true" {
		unavailable = t.Fatalf
	}
	var manifest struct{ Dependencies map[string]string }
	b, err := os.ReadFile(filepath.Join(geminiDir, "package.json"))
	if err != nil || json.Unmarshal(b, &manifest) != nil || manifest.Dependencies[geminiPkg] == "" {
		t.Fatalf("%s/package.json does not pin %s: %v", geminiDir, geminiPkg, err)
	}
	version = manifest.Dependencies[geminiPkg]
	path, err = filepath.Abs(filepath.Join(geminiDir, "node_modules", ".bin", "gemini"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		npm, err := exec.LookPath("npm")
		if err != nil {
			unavailable("%s is not installed and npm is not available: %v", geminiPkg, err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, npm, "ci", "--no-audit", "--no-fund")
		cmd.Dir = geminiDir
		if out, err := cmd.CombinedOutput(); err != nil {
			unavailable("npm ci in %s: %v\n%s", geminiDir, err, out)
		}
	}
	// `gemini --version` starts node: this also proves node is there.
	cmd := exec.Command(path, "--version")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
	out, err := cmd.Output()
	if err != nil || strings.TrimSpace(string(out)) != version {
		unavailable("%s --version = %q, %v; want %s (reinstall: rm -rf %s/node_modules)", path, out, err, version, geminiDir)
	}
	return path, version
}

// geminiResult is the part of `gemini -p ... --output-format json` the test reads.
type geminiResult struct {
	SessionID string `json:"session_id"`
	Response  string `json:"response"`
	Error     *struct {
		Type    string `json:"type"`
		Message string `json:"message"`
	} `json:"error"`
	Stats json.RawMessage `json:"stats"`
}

// runGemini runs the CLI with exactly env in dir, in its own process group (a timeout also ends
// the shells its tool started), and parses its JSON result.
func runGemini(t *testing.T, bin, dir string, env []string, args ...string) (geminiResult, []byte) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), geminiRunTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir, cmd.Env = dir, env
	cmd.Stdin = nil // headless mode must not wait for input
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	err := cmd.Run()
	t.Logf("gemini ran %v", time.Since(start).Round(time.Millisecond))
	if err != nil {
		t.Fatalf("gemini %v: %v (context: %v)\nstdout:\n%s\nstderr:\n%s", args, err, ctx.Err(), stdout.Bytes(), stderr.Bytes())
	}
	var res geminiResult
	// Warnings may precede the JSON object on stdout: parse from the first '{' on a line start.
	s := stdout.Bytes()
	if i := bytes.Index(s, []byte("\n{")); i >= 0 && !bytes.HasPrefix(bytes.TrimSpace(s), []byte("{")) {
		s = s[i+1:]
	}
	if err := json.Unmarshal(bytes.TrimSpace(s), &res); err != nil {
		t.Fatalf("gemini printed no JSON result: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.Bytes(), stderr.Bytes())
	}
	return res, stderr.Bytes()
}
