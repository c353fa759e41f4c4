package ca

import (
	"crypto"
	"crypto/x509"
)

// CertFile and KeyFile are the CA's file names inside its directory
// ($RECONDO_DATA_DIR/ca/).
const CertFile, KeyFile = "ca.crt", "ca.key"

// Authority is a loaded CA: the certificate clients trust and the key that signs leaves.
type Authority struct {
	Cert    *x509.Certificate
	Key     crypto.Signer
	CertPEM []byte // exactly what is in ca.crt, for export and trust-store install
	Dir     string // directory holding ca.crt and ca.key
}
