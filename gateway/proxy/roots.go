package proxy

import (
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
)

// RootCAs returns the pool upstream TLS is verified against: the system roots plus, for
// corporate SSL inspection, the PEM files named by RECONDO_EXTRA_CA_CERTS (a path list) and
// <dataDir>/ca/extra_roots.pem. Each extra file loaded is logged. Verification is never turned
// off.
func RootCAs(dataDir string, log *slog.Logger) (*x509.CertPool, error) {
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	var files []string
	if env := os.Getenv("RECONDO_EXTRA_CA_CERTS"); env != "" {
		files = append(files, filepath.SplitList(env)...)
	}
	files = append(files, filepath.Join(dataDir, "ca", "extra_roots.pem"))
	for i, f := range files {
		pem, err := os.ReadFile(f)
		if errors.Is(err, os.ErrNotExist) && i == len(files)-1 {
			continue // the data-dir file is optional
		}
		if err != nil {
			return nil, fmt.Errorf("read extra root CAs %s: %w", f, err)
		}
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("extra root CAs %s: no PEM certificate found", f)
		}
		log.Info("loaded extra upstream root CAs", "file", f)
	}
	return pool, nil
}
