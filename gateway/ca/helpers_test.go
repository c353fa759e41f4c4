package ca

import (
	"crypto/x509"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newTestCA creates a real CA in a fresh temporary directory.
func newTestCA(t testing.TB) *Authority {
	t.Helper()
	a, err := Init(filepath.Join(t.TempDir(), "ca"), InitOptions{})
	if err != nil {
		t.Fatalf("Init: %v", err)
	}
	return a
}

func pool(a *Authority) *x509.CertPool {
	p := x509.NewCertPool()
	p.AddCert(a.Cert)
	return p
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatalf("stat %s: %v", path, err)
	}
	return st.Mode().Perm()
}

// checkErr fails unless err wraps want (when want is non-nil) and mentions every fragment.
func checkErr(t *testing.T, err, want error, fragments ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("got nil error, want one wrapping %v mentioning %q", want, fragments)
	}
	if want != nil && !errors.Is(err, want) {
		t.Errorf("got error %q, want it to wrap %q", err, want)
	}
	for _, f := range fragments {
		if !strings.Contains(err.Error(), f) {
			t.Errorf("got error %q, want it to mention %q", err, f)
		}
	}
}
