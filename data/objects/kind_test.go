package objects

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestValidHash(t *testing.T) {
	valid := strings.Repeat("0123456789abcdef", 4)
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"lowercase hex", valid, true},
		{"empty", "", false},
		{"63 chars", valid[:63], false},
		{"65 chars", valid + "a", false},
		{"uppercase", strings.ToUpper(valid), false},
		{"one uppercase", "A" + valid[1:], false},
		{"non hex", "g" + valid[1:], false},
		{"traversal", "../../etc/passwd", false},
		{"traversal padded to 64", "../" + valid[3:], false},
		{"slash", valid[:32] + "/" + valid[33:], false},
		{"nul", valid[:63] + "\x00", false},
		{"multibyte", "é" + valid[2:], false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ValidHash(tt.in); got != tt.want {
				t.Errorf("ValidHash(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestKindValid(t *testing.T) {
	tests := []struct {
		in   Kind
		want bool
	}{
		{Request, true},
		{Response, true},
		{"", false},
		{"tmp", false},
		{"REQ", false},
		{"../req", false},
	}
	for _, tt := range tests {
		if got := tt.in.Valid(); got != tt.want {
			t.Errorf("Kind(%q).Valid() = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// Every entry point must refuse a bad name before it touches the filesystem.
func TestInvalidNamesRefused(t *testing.T) {
	valid := strings.Repeat("ab", 32)
	tests := []struct {
		name string
		kind Kind
		hash string
		want error
	}{
		{"traversal hash", Request, "../../etc/passwd", ErrInvalidHash},
		{"uppercase hash", Request, strings.ToUpper(valid), ErrInvalidHash},
		{"63 char hash", Response, valid[:63], ErrInvalidHash},
		{"empty hash", Response, "", ErrInvalidHash},
		{"traversal kind", "../req", valid, ErrInvalidKind},
		{"tmp kind", "tmp", valid, ErrInvalidKind},
		{"empty kind", "", valid, ErrInvalidKind},
	}
	ctx := context.Background()
	f := NewFS(t.TempDir())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := f.Path(tt.kind, tt.hash); !errors.Is(err, tt.want) {
				t.Errorf("Path: got %v, want %v", err, tt.want)
			}
			if _, err := f.Open(ctx, tt.kind, tt.hash); !errors.Is(err, tt.want) {
				t.Errorf("Open: got %v, want %v", err, tt.want)
			}
			if err := Verify(ctx, f, tt.kind, tt.hash); !errors.Is(err, tt.want) {
				t.Errorf("Verify: got %v, want %v", err, tt.want)
			}
			if _, _, err := ReadLimited(ctx, f, tt.kind, tt.hash, 10); !errors.Is(err, tt.want) {
				t.Errorf("ReadLimited: got %v, want %v", err, tt.want)
			}
		})
	}
}
