// Package providers turns the bytes of one captured exchange into meaning: which provider and API
// it was, the models, ids, normalised and native usage, stop reason, completeness, errors, tool
// calls with their arguments, text, thinking, and what the request says (session ids, tool
// results, prompts). Parsers run off the proxy's path, on the stored bytes; they never panic, and
// a shape they do not know is reported as Unparsed, never guessed.
package providers
