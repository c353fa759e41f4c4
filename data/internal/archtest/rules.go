package archtest

import (
	"fmt"
	"strings"
)

const root = "github.com/recondo/recondo/"

var transports = []string{"graphql", "mcp", "rest", "cli"}

// allowedGatewayImports lists the gateway packages a module may use anyway: the CLI runs
// `recondo init` and `recondo ca`, whose code lives with the gateway.
var allowedGatewayImports = map[string][]string{"cli": {root + "gateway/ca"}}

// web is the dashboard's embedded assets: it imports nothing from the workspace, and only
// graphql, whose binary serves the dashboard at "/", may import it.
const (
	web         = "web"
	webImporter = "graphql"
)

// Violations returns every forbidden edge from module (a workspace directory name) to the
// packages in deps (its packages' transitive dependencies). testDeps says deps include the
// module's tests: a transport's tests may seed fixtures through the writer side (data/write,
// data/datatest), but its code may not, and nothing may reach the gateway or a transport. The
// web module is a leaf that only graphql imports.
func Violations(module string, deps []string, testDeps bool) []string {
	var out []string
	isTransport := contains(transports, module)
	for _, d := range deps {
		if !strings.HasPrefix(d, root) {
			continue
		}
		target, _, _ := strings.Cut(strings.TrimPrefix(d, root), "/")
		// A module's root package has a test binary named like a sibling module ("web.test").
		target = strings.TrimSuffix(target, ".test")
		switch {
		case target == module:
			continue
		case module == web:
			out = append(out, fmt.Sprintf("web imports %s: the dashboard's assets depend on nothing in the workspace", d))
		case target == web && module != webImporter:
			out = append(out, fmt.Sprintf("%s imports %s: only graphql, which serves the dashboard, may", module, d))
		case contains(transports, target):
			out = append(out, fmt.Sprintf("%s imports transport %s: nothing may import a transport", module, d))
		case target == "gateway" && module != "gateway":
			if !allowed(module, d) {
				out = append(out, fmt.Sprintf("%s imports %s: only the gateway's own packages may (CLI: gateway/ca)", module, d))
			}
		case isTransport && !testDeps && (d == root+"data/write" || strings.HasPrefix(d, root+"data/write/")):
			out = append(out, fmt.Sprintf("%s imports the writer side %s: read surfaces may only read", module, d))
		}
	}
	return out
}

func allowed(module, dep string) bool {
	for _, p := range allowedGatewayImports[module] {
		if dep == p || strings.HasPrefix(dep, p+"/") {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// IsTestSupport reports whether a package exists only for tests: by the standard library's
// convention (net/http/httptest), its name ends in "test" (datatest, resttest, providertest).
func IsTestSupport(importPath string) bool {
	return strings.HasSuffix(importPath[strings.LastIndex(importPath, "/")+1:], "test")
}
