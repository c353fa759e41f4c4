package mask

import (
	"strings"
	"testing"
)

// benchText repeats unit to about 64 KiB, the size of a large captured message.
func benchText(unit string) string { return strings.Repeat(unit, 64<<10/len(unit)) }

func BenchmarkMaskNoPaths(b *testing.B) {
	s := benchText("The handler at /api/v1/messages calls /usr/bin/env with key: value, " +
		"see https://example.com/docs/home/index.html for details.\n")
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		New().String(s)
	}
}

func BenchmarkMaskMixed(b *testing.B) {
	s := benchText(`{"cwd":"/home/alice/src/app","msg":"edited /home/alice/src/app/main.go:12, ` +
		`see C:\\Users\\alice\\x.txt and https://example.com/home/alice"}` + "\n" +
		"plain prose without anything interesting in it at all, just words and more words.\n")
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		New().String(s)
	}
}
