package anthropic

import (
	"bytes"
	"encoding/json"

	"github.com/recondo/recondo/gateway/providers/internal/wire"
)

var cacheControlKey = []byte(`"cache_control"`)

// messageHash returns the SHA-256 of a message's canonical JSON: compact, with every
// "cache_control" member removed. Claude Code moves cache_control breakpoints onto the newest
// messages each turn, so without this the same message would hash differently from one request
// to the next and conversation continuity (and subagent identity) would break.
func messageHash(raw []byte) string {
	if !bytes.Contains(raw, cacheControlKey) {
		return wire.HashJSON(raw)
	}
	var buf bytes.Buffer
	buf.Grow(len(raw))
	if canonical(&buf, raw) != nil {
		return wire.HashJSON(raw)
	}
	return wire.HashBytes(buf.Bytes())
}

// canonical writes v compacted, dropping "cache_control" members at any depth. Scalars keep
// their exact bytes and keys are re-encoded without HTML escaping, so for a value with no
// cache_control the output equals json.Compact's (for keys without escape sequences).
func canonical(out *bytes.Buffer, v []byte) error {
	v = bytes.TrimSpace(v)
	if len(v) == 0 || (v[0] != '{' && v[0] != '[') {
		return json.Compact(out, v)
	}
	dec := json.NewDecoder(bytes.NewReader(v))
	if _, err := dec.Token(); err != nil { // the opening delimiter
		return err
	}
	isObject := v[0] == '{'
	out.WriteByte(v[0])
	first := true
	for dec.More() {
		var key string
		if isObject {
			tok, err := dec.Token()
			if err != nil {
				return err
			}
			key, _ = tok.(string)
		}
		var val json.RawMessage
		if err := dec.Decode(&val); err != nil {
			return err
		}
		if isObject && key == "cache_control" {
			continue
		}
		if !first {
			out.WriteByte(',')
		}
		first = false
		if isObject {
			writeKey(out, key)
			out.WriteByte(':')
		}
		if err := canonical(out, val); err != nil {
			return err
		}
	}
	if isObject {
		out.WriteByte('}')
	} else {
		out.WriteByte(']')
	}
	return nil
}

func writeKey(out *bytes.Buffer, key string) {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	if enc.Encode(key) == nil && out.Len() > 0 {
		out.Truncate(out.Len() - 1) // Encode appends a newline
	}
}
