package objectwriter

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestNewFSLayout(t *testing.T) {
	dataDir := filepath.Join(t.TempDir(), "not", "yet")
	for i := range 2 { // the second call finds everything in place
		if _, err := NewFS(dataDir); err != nil {
			t.Fatalf("NewFS call %d: %v", i+1, err)
		}
	}
	tests := []struct {
		dir  string
		perm os.FileMode
	}{
		{"req", dirPerm},
		{"resp", dirPerm},
		{"tmp", tmpPerm},
	}
	for _, tt := range tests {
		info, err := os.Stat(filepath.Join(dataDir, "objects", tt.dir))
		if err != nil {
			t.Fatalf("stat %s: %v", tt.dir, err)
		}
		// The umask may only remove bits, never add them.
		if !info.IsDir() || info.Mode().Perm()&^tt.perm != 0 {
			t.Errorf("%s: mode %v, want a directory within %v", tt.dir, info.Mode(), tt.perm)
		}
	}
}

func TestNewFSRefusesFileInTheWay(t *testing.T) {
	dataDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dataDir, "objects"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := NewFS(dataDir); err == nil {
		t.Errorf("NewFS: got nil error with a file at objects/")
	}
}

func TestNewFSSweepsStaleTemp(t *testing.T) {
	_, dataDir := newFS(t)
	tmp := filepath.Join(dataDir, "objects", "tmp")
	tests := []struct {
		name string
		age  time.Duration
		kept bool
	}{
		{"req-crashed", 2 * time.Hour, false},
		{"resp-just-over", staleAfter + time.Minute, false},
		{"req-in-flight", time.Minute, true},
	}
	for _, tt := range tests {
		path := filepath.Join(tmp, tt.name)
		if err := os.WriteFile(path, []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
		mtime := time.Now().Add(-tt.age)
		if err := os.Chtimes(path, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := NewFS(dataDir); err != nil {
		t.Fatalf("NewFS: %v", err)
	}
	for _, tt := range tests {
		_, err := os.Stat(filepath.Join(tmp, tt.name))
		if kept := err == nil; kept != tt.kept {
			t.Errorf("%s: kept = %v, want %v (stat: %v)", tt.name, kept, tt.kept, err)
		}
	}
}
