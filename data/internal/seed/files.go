package seed

import (
	"hash/fnv"
	"strconv"
	"strings"
)

// Each repo has a fixed space of files; sessions touch a few of them often (Zipf over the
// repo's file ranks), as work clusters around hot packages.

const filesPerRepo = 400

func repoHash(name string) int {
	h := fnv.New32a()
	h.Write([]byte(name))
	return int(h.Sum32() & 0x7fffffff)
}

// fileAt is the repo-relative path of the repo's rank-th file.
func fileAt(rp repo, rank int) string {
	h := repoHash(rp.name)
	pkg := devWords[(h+rank/6*13)%len(devWords)]
	name := devWords[(h+rank*29+7)%len(devWords)]
	if rank%5 == 0 {
		name = techWords[(h+rank*31)%len(techWords)]
	}
	test := rank%3 == 1
	switch rp.lang {
	case "ts":
		switch {
		case test:
			return "test/" + pkg + "/" + name + ".test.ts"
		case rank%4 == 0:
			return "src/components/" + title(name) + ".tsx"
		}
		return "src/" + pkg + "/" + name + ".ts"
	case "py":
		mod := strings.ReplaceAll(rp.name, "-", "_")
		if test {
			return "tests/" + pkg + "/test_" + name + ".py"
		}
		return mod + "/" + pkg + "/" + name + ".py"
	default:
		dir := "internal/" + pkg
		if rank%7 == 0 {
			dir = "pkg/" + pkg
		}
		if test {
			return dir + "/" + name + "_test.go"
		}
		return dir + "/" + name + ".go"
	}
}

func (g *sessionGen) file() string { return fileAt(g.repo, int(g.fz.Uint64())) }

// pkgDir is a directory of the repo, for test runs and searches.
func (g *sessionGen) pkgDir() string {
	f := g.file()
	if i := strings.LastIndexByte(f, '/'); i > 0 {
		return f[:i]
	}
	return "."
}

func (g *sessionGen) absPath(rel string) string { return g.dev.home + g.repo.name + "/" + rel }

func (g *sessionGen) testCommand() string {
	switch g.repo.lang {
	case "ts":
		return "npx vitest run " + g.file()
	case "py":
		return "pytest " + g.file() + " -x -q"
	}
	return "go test ./" + g.pkgDir() + "/... -run Test" + title(g.ident())
}

func (g *sessionGen) shellCommand() string {
	switch g.r.IntN(10) {
	case 0, 1, 2:
		return g.testCommand()
	case 3:
		return "git status --short"
	case 4:
		return "git diff --stat"
	case 5:
		return "rg -n '" + g.ident() + "' " + g.pkgDir()
	case 6:
		return "ls -la " + g.pkgDir()
	case 7:
		return map[string]string{"go": "go build ./... && go vet ./...", "ts": "npm run lint", "py": "ruff check ."}[g.repo.lang]
	case 8:
		return "sed -n '" + strconv.Itoa(1+g.r.IntN(200)) + ",+80p' " + g.file()
	}
	return "git log --oneline -n " + strconv.Itoa(5+g.r.IntN(20))
}

// codeLine is a plausible line of the repo's language, for edits and new files.
func (g *sessionGen) codeLine() string {
	a, b := g.ident(), g.word()
	switch g.repo.lang {
	case "ts":
		switch g.r.IntN(4) {
		case 0:
			return "const " + a + " = await fetch(`/api/" + b + "`);"
		case 1:
			return "if (!" + a + ") throw new Error('" + b + " missing');"
		case 2:
			return "export function " + a + "(" + b + ": string): boolean {"
		}
		return "return " + a + "." + b + " ?? null;"
	case "py":
		switch g.r.IntN(4) {
		case 0:
			return "def " + strings.ToLower(a) + "(self, " + b + "):"
		case 1:
			return "raise ValueError(f\"" + b + " {" + strings.ToLower(a) + "!r}\")"
		case 2:
			return "for " + b + " in self." + strings.ToLower(a) + ":"
		}
		return "return " + strings.ToLower(a) + "." + b
	}
	switch g.r.IntN(4) {
	case 0:
		return "return nil, fmt.Errorf(\"" + b + ": %w\", err)"
	case 1:
		return "if " + a + " == nil {"
	case 2:
		return "func (s *" + title(a) + ") " + title(b) + "(ctx context.Context) error {"
	}
	return a + " := " + b + "." + title(g.word()) + "()"
}

func (g *sessionGen) code(lines int) string {
	out := make([]string, lines)
	for i := range out {
		out[i] = g.codeLine()
	}
	return strings.Join(out, "\n")
}
