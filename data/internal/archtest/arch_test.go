package archtest

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

var modules = []string{"data", "gateway", "graphql", "mcp", "rest", "cli", "migrations"}

// TestImportDirection lists the real dependencies of every workspace module (tests included)
// and fails on any forbidden edge.
func TestImportDirection(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	workspace := filepath.Join(filepath.Dir(file), "..", "..", "..")
	for _, m := range modules {
		cmd := exec.Command("go", "list", "-e", "-deps", "-test", "-f", "{{.ImportPath}}", "./...")
		cmd.Dir = filepath.Join(workspace, m)
		out, err := cmd.CombinedOutput()
		if err != nil {
			if strings.Contains(string(out), "matched no packages") {
				continue // a module with no Go packages yet
			}
			t.Fatalf("go list in %s: %v\n%s", m, err, out)
		}
		for _, v := range Violations(m, strings.Fields(string(out))) {
			t.Error(v)
		}
	}
}

// TestRulesCatchViolations makes sure the checker is not vacuous: each forbidden edge is named.
func TestRulesCatchViolations(t *testing.T) {
	cases := []struct {
		module, dep string
		bad         bool
	}{
		{"rest", root + "data/write", true},
		{"graphql", root + "data/write/objectwriter", true},
		{"mcp", root + "gateway/proxy", true},
		{"cli", root + "gateway/ca", false},
		{"cli", root + "gateway/capture", true},
		{"cli", root + "rest/api", true},
		{"gateway", root + "graphql/server", true},
		{"gateway", root + "data/write", false},
		{"data", root + "gateway", true},
		{"rest", root + "data", false},
		{"rest", root + "data/objects", false},
		{"rest", root + "data/writeahead", false}, // a prefix that is not data/write itself
	}
	for _, c := range cases {
		got := len(Violations(c.module, []string{c.dep})) > 0
		if got != c.bad {
			t.Errorf("%s -> %s: violation %v, want %v", c.module, c.dep, got, c.bad)
		}
	}
}
