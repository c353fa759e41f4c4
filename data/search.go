package data

import (
	"strings"
	"time"
	"unicode"
)

// SearchQuery is a full-text search over captured text. Text is split into words (letters and
// digits); a hit must contain every word. Hits come newest first.
type SearchQuery struct {
	Text      string
	SessionID string
	Role      string
	Limit     int
	Cursor    string
}

// SearchHit is one piece of captured text that matched, with a snippet around the first match.
type SearchHit struct {
	TurnID    string    `json:"turn_id"`
	SessionID string    `json:"session_id"`
	StartedAt time.Time `json:"started_at"`
	Role      string    `json:"role"`
	Snippet   string    `json:"snippet"`
}

// SearchPage is one page of search hits.
type SearchPage struct {
	Hits       []SearchHit `json:"hits"`
	NextCursor string      `json:"next_cursor,omitempty"`
}

// maxSearchWords bounds the work one query can ask of the full-text index.
const maxSearchWords = 16

// SearchWords splits text into the lowercase words (runs of letters and digits) that both
// engines index the same way. It is the only thing of the caller's text that reaches an index
// query, so no query syntax can be injected.
func SearchWords(text string) ([]string, error) {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return nil, Errorf(EINVALID, "search text %q has no words to search for", text)
	}
	if len(words) > maxSearchWords {
		return nil, Errorf(EINVALID, "search text has %d words; at most %d are allowed", len(words), maxSearchWords)
	}
	return words, nil
}
