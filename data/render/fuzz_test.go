package render

import (
	"encoding/base64"
	"strings"
	"testing"
	"unicode/utf8"
)

var kinds = []Kind{UserMessage, AssistantMessage, ToolUse, ToolResult, RawBytes}

func FuzzWrap(f *testing.F) {
	for i, tc := range hostile {
		value := ""
		if len(tc.attrs) > 0 {
			value = tc.attrs[0].Value
		}
		f.Add(tc.text, value, uint8(i))
	}
	f.Fuzz(func(t *testing.T, text, value string, k uint8) {
		kind := kinds[int(k)%len(kinds)]
		out := Wrap(kind, text, Attr{"turn_id", value}, Attr{"tool", text})

		open, close := "<"+string(kind), "</"+string(kind)+">"
		if !strings.HasPrefix(out, open) || !strings.HasSuffix(out, close) {
			t.Fatalf("not wrapped in %s...%s: %q", open, close, out)
		}
		if n := strings.Count(out, open); n != 1 {
			t.Fatalf("%d opening delimiters in %q", n, out)
		}
		if n := strings.Count(out, close); n != 1 {
			t.Fatalf("%d closing delimiters in %q", n, out)
		}
		if strings.Count(out, "<") != 2 || strings.Count(out, ">") != 2 {
			t.Fatalf("stray < or > outside the two delimiters: %q", out)
		}

		end := strings.IndexByte(out, '>')
		tag, body := out[:end], out[end+1:len(out)-len(close)]
		if got, want := attr(t, tag, "turn_id"), visible(value); got != want {
			t.Fatalf("turn_id round trip:\n got %q\nwant %q", got, want)
		}
		if kind == RawBytes && !utf8.ValidString(text) {
			if !strings.Contains(tag, ` encoding="base64"`) {
				t.Fatalf("binary raw bytes without encoding attribute: %q", tag)
			}
			got, err := base64.StdEncoding.DecodeString(body)
			if err != nil || string(got) != text {
				t.Fatalf("base64 body does not decode to the input: %q, %v", got, err)
			}
			return
		}
		if got, want := unescape(body), visible(text); got != want {
			t.Fatalf("body round trip:\n got %q\nwant %q", got, want)
		}
	})
}

// visible is what should survive rendering: the input with invalid bytes as U+FFFD and hidden
// characters removed. It restates the package's rule independently, as lists of ranges.
func visible(s string) string {
	stripped := [][2]rune{
		{0x00, 0x08}, {0x0b, 0x1f}, {0x7f, 0x9f}, {0x061c, 0x061c}, {0x200b, 0x200f},
		{0x202a, 0x202e}, {0x2060, 0x2064}, {0x2066, 0x2069}, {0xfeff, 0xfeff}, {0xfff9, 0xfffb},
		{0xe0000, 0xe007f}, {0xe0100, 0xe01ef},
	}
	var b strings.Builder
next:
	for _, r := range s { // range yields U+FFFD for each invalid byte
		for _, rg := range stripped {
			if r >= rg[0] && r <= rg[1] {
				continue next
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// unescape reverses the entities Wrap writes.
func unescape(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&amp;", "&").Replace(s)
}

// attr returns the unescaped value of attribute key in an opening tag.
func attr(t *testing.T, tag, key string) string {
	t.Helper()
	i := strings.Index(tag, " "+key+`="`)
	if i < 0 {
		t.Fatalf("no %s attribute in %q", key, tag)
	}
	v := tag[i+len(key)+3:]
	j := strings.IndexByte(v, '"')
	if j < 0 {
		t.Fatalf("unterminated %s attribute in %q", key, tag)
	}
	return unescape(v[:j])
}
