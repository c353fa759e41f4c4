package ca

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Info is what `recondo ca show` prints.
type Info struct {
	Subject     string
	Fingerprint string // SHA-256 of the DER certificate, uppercase hex with colons
	NotBefore   time.Time
	NotAfter    time.Time
	Path        string // path of ca.crt
}

// Info describes the CA certificate.
func (a *Authority) Info() Info {
	return Info{
		Subject:     a.Cert.Subject.String(),
		Fingerprint: fingerprint(a.Cert.Raw),
		NotBefore:   a.Cert.NotBefore,
		NotAfter:    a.Cert.NotAfter,
		Path:        filepath.Join(a.Dir, CertFile),
	}
}

// fingerprint formats like `openssl x509 -fingerprint -sha256`, so users can compare the two.
func fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(parts, ":")
}

// shortID is the first 8 hex digits of the fingerprint; it names the trust-store file so
// several Recondo CAs (say, after `init --force`) never overwrite one another there.
func shortID(der []byte) string {
	sum := sha256.Sum256(der)
	return hex.EncodeToString(sum[:4])
}

// Export writes the CA certificate (never the key) as PEM to path with mode 0644, replacing
// any existing file atomically.
func (a *Authority) Export(path string) error {
	if path == "" {
		return errors.New("ca: export: no destination file given")
	}
	// Guard against `recondo ca export ~/.recondo/ca/ca.key`, which would destroy the key.
	if a.Dir != "" {
		if dst, err := os.Stat(path); err == nil {
			if key, err := os.Stat(filepath.Join(a.Dir, KeyFile)); err == nil && os.SameFile(dst, key) {
				return fmt.Errorf("ca: export: %s is the CA key; choose another file name", path)
			}
		}
	}
	tmp, err := writeTemp(filepath.Dir(path), a.CertPEM, certPerm)
	if err != nil {
		return fmt.Errorf("ca: export to %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("ca: export to %s: %w", path, err)
	}
	return nil
}
