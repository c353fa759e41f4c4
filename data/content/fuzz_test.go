package content

import "testing"

// fuzzEncodings are what the fuzzer picks from with its selector byte; free-form header strings
// are exercised too, through the last entry.
var fuzzEncodings = []string{"gzip", "br", "zstd", "deflate", "identity", "gzip, br", "zstd, deflate"}

const fuzzMax = 1 << 20

func FuzzDecode(f *testing.F) {
	for i, enc := range [][]string{{"gzip"}, {"br"}, {"zstd"}, {"zlib"}, nil, {"gzip", "br"}, {"zstd", "zlib"}} {
		f.Add(encode(f, body[:300], enc...), uint8(i), "")
	}
	f.Add(zstdZeroBomb(16), uint8(2), "")
	f.Add([]byte("plain"), uint8(255), "GZip ,, identity")
	f.Fuzz(func(t *testing.T, data []byte, sel uint8, header string) {
		encoding := header
		if int(sel) < len(fuzzEncodings) {
			encoding = fuzzEncodings[sel]
		}
		got, err := Decode(data, encoding, fuzzMax)
		if err != nil {
			if got != nil {
				t.Errorf("returned %d bytes with error %v", len(got), err)
			}
			return
		}
		if len(got) > fuzzMax {
			t.Errorf("returned %d bytes, over the %d limit", len(got), fuzzMax)
		}
	})
}
