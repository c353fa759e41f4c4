package wsframe

import "testing"

func TestParseExtensions(t *testing.T) {
	on := func(f func(*Deflate)) Deflate {
		d := Deflate{Enabled: true, ClientMaxWindowBits: 15, ServerMaxWindowBits: 15}
		if f != nil {
			f(&d)
		}
		return d
	}
	tests := []struct {
		name    string
		in      []string
		want    Deflate
		wantErr bool
	}{
		{"absent", nil, Deflate{}, false},
		{"empty", []string{""}, Deflate{}, false},
		{"plain", []string{"permessage-deflate"}, on(nil), false},
		{"coder no context takeover", []string{"permessage-deflate; client_no_context_takeover; server_no_context_takeover"},
			on(func(d *Deflate) { d.ClientNoContextTakeover, d.ServerNoContextTakeover = true, true }), false},
		{"window bits", []string{"permessage-deflate;server_max_window_bits=10; client_max_window_bits=\"12\""},
			on(func(d *Deflate) { d.ServerMaxWindowBits, d.ClientMaxWindowBits = 10, 12 }), false},
		{"bare client window bits", []string{"permessage-deflate; client_max_window_bits"}, on(nil), false},
		{"case insensitive", []string{"PerMessage-Deflate; Server_No_Context_Takeover"},
			on(func(d *Deflate) { d.ServerNoContextTakeover = true }), false},
		{"other extensions ignored", []string{`x-foo; a="b,c", permessage-deflate`, "x-bar"}, on(nil), false},
		{"empty list elements", []string{" , permessage-deflate ,"}, on(nil), false},
		{"accepted twice", []string{"permessage-deflate", "permessage-deflate"}, Deflate{}, true},
		{"unknown parameter", []string{"permessage-deflate; foo"}, Deflate{}, true},
		{"duplicate parameter", []string{"permessage-deflate; server_no_context_takeover; server_no_context_takeover"}, Deflate{}, true},
		{"value on flag", []string{"permessage-deflate; client_no_context_takeover=1"}, Deflate{}, true},
		{"bare server window bits", []string{"permessage-deflate; server_max_window_bits"}, Deflate{}, true},
		{"window bits too small", []string{"permessage-deflate; server_max_window_bits=7"}, Deflate{}, true},
		{"window bits too large", []string{"permessage-deflate; client_max_window_bits=16"}, Deflate{}, true},
		{"window bits not a number", []string{"permessage-deflate; client_max_window_bits=x"}, Deflate{}, true},
		{"empty parameter", []string{"permessage-deflate; ; server_no_context_takeover"}, Deflate{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseExtensions(tc.in)
			if (err != nil) != tc.wantErr {
				t.Fatalf("ParseExtensions(%q) error = %v, want error: %v", tc.in, err, tc.wantErr)
			}
			if got != tc.want {
				t.Fatalf("ParseExtensions(%q) = %+v, want %+v", tc.in, got, tc.want)
			}
		})
	}
}
