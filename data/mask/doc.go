// Package mask replaces filesystem paths that identify a person or a machine layout with stable
// placeholders ("[path-1]", "[path-2]", ...) in text on its way out of a read surface. Stored bytes
// are never changed; callers that need forensic output simply do not mask.
//
// Only user-identifying roots are masked: /home/<user>, /Users/<user>, /root, /tmp/..., /private/var/...,
// /private/tmp/..., /var/folders/..., ~/... and ~user/..., and <drive>:\Users\<user> on Windows. Each
// is recognised plain, JSON-escaped (\/home\/x, C:\\Users\\x, also doubly escaped), percent-encoded
// (%2Fhome%2Fx) and as a file:// URI, and the whole path token is replaced, not only the user name.
// The same path in different encodings gets the same placeholder. System paths (/usr/bin/env),
// API routes (/api/v1/messages) and the path part of a URL with a scheme (https://host/home/x) are
// left alone: they do not identify the user, and masking them would make answers harder to read.
// A root met in the middle of a path (/mnt/c/Users/x under WSL) is masked from the start of that
// path, because the user name leaks just the same.
//
// A path ends at whitespace, a control character, a quote, < > ) ] }, a JSON escape such as \" or
// \n, ", " or ": " and before ":/" or ":<digit>" (so PATH lists split and file:line keeps its line
// number visible). Trailing sentence punctuation (. , : ; ? !) is not part of the path.
//
// The scanner works on bytes in one forward pass with bounded look-back, so it is linear in its
// input, never panics on invalid UTF-8, and returns text without paths unchanged and unallocated.
package mask
