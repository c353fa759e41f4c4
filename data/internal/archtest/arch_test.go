package archtest

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

var modules = []string{"data", "gateway", "graphql", "mcp", "rest", "cli", "migrations", "web"}

// TestImportDirection lists the real dependencies of every workspace module (tests included)
// and fails on any forbidden edge.
func TestImportDirection(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	workspace := filepath.Join(filepath.Dir(file), "..", "..", "..")
	for _, m := range modules {
		// Production code: every package but test-support ones (named like httptest), with the
		// packages each depends on.
		cmd := exec.Command("go", "list", "-e", "-f", "{{.ImportPath}} {{join .Deps \" \"}}", "./...")
		cmd.Dir = filepath.Join(workspace, m)
		out, err := cmd.CombinedOutput()
		if err != nil {
			if strings.Contains(string(out), "matched no packages") {
				continue // a module with no Go packages yet
			}
			t.Fatalf("go list in %s: %v\n%s", m, err, out)
		}
		var prod []string
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			fields := strings.Fields(line)
			if len(fields) == 0 || IsTestSupport(fields[0]) {
				continue
			}
			prod = append(prod, fields...)
		}
		for _, v := range Violations(m, prod, false) {
			t.Error(v)
		}
		// Tests and test support.
		cmd = exec.Command("go", "list", "-e", "-deps", "-test", "-f", "{{.ImportPath}}", "./...")
		cmd.Dir = filepath.Join(workspace, m)
		if out, err = cmd.CombinedOutput(); err != nil {
			t.Fatalf("go list -test in %s: %v\n%s", m, err, out)
		}
		for _, v := range Violations(m, strings.Fields(string(out)), true) {
			t.Error(v)
		}
	}
}

// TestRulesCatchViolations makes sure the checker is not vacuous: each forbidden edge is named.
func TestRulesCatchViolations(t *testing.T) {
	cases := []struct {
		module, dep string
		bad         bool
		tests       bool
	}{
		{"cli", root + "data/write", false, true},       // a test seeding fixtures through the writer
		{"rest", root + "data/datatest", false, true},   // the conformance dataset, in tests
		{"graphql", root + "gateway/proxy", true, true}, // not even tests may reach the gateway
		{"mcp", root + "rest/api", true, true},          // nor another transport
		{"rest", root + "data/write", true, false},
		{"graphql", root + "data/write/objectwriter", true, false},
		{"mcp", root + "gateway/proxy", true, false},
		{"cli", root + "gateway/ca", false, false},
		{"cli", root + "gateway/capture", true, false},
		{"cli", root + "rest/api", true, false},
		{"gateway", root + "graphql/server", true, false},
		{"gateway", root + "data/write", false, false},
		{"data", root + "gateway", true, false},
		{"rest", root + "data", false, false},
		{"rest", root + "data/objects", false, false},
		{"rest", root + "data/writeahead", false, false}, // a prefix that is not data/write itself
		{"web", root + "data", true, false},              // the dashboard's assets are a leaf
		{"web", root + "migrations", true, true},
		{"web", root + "web.test", false, true}, // its own root package's test binary
		{"graphql", root + "web", false, false}, // recondo-graphql serves the dashboard
		{"graphql", root + "web", false, true},
		{"mcp", root + "web", true, false},
		{"rest", root + "web", true, false},
		{"cli", root + "web", true, true},
		{"gateway", root + "web", true, false},
		{"data", root + "web", true, false},
	}
	for _, c := range cases {
		got := len(Violations(c.module, []string{c.dep}, c.tests)) > 0
		if got != c.bad {
			t.Errorf("%s -> %s: violation %v, want %v", c.module, c.dep, got, c.bad)
		}
	}
}

func TestIsTestSupport(t *testing.T) {
	for path, want := range map[string]bool{
		root + "rest/internal/resttest": true, root + "data/datatest": true, root + "gateway/providers/providertest": true,
		root + "rest/api": false, root + "data/write": false, root + "data/internal/surfacetest": true, root + "gateway/bench": false,
	} {
		if got := IsTestSupport(path); got != want {
			t.Errorf("IsTestSupport(%s) = %v, want %v", path, got, want)
		}
	}
}
