package ca

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/x509"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestInitCreatesFilesWithSafeModes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "ca")
	if _, err := Init(dir, InitOptions{}); err != nil {
		t.Fatalf("Init: %v", err)
	}
	tests := []struct {
		path string
		want os.FileMode
	}{
		{dir, 0o700},
		{filepath.Join(dir, CertFile), 0o644},
		{filepath.Join(dir, KeyFile), 0o600},
	}
	for _, tt := range tests {
		if got := mode(t, tt.path); got != tt.want {
			t.Errorf("mode of %s = %04o, want %04o", tt.path, got, tt.want)
		}
	}
}

func TestInitCertificateProfile(t *testing.T) {
	tests := []struct {
		name     string
		opt      InitOptions
		wantCN   string
		wantOrg  []string
		validity time.Duration
	}{
		{"defaults", InitOptions{}, "Recondo Local CA", nil, 10 * 365 * 24 * time.Hour},
		{"custom", InitOptions{CommonName: "Team CA", Organization: "Acme", Validity: 48 * time.Hour},
			"Team CA", []string{"Acme"}, 48 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := time.Now()
			a, err := Init(filepath.Join(t.TempDir(), "ca"), tt.opt)
			if err != nil {
				t.Fatalf("Init: %v", err)
			}
			c := a.Cert
			if c.Subject.CommonName != tt.wantCN {
				t.Errorf("CN = %q, want %q", c.Subject.CommonName, tt.wantCN)
			}
			if len(c.Subject.Organization) != len(tt.wantOrg) ||
				(len(tt.wantOrg) > 0 && c.Subject.Organization[0] != tt.wantOrg[0]) {
				t.Errorf("O = %q, want %q", c.Subject.Organization, tt.wantOrg)
			}
			if !c.IsCA || !c.BasicConstraintsValid || c.MaxPathLen != 0 || !c.MaxPathLenZero {
				t.Errorf("basic constraints: IsCA=%v valid=%v MaxPathLen=%d zero=%v, want CA:true pathlen:0",
					c.IsCA, c.BasicConstraintsValid, c.MaxPathLen, c.MaxPathLenZero)
			}
			if want := x509.KeyUsageCertSign | x509.KeyUsageCRLSign; c.KeyUsage != want {
				t.Errorf("KeyUsage = %v, want %v", c.KeyUsage, want)
			}
			pub, ok := c.PublicKey.(*ecdsa.PublicKey)
			if !ok || pub.Curve != elliptic.P256() {
				t.Errorf("public key = %T, want ECDSA P-256", c.PublicKey)
			}
			if c.SignatureAlgorithm != x509.ECDSAWithSHA256 {
				t.Errorf("signature algorithm = %v, want ECDSA-SHA256", c.SignatureAlgorithm)
			}
			if got := c.NotAfter.Sub(before); got < tt.validity-time.Minute || got > tt.validity+time.Minute {
				t.Errorf("NotAfter - now = %v, want about %v", got, tt.validity)
			}
			if !c.NotBefore.Before(before.Add(-47 * time.Hour)) {
				t.Errorf("NotBefore = %v, want backdated about 2 days before %v", c.NotBefore, before)
			}
			if err := c.CheckSignatureFrom(c); err != nil {
				t.Errorf("not self-signed: %v", err)
			}
		})
	}
}

func TestInitRefusesExistingCA(t *testing.T) {
	tests := []struct {
		name    string
		present []string // files left in place before the second Init
		force   bool
		wantErr bool
	}{
		{"both files", []string{CertFile, KeyFile}, false, true},
		{"only cert", []string{CertFile}, false, true},
		{"only key", []string{KeyFile}, false, true},
		{"force replaces", []string{CertFile, KeyFile}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first := newTestCA(t)
			for _, f := range []string{CertFile, KeyFile} {
				if !slices.Contains(tt.present, f) {
					if err := os.Remove(filepath.Join(first.Dir, f)); err != nil {
						t.Fatal(err)
					}
				}
			}
			second, err := Init(first.Dir, InitOptions{Force: tt.force})
			if tt.wantErr {
				checkErr(t, err, ErrExists, first.Dir, "recondo init --force")
				return
			}
			if err != nil {
				t.Fatalf("Init(Force): %v", err)
			}
			if second.Info().Fingerprint == first.Info().Fingerprint {
				t.Errorf("Force kept the old CA")
			}
			loaded, err := Load(first.Dir)
			if err != nil {
				t.Fatalf("Load after Force: %v", err)
			}
			if got, want := loaded.Info().Fingerprint, second.Info().Fingerprint; got != want {
				t.Errorf("loaded fingerprint %s, want the new CA %s", got, want)
			}
			if got := mode(t, filepath.Join(first.Dir, KeyFile)); got != 0o600 {
				t.Errorf("key mode after Force = %04o, want 0600", got)
			}
			if got := mode(t, filepath.Join(first.Dir, CertFile)); got != 0o644 {
				t.Errorf("cert mode after Force = %04o, want 0644", got)
			}
			entries, err := os.ReadDir(first.Dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 2 {
				t.Errorf("dir holds %d entries after Force, want 2 (no leftover temp files)", len(entries))
			}
		})
	}
}
