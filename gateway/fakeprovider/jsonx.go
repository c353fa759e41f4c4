package fakeprovider

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// mustJSON encodes values this package built itself (or JSON it already parsed), so an error
// is a programming mistake, not bad input; panicking keeps every event builder free of error
// plumbing for a case that cannot happen at run time. HTML escaping is off because providers
// send "<" and "&" verbatim.
func mustJSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(fmt.Sprintf("fakeprovider: encode %T: %v", v, err))
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// prettyJSON is the 2-space indented form OpenAI and Gemini use for non-streamed bodies,
// followed by a newline as they send it.
func prettyJSON(v any) []byte {
	var buf bytes.Buffer
	if err := json.Indent(&buf, mustJSON(v), "", "  "); err != nil {
		panic(fmt.Sprintf("fakeprovider: indent %T: %v", v, err))
	}
	buf.WriteByte('\n')
	return buf.Bytes()
}

// geminiJSON reproduces the separators of Gemini's streamed chunks, `"k": v` with bare commas,
// so that byte-level parsers meet the same spacing they meet upstream.
func geminiJSON(v any) []byte {
	in := mustJSON(v)
	out := make([]byte, 0, len(in)+len(in)/8)
	inStr, esc := false, false
	for _, c := range in {
		out = append(out, c)
		switch {
		case esc:
			esc = false
		case inStr && c == '\\':
			esc = true
		case c == '"':
			inStr = !inStr
		case !inStr && c == ':':
			out = append(out, ' ')
		}
	}
	return out
}

// rawOrNull returns a RawMessage that encodes as the given JSON, or null when it is empty, for
// echoing request fields into response objects.
func rawOrNull(b json.RawMessage) json.RawMessage {
	if len(bytes.TrimSpace(b)) == 0 {
		return json.RawMessage("null")
	}
	return b
}

// obj is a JSON object that keeps its keys in the order written. Providers put "type" first
// and follow their own field order; byte-level consumers (fixtures, diffs) see the same.
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, f := range o {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(append(b, mustJSON(f.k)...), ':')
		b = append(b, mustJSON(f.v)...)
	}
	return append(b, '}'), nil
}

// typ returns the "type" field, which names the event on the wire.
func (o obj) typ() string {
	for _, f := range o {
		if s, ok := f.v.(string); ok && f.k == "type" {
			return s
		}
	}
	return ""
}
