package resttest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// The seeded database, made once per test binary and copied into each fixture. The dataset is
// written by the data module's conformance-seed command in a child process: the architecture
// test (data/internal/archtest) forbids a read surface to link data/write, tests included.
var seeded = struct {
	once sync.Once
	db   []byte
	err  string
}{}

const seedCommand = "github.com/recondo/recondo/data/datatest/cmd/conformance-seed"

func seededDB(t testing.TB) []byte {
	t.Helper()
	seeded.once.Do(func() {
		dir, err := os.MkdirTemp("", "resttest-seed-")
		if err != nil {
			seeded.err = err.Error()
			return
		}
		defer os.RemoveAll(dir)
		cmd := exec.Command("go", "run", seedCommand, "--data-dir", dir)
		cmd.Dir = moduleDir()
		if out, err := cmd.CombinedOutput(); err != nil {
			seeded.err = "go run " + seedCommand + ": " + err.Error() + "\n" + string(out)
			return
		}
		seeded.db, err = os.ReadFile(filepath.Join(dir, "recondo.db"))
		if err != nil {
			seeded.err = err.Error()
		}
	})
	if seeded.err != "" {
		t.Fatal(seeded.err)
	}
	return seeded.db
}

// moduleDir is the rest module's root, where `go run` resolves the workspace.
func moduleDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}
