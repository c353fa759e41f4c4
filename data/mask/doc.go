// Package mask replaces filesystem paths that identify a person or a machine's layout with stable
// placeholders ("[path-1]", "[path-2]", ...) in text on its way out of a read surface. Stored bytes
// are never changed; forensic (unmasked) output simply does not call it.
//
// What is masked: paths under user-identifying roots only: /home/<user>, /Users/<user>, /root,
// /tmp/<x>, /private/var/<x>, /private/tmp/<x>, /var/folders/<x>, ~/<x>, ~user/ and
// <drive>:\Users\<user> (either slash, any case). Each is recognised plain, JSON-escaped
// (\/home\/x, C:\\Users\\x, and doubly escaped), percent-encoded (%2Fhome%2Fx) and as a file://
// URI. The whole path is replaced, not just the user name, and so is the whole word a root is
// found in ("/mnt/c/Users/x" under WSL, "-I/home/x"), since the user name leaks either way. One
// path gets one placeholder in every encoding.
//
// What is not: system paths (/usr/bin/env, /etc/hosts), API routes (/api/v1/messages), words, and
// the host and path of any URL with a scheme (https://example.com/home/alice): those do not
// identify the user, and masking them would make answers harder to read. A URL's query is scanned,
// because "?file=/home/x" does carry a user path.
//
// A path ends at white space, a control character, a quote, ( ) < > ] } &, a JSON escape such as
// \" or \n (so masked JSON stays valid), ", ", and a colon before a path or a number (PATH lists,
// and file:line:col keeps its position visible). Trailing . , : ; ? ! is punctuation, not path.
//
// The scanner makes one forward pass over bytes with bounded look-back, so it is linear in its
// input, cannot panic on invalid UTF-8 (non-ASCII bytes are path bytes and never split), masks
// its own output to itself, and returns text without paths unchanged and without allocating.
package mask
