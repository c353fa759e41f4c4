package data

import (
	"context"
	"strings"
	"unicode/utf8"
)

// snippetRadius is how many bytes of context a search snippet keeps on each side of the match.
const snippetRadius = 120

// Search runs a full-text search and returns masked snippets around the first matching word.
func (a *API) Search(ctx context.Context, q SearchQuery, opt ReadOptions) (SearchPage, error) {
	var err error
	if q.Limit, err = limit(q.Limit); err != nil {
		return SearchPage{}, err
	}
	words, err := SearchWords(q.Text)
	if err != nil {
		return SearchPage{}, err
	}
	m, err := a.begin(ctx, opt, "search")
	if err != nil {
		return SearchPage{}, err
	}
	p, err := a.store.Search(ctx, q)
	if err != nil {
		return SearchPage{}, err
	}
	for i := range p.Hits {
		// Mask the whole text first, so a snippet never shows part of a path.
		p.Hits[i].Snippet = snippet(m.String(p.Hits[i].Snippet), words)
	}
	return p, nil
}

// snippet cuts text around the first occurrence of any word (case-insensitively), on rune
// boundaries, marking cuts with "…".
func snippet(text string, words []string) string {
	lower := strings.ToLower(text)
	at := -1
	for _, w := range words {
		if i := strings.Index(lower, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if len(lower) != len(text) { // ToLower changed byte offsets: fall back to the start
		at = 0
	}
	if at < 0 {
		at = 0
	}
	lo, hi := at-snippetRadius, at+snippetRadius
	prefix, suffix := "…", "…"
	if lo <= 0 {
		lo, prefix = 0, ""
	}
	if hi >= len(text) {
		hi, suffix = len(text), ""
	}
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	return prefix + text[lo:hi] + suffix
}
