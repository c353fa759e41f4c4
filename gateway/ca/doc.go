// Package ca owns Recondo's local certificate authority: it creates, loads, exports and
// installs the CA that agents trust, and mints the short-lived per-host leaf certificates the
// gateway presents when it terminates TLS for LLM provider hosts.
package ca
