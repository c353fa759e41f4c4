package objects

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
)

// The read side is tested against files written here with the standard library, independently of
// objectwriter, so a bug shared by both sides cannot hide.

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func gzipBytes(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatalf("gzip: %v", err)
	}
	if err := zw.Close(); err != nil {
		t.Fatalf("gzip close: %v", err)
	}
	return buf.Bytes()
}

// writeRaw stores file content verbatim under kind/hash, creating the directories.
func writeRaw(t *testing.T, dataDir string, kind Kind, hash string, content []byte) {
	t.Helper()
	dir := filepath.Join(dataDir, "objects", string(kind))
	if err := os.MkdirAll(dir, 0o750); err != nil {
		t.Fatalf("mkdir: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, hash), content, 0o640); err != nil {
		t.Fatalf("write object: %v", err)
	}
}

// writeObject stores body the way the writer does and returns its hash.
func writeObject(t *testing.T, dataDir string, kind Kind, body []byte) string {
	t.Helper()
	hash := sum(body)
	writeRaw(t, dataDir, kind, hash, gzipBytes(t, body))
	return hash
}
