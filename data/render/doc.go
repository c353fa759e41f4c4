// Package render wraps captured content in XML-like delimiters for agent-facing output (the MCP
// server), so an agent reading it can tell captured data from instructions, and captured text can
// never close or open a delimiter.
//
// Escaping: in the body & < > become &amp; &lt; &gt; (classic XML text escaping), so no captured
// "</captured_user_message>" or "<captured_...>" survives and already-escaped text round-trips
// ("&lt;" renders as "&amp;lt;"). Attribute values are escaped the same way and " also becomes
// &quot;. Characters that can hide text from a human or agent reviewer are removed: Unicode tag
// characters (U+E0000-U+E007F), bidi controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F,
// U+061C), zero-width characters (U+200B-U+200D, U+2060, U+FEFF), invisible operators
// (U+2061-U+2064), interlinear annotation controls (U+FFF9-U+FFFB), supplementary variation
// selectors (U+E0100-U+E01EF, usable to smuggle bytes) and control characters other than \n and \t
// (so also \r, ESC and the C1 range, which can rewrite what a terminal shows). Invalid UTF-8 becomes
// U+FFFD, one per bad byte. Raw bytes that are not valid UTF-8 are rendered as base64 instead, with
// encoding="base64", so nothing is lost.
package render
