package ca

import (
	"fmt"
	"testing"
)

func BenchmarkLeafCacheHit(b *testing.B) {
	l := NewLeaves(newTestCA(b), LeafOptions{})
	if _, err := l.Certificate("api.anthropic.com"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := l.Certificate("api.anthropic.com"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLeafGenerate(b *testing.B) {
	l := NewLeaves(newTestCA(b), LeafOptions{})
	i := 0
	for b.Loop() {
		i++
		if _, err := l.Certificate(fmt.Sprintf("h%d.example.com", i)); err != nil {
			b.Fatal(err)
		}
	}
}
