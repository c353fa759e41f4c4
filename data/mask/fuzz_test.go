package mask

import (
	"strings"
	"testing"
)

func FuzzMask(f *testing.F) {
	for _, tc := range cases {
		f.Add(tc.in)
	}
	f.Add("\xff/home/\xfe/x\x00~/\\/Users\\/a\\/")
	f.Add(`C:\\\\Users\\\\bob\\\\x\\n`)
	f.Fuzz(func(t *testing.T, in string) {
		out := New().String(in)
		if again := New().String(out); again != out {
			t.Fatalf("not idempotent:\nin    %q\nout   %q\nagain %q", in, out, again)
		}
		if b := New().Bytes([]byte(in)); string(b) != out {
			t.Fatalf("Bytes and String disagree:\nin     %q\nString %q\nBytes  %q", in, out, b)
		}
		if at, ok := survivor(out); ok {
			t.Fatalf("user path survived at %d:\nin  %q\nout %q", at, in, out)
		}
	})
}

// survivor finds a "/home/<x>/" or "/Users/<x>/" in s that is not inside the authority or path of
// a URL with a scheme, which is the one place the masker deliberately leaves such text.
func survivor(s string) (int, bool) {
	for _, root := range []string{"/home/", "/Users/"} {
		for off := 0; ; {
			p := strings.Index(s[off:], root)
			if p < 0 {
				break
			}
			p += off
			off = p + 1
			j := p + len(root)
			for j < len(s) && isUserByte(s[j]) {
				j++
			}
			if j == p+len(root) || j == len(s) || s[j] != '/' {
				continue
			}
			tok := p
			for tok > 0 && !strings.ContainsRune(" \t\n\r\"'`<>", rune(s[tok-1])) {
				tok--
			}
			if !strings.Contains(s[tok:p+1], "://") { // p+1: "x://home/a/" has host "home"
				return p, true
			}
		}
	}
	return 0, false
}

func isUserByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-'
}
