// Package wire holds the small byte- and header-level helpers every provider parser needs
// (message hashing, body sniffing, user-agent versions, error sources), so the parsers agree on
// them without depending on each other.
package wire
