package ca

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestInfo(t *testing.T) {
	a, err := Init(filepath.Join(t.TempDir(), "ca"), InitOptions{Organization: "Acme"})
	if err != nil {
		t.Fatal(err)
	}
	got := a.Info()
	if want := "CN=Recondo Local CA,O=Acme"; got.Subject != want {
		t.Errorf("Subject = %q, want %q", got.Subject, want)
	}
	if !regexp.MustCompile(`^([0-9A-F]{2}:){31}[0-9A-F]{2}$`).MatchString(got.Fingerprint) {
		t.Errorf("Fingerprint = %q, want 32 uppercase hex bytes joined by colons", got.Fingerprint)
	}
	if !got.NotBefore.Equal(a.Cert.NotBefore) || !got.NotAfter.Equal(a.Cert.NotAfter) {
		t.Errorf("validity = %v..%v, want %v..%v", got.NotBefore, got.NotAfter, a.Cert.NotBefore, a.Cert.NotAfter)
	}
	if want := filepath.Join(a.Dir, CertFile); got.Path != want {
		t.Errorf("Path = %q, want %q", got.Path, want)
	}

	// The fingerprint must match what users see from openssl.
	openssl, err := exec.LookPath("openssl")
	if err != nil {
		t.Skip("openssl not installed; fingerprint not cross-checked")
	}
	out, err := exec.Command(openssl, "x509", "-noout", "-fingerprint", "-sha256", "-in", got.Path).Output()
	if err != nil {
		t.Fatalf("openssl: %v", err)
	}
	_, fp, _ := strings.Cut(strings.TrimSpace(string(out)), "=")
	if fp != got.Fingerprint {
		t.Errorf("Fingerprint = %s, openssl says %s", got.Fingerprint, fp)
	}
}

func TestExport(t *testing.T) {
	tests := []struct {
		name     string
		existing []byte // content already at the destination, if any
	}{
		{"new file", nil},
		{"replaces private file", []byte("old")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTestCA(t)
			dst := filepath.Join(t.TempDir(), "recondo-ca.pem")
			if tt.existing != nil {
				write(t, dst, tt.existing, 0o600)
			}
			if err := a.Export(dst); err != nil {
				t.Fatalf("Export: %v", err)
			}
			got, err := os.ReadFile(dst)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, a.CertPEM) {
				t.Errorf("exported %q, want the CA PEM", got)
			}
			if bytes.Contains(got, []byte("PRIVATE KEY")) {
				t.Errorf("export contains the private key")
			}
			if m := mode(t, dst); m != 0o644 {
				t.Errorf("mode = %04o, want 0644", m)
			}
		})
	}
}

func TestExportRefusesKeyPath(t *testing.T) {
	a := newTestCA(t)
	keyPath := filepath.Join(a.Dir, KeyFile)
	before, err := os.ReadFile(keyPath)
	if err != nil {
		t.Fatal(err)
	}
	checkErr(t, a.Export(keyPath), nil, "CA key")
	after, err := os.ReadFile(keyPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Errorf("Export overwrote the CA key")
	}
	checkErr(t, a.Export(filepath.Join(t.TempDir(), "missing", "ca.pem")), nil, "export to")
}
