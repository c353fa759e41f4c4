package analyze

import (
	"path"
	"regexp"
	"strings"
)

// GitContext is what an agent's environment description says about where it works.
type GitContext struct {
	WorkingDir string
	IsGitRepo  bool
	Repo       string // the working directory's name
	Branch     string
}

var (
	// Claude Code: "Working directory: /x", "Is directory a git repo: Yes", "Current branch: main".
	reWorkingDir = regexp.MustCompile(`(?m)^\s*(?:Primary working directory|Working directory):\s*(\S.*?)\s*$`)
	reIsGit      = regexp.MustCompile(`(?mi)^\s*Is (?:the )?directory a git repo(?:sitory)?:\s*(yes|no|true|false)`)
	reBranch     = regexp.MustCompile(`(?m)^\s*(?:Current branch|Branch):\s*(\S+)`)
	// Codex: <cwd>/x</cwd> inside <environment_context>.
	reCodexCwd = regexp.MustCompile(`<cwd>\s*([^<]+?)\s*</cwd>`)
	// Gemini CLI: "I'm currently working in the directory: /x".
	reGeminiCwd = regexp.MustCompile(`(?i)working in the directory:?\s*(\S+)`)
)

// ParseGitContext reads an environment block (any agent's wording that is known).
func ParseGitContext(env string) GitContext {
	var g GitContext
	for _, re := range []*regexp.Regexp{reWorkingDir, reCodexCwd, reGeminiCwd} {
		if m := re.FindStringSubmatch(env); m != nil {
			g.WorkingDir = strings.TrimRight(strings.TrimSpace(m[1]), "/.")
			break
		}
	}
	if m := reIsGit.FindStringSubmatch(env); m != nil {
		v := strings.ToLower(m[1])
		g.IsGitRepo = v == "yes" || v == "true"
	}
	if m := reBranch.FindStringSubmatch(env); m != nil {
		g.Branch = m[1]
		g.IsGitRepo = true
	}
	if g.WorkingDir != "" {
		g.Repo = path.Base(strings.ReplaceAll(g.WorkingDir, `\`, "/"))
	}
	return g
}
