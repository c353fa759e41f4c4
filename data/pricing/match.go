package pricing

import (
	"regexp"
	"strings"
)

// Normalize is how model names are compared: trimmed, lower case, without the "models/" prefix
// Gemini's REST paths put on them.
func Normalize(model string) string {
	return strings.TrimPrefix(strings.ToLower(strings.TrimSpace(model)), "models/")
}

// Date and version suffixes Undated strips. Dates must look like dates so that a version number
// is never taken for one.
var (
	dateDash8  = regexp.MustCompile(`-20\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$`)
	dateAt8    = regexp.MustCompile(`@20\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$`)
	dateISO    = regexp.MustCompile(`-20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$`)
	version3   = regexp.MustCompile(`-\d{3}$`)
	suffixesOf = map[string][]*regexp.Regexp{"google": {version3}}
)

// Undated strips the one suffix a provider appends to name a snapshot of a model, and reports
// whether it did. Exactly these are stripped:
//
//	-YYYYMMDD    Anthropic            claude-sonnet-4-5-20250929 → claude-sonnet-4-5
//	@YYYYMMDD    Anthropic on Vertex  claude-sonnet-4-5@20250929 → claude-sonnet-4-5
//	-YYYY-MM-DD  OpenAI               gpt-4.1-2025-04-14         → gpt-4.1
//	-NNN         Google only          gemini-2.0-flash-001       → gemini-2.0-flash
//
// Nothing else is: not -preview-MM-DD (previews were priced apart from their release, e.g.
// gemini-2.5-flash-preview-05-20), not -latest, not OpenAI's older -MMDD snapshots (priced apart
// too), not Bedrock's -v1:0. A snapshot priced apart from its undated name gets an entry of its
// own, which wins because exact names are matched first.
func Undated(provider, model string) (string, bool) {
	for _, re := range append([]*regexp.Regexp{dateDash8, dateAt8, dateISO}, suffixesOf[provider]...) {
		if loc := re.FindStringIndex(model); loc != nil && loc[0] > 0 {
			return model[:loc[0]], true
		}
	}
	return model, false
}
