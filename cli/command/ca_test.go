package command

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestInitShowExport(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := run(t, "ca", "show", "--data-dir", dir); code != ExitNotFound || !strings.Contains(stderr, "recondo init") {
		t.Fatalf("show before init: code %d, stderr %q", code, stderr)
	}
	code, out, stderr := run(t, "init", "--data-dir", dir, "--json")
	if code != ExitOK {
		t.Fatalf("init: %d %s", code, stderr)
	}
	var info struct{ Fingerprint, Subject string }
	if err := json.Unmarshal([]byte(out), &info); err != nil || len(info.Fingerprint) != 95 {
		t.Fatalf("init --json = %q (%v)", out, err)
	}
	st, err := os.Stat(filepath.Join(dir, "ca", "ca.key"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("ca.key: %v %v", st.Mode(), err)
	}
	if code, _, _ := run(t, "init", "--data-dir", dir); code != ExitFailed {
		t.Fatalf("second init: code %d, want %d", code, ExitFailed)
	}
	code, out, _ = run(t, "ca", "show", "--data-dir", dir)
	if code != ExitOK || !strings.Contains(out, info.Fingerprint) || !strings.Contains(out, "Valid:") {
		t.Fatalf("show: %d %q", code, out)
	}
	dst := filepath.Join(t.TempDir(), "recondo.pem")
	if code, _, stderr := run(t, "ca", "export", "--data-dir", dir, dst); code != ExitOK {
		t.Fatalf("export: %d %s", code, stderr)
	}
	b, _ := os.ReadFile(dst)
	if !bytes.Contains(b, []byte("BEGIN CERTIFICATE")) || bytes.Contains(b, []byte("PRIVATE KEY")) {
		t.Fatalf("exported %q", b)
	}
	os.Chmod(filepath.Join(dir, "ca", "ca.key"), 0o644)
	if code, _, stderr := run(t, "ca", "show", "--data-dir", dir); code != ExitFailed || !strings.Contains(stderr, "chmod") {
		t.Fatalf("insecure key: code %d %q", code, stderr)
	}
}

func TestUnknownCommandIsUsageError(t *testing.T) {
	if code, _, _ := run(t, "frobnicate"); code != ExitUsage {
		t.Fatalf("code %d", code)
	}
	if code, out, _ := run(t, "help"); code != ExitOK || !strings.Contains(out, "ca show") {
		t.Fatalf("help: %d %q", code, out)
	}
}

func TestKeysCreateListRevoke(t *testing.T) {
	dir := t.TempDir()
	code, out, stderr := run(t, "keys", "create", "--data-dir", dir, "--name", "dash", "--role", "reader", "--json")
	if code != ExitOK {
		t.Fatalf("create: %d %s", code, stderr)
	}
	var k struct {
		Key    struct{ ID, Role string }
		Secret string
	}
	if err := json.Unmarshal([]byte(out), &k); err != nil || !strings.HasPrefix(k.Secret, "rcd_") || k.Key.Role != "reader" {
		t.Fatalf("create --json = %q (%v)", out, err)
	}
	if code, out, _ := run(t, "keys", "list", "--data-dir", dir); code != ExitOK || !strings.Contains(out, k.Key.ID) || strings.Contains(out, k.Secret) {
		t.Fatalf("list: %d %q (the secret must never be listed)", code, out)
	}
	if code, _, _ := run(t, "keys", "revoke", "--data-dir", dir, k.Key.ID); code != ExitOK {
		t.Fatalf("revoke: %d", code)
	}
	if code, _, _ := run(t, "keys", "revoke", "--data-dir", dir, k.Key.ID); code != ExitNotFound {
		t.Fatalf("revoke twice: %d, want %d", code, ExitNotFound)
	}
	if code, _, _ := run(t, "keys", "create", "--data-dir", dir, "--name", "x", "--role", "root"); code != ExitUsage {
		t.Fatalf("bad role: %d, want %d", code, ExitUsage)
	}
}
