package analyze

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

const maxIntentBytes = 500

// injected are blocks agents add to user messages that the user did not write.
var injected = regexp.MustCompile(`(?s)<(system-reminder|environment_context|user_instructions|command-message|command-name|local-command-stdout)>.*?</(system-reminder|environment_context|user_instructions|command-message|command-name|local-command-stdout)>`)

// Intent is the session's purpose as its first real user prompt states it: injected reminders
// removed, whitespace collapsed, cut to a readable length.
func Intent(prompt string) string {
	s := injected.ReplaceAllString(prompt, " ")
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= maxIntentBytes {
		return s
	}
	cut := maxIntentBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
