package anthropic

import "strings"

const (
	reminderOpen  = "<system-reminder>"
	reminderClose = "</system-reminder>"
)

// userAuthored returns the part of a user text block the user wrote: Claude Code injects
// <system-reminder>…</system-reminder> segments (CLAUDE.md, todo lists) into user messages, and
// those are not prompts. ok is false when nothing is left.
func userAuthored(text string) (string, bool) {
	if !strings.Contains(text, reminderOpen) {
		if strings.TrimSpace(text) == "" {
			return "", false
		}
		return text, true // verbatim: the user's own whitespace is part of the prompt
	}
	var b strings.Builder
	rest := text
	for {
		i := strings.Index(rest, reminderOpen)
		if i < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:i])
		j := strings.Index(rest[i:], reminderClose)
		if j < 0 {
			break // an unclosed reminder runs to the end of the block
		}
		rest = rest[i+j+len(reminderClose):]
	}
	s := strings.TrimSpace(b.String())
	return s, s != ""
}

// environmentBlock returns the agent's environment description if text holds one: the <env>…</env>
// section when present (Claude Code), else the whole text when it names a working directory.
func environmentBlock(text string) (string, bool) {
	if i := strings.Index(text, "<env>"); i >= 0 {
		if j := strings.Index(text[i:], "</env>"); j >= 0 {
			return text[i : i+j+len("</env>")], true
		}
		return text[i:], true
	}
	if strings.Contains(strings.ToLower(text), "working directory") {
		return text, true
	}
	return "", false
}
