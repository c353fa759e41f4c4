package objectwriter

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
)

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func newFS(t testing.TB) (*FS, string) {
	t.Helper()
	dataDir := t.TempDir()
	w, err := NewFS(dataDir)
	if err != nil {
		t.Fatalf("NewFS: %v", err)
	}
	return w, dataDir
}

// names lists the entries of <dataDir>/objects/<sub>.
func names(t testing.TB, dataDir, sub string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dataDir, "objects", sub))
	if err != nil {
		t.Fatalf("list %s: %v", sub, err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// assertStored checks that sub holds exactly want and that tmp is empty.
func assertStored(t testing.TB, dataDir, sub string, want ...string) {
	t.Helper()
	got := names(t, dataDir, sub)
	if len(got) != len(want) {
		t.Fatalf("%s holds %v, want %v", sub, got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%s holds %v, want %v", sub, got, want)
		}
	}
	if tmp := names(t, dataDir, "tmp"); len(tmp) != 0 {
		t.Errorf("tmp holds %v, want nothing", tmp)
	}
}
