package openai

import "strings"

// injectedMarkers open and close the fragments Codex adds to the conversation as user
// messages (codex-rs contextual user fragments): context for the model, not something the
// user typed. Matched on the trimmed text, ignoring case.
var injectedMarkers = [][2]string{
	{"<environment_context>", "</environment_context>"},
	{"# AGENTS.md instructions", "</INSTRUCTIONS>"},
	{"<user_instructions>", "</user_instructions>"},
	{"<skill>", "</skill>"},
	{"<user_shell_command>", "</user_shell_command>"},
	{"<turn_aborted>", "</turn_aborted>"},
	{"<subagent_notification>", "</subagent_notification>"},
	{"<codex_internal_context", "</codex_internal_context>"},
	{"<goal_context>", "</goal_context>"},
	{"<hook_prompt ", "</hook_prompt>"},
	{"<user_action>", "</user_action>"},
}

// isInjected reports whether a user text block is one of Codex's injected fragments.
func isInjected(text string) bool {
	t := strings.TrimSpace(text)
	for _, m := range injectedMarkers {
		if hasPrefixFold(t, m[0]) && hasSuffixFold(t, m[1]) {
			return true
		}
	}
	return false
}

func hasPrefixFold(s, p string) bool { return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) }
func hasSuffixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[len(s)-len(p):], p)
}

// environmentBlock returns the <environment_context> element a text holds (cwd, approval
// policy, sandbox, shell, …), tags included, or "".
func environmentBlock(text string) string {
	const open, end = "<environment_context>", "</environment_context>"
	i := strings.Index(text, open)
	if i < 0 {
		return ""
	}
	j := strings.Index(text[i:], end)
	if j < 0 {
		return ""
	}
	return text[i : i+j+len(end)]
}
