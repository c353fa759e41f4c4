package openai

import (
	"encoding/json"
	"testing"
)

func TestScannerObject(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want map[string]string // key → the value read as a string (str) or raw
		ok   bool
	}{
		{"empty", `{}`, map[string]string{}, true},
		{"spaces", " { \"a\" : \"x\" ,\n\t\"b\":[1, {\"c\":\"}\"}] } ", map[string]string{"a": "x", "b": `[1, {"c":"}"}]`}, true},
		{"escaped quote in value", `{"a":"x\"y\\"}`, map[string]string{"a": `x"y\`}, true},
		{"long string with escapes", `{"a":"` + longEscaped + `"}`, map[string]string{"a": longDecoded}, true},
		{"unterminated string", `{"a":"x`, map[string]string{}, false},
		{"missing colon", `{"a" "x"}`, map[string]string{}, false},
		{"trailing comma", `{"a":"x",}`, map[string]string{"a": "x"}, false},
		{"not an object", `["a"]`, map[string]string{}, false},
		{"bad escape", `{"a":"\q"}`, map[string]string{}, false},
		{"truncated container", `{"b":[1,2`, map[string]string{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s scanner
			s.reset([]byte(tt.in))
			got := map[string]string{}
			ok := s.object(func(k []byte) {
				if s.peek() == '"' {
					if v := s.str(); !s.bad {
						got[string(k)] = v
					}
					return
				}
				if v := s.raw(); !s.bad {
					got[string(k)] = string(v)
				}
			})
			if ok && s.bad {
				ok = false
			}
			if ok != tt.ok || (tt.ok && !equalMaps(got, tt.want)) {
				t.Errorf("got %v ok=%v, want %v ok=%v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

const (
	longEscaped = `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\\\\\\\"c\u00e9`
	longDecoded = `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\\\"cé`
)

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if bv, ok := b[k]; !ok || bv != v {
			return false
		}
	}
	return true
}

func TestScannerInt(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"0", 0, true}, {"12806", 12806, true}, {"-3", -3, true}, {"23.0", 23, true}, {"1e3", 1000, true},
		{"123456789012345678901", 0, false}, {"null", 0, false}, {`"7"`, 0, false}, {"-", 0, false},
	}
	for _, tt := range tests {
		var s scanner
		s.reset([]byte(tt.in))
		if got, ok := s.int(); got != tt.want || ok != tt.ok {
			t.Errorf("int(%s) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzUnquote holds the scanner's string decoding to encoding/json's on every string
// encoding/json accepts, invalid UTF-8 and lone surrogates included.
func FuzzUnquote(f *testing.F) {
	for _, s := range []string{`"abc"`, `"a\"b"`, `"\u00e9\ud83d\ude00"`, `"\ud800x"`, `"\udc00\ud800"`, "\"\xff\xfe\"", `"\\\/\b\f\n\r\t"`, `"` + longEscaped + `"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var want string
		if json.Unmarshal(in, &want) != nil {
			return
		}
		var s scanner
		s.reset(in)
		got, ok := s.appendStr(nil)
		if !ok || string(got) != want {
			t.Fatalf("appendStr(%q) = %q, %v; encoding/json says %q", in, got, ok, want)
		}
	})
}
