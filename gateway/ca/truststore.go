package ca

import (
	"bytes"
	"context"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

const (
	defaultTrustDir = "/usr/local/share/ca-certificates"
	// commandTimeout bounds update-ca-certificates, which rebuilds the whole bundle and runs
	// hooks (Java keystore, etc.) but should never take minutes.
	commandTimeout = 2 * time.Minute
)

// TrustStore adds the CA to, and removes it from, a Debian-style system trust store.
type TrustStore struct {
	CertDir string   // where local CAs live; default /usr/local/share/ca-certificates
	Command []string // bundle rebuild command; default ["update-ca-certificates"]
}

func (t TrustStore) certDir() string {
	if t.CertDir == "" {
		return defaultTrustDir
	}
	return t.CertDir
}

func (t TrustStore) command() []string {
	if len(t.Command) == 0 {
		return []string{"update-ca-certificates"}
	}
	return t.Command
}

// path is where a's certificate is placed: recondo-<first 8 hex of fingerprint>.crt
// (update-ca-certificates only picks up *.crt files).
func (t TrustStore) path(a *Authority) string {
	return filepath.Join(t.certDir(), "recondo-"+shortID(a.Cert.Raw)+".crt")
}

// Install copies the CA certificate into CertDir and runs Command to rebuild the bundle.
func (t TrustStore) Install(a *Authority) error {
	dst := t.path(a)
	if err := os.MkdirAll(t.certDir(), 0o755); err != nil {
		return trustErr("install", err)
	}
	tmp, err := writeTemp(t.certDir(), a.CertPEM, certPerm)
	if err != nil {
		return trustErr("install", err)
	}
	if err := os.Rename(tmp, dst); err != nil {
		_ = os.Remove(tmp)
		return trustErr("install", err)
	}
	return t.run("install", t.command())
}

// Revoke removes the CA certificate from CertDir and runs Command --fresh, which also drops
// the stale symlink. The command runs even when the file is already gone, so a revoke whose
// rebuild failed earlier can simply be retried.
func (t TrustStore) Revoke(a *Authority) error {
	if err := os.Remove(t.path(a)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return trustErr("revoke", err)
	}
	return t.run("revoke", append(append([]string(nil), t.command()...), "--fresh"))
}

// Installed reports whether CertDir holds a's certificate. It does not inspect the generated
// bundle, which only changes when Command runs.
func (t TrustStore) Installed(a *Authority) (bool, error) {
	b, err := os.ReadFile(t.path(a))
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("ca: check trust store: %w", err)
	}
	block, _ := pem.Decode(b)
	return block != nil && bytes.Equal(block.Bytes, a.Cert.Raw), nil
}

func (t TrustStore) run(op string, argv []string) error {
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, argv[0], argv[1:]...).CombinedOutput()
	if err != nil {
		msg := strings.TrimSpace(string(out))
		if msg != "" {
			msg = ": " + msg
		}
		return fmt.Errorf("ca: %s: %s failed: %w%s; changing the system trust store needs root, "+
			"so re-run with sudo (without update-ca-certificates, import `recondo ca export` output "+
			"into your trust store by hand)",
			op, strings.Join(argv, " "), err, msg)
	}
	return nil
}

func trustErr(op string, err error) error {
	if errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("ca: %s: %w; the system trust store needs root: re-run with sudo", op, err)
	}
	return fmt.Errorf("ca: %s: %w", op, err)
}
